package com.telco.billing.node.tls;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.security.SecureRandom;

/**
 * Raw TLS handshakes for tests: what a server answers to a client that offers only an old protocol
 * version. Written by hand, because the JDK's own client refuses to offer TLS 1.0 and 1.1 by
 * default (so a refusal would prove nothing about the server).
 */
public final class TlsProbes {
  /** TLS record content types. */
  public static final int HANDSHAKE = 22;

  public static final int ALERT = 21;

  /** The alert a server sends for a protocol version it does not speak. */
  public static final int PROTOCOL_VERSION_ALERT = 70;

  /** What the server sent first: a record's content type and, for an alert, its description. */
  public record Answer(int contentType, int alertDescription) {
    /** The connection was closed without any record. */
    public static final Answer CLOSED = new Answer(-1, -1);

    public boolean isServerHello() {
      return contentType == HANDSHAKE;
    }
  }

  private TlsProbes() {}

  /**
   * Sends a ClientHello offering at most the given version ({@code 0x0302}: TLS 1.1, {@code
   * 0x0303}: TLS 1.2) and common RSA cipher suites of that era, and reads the first record back.
   */
  public static Answer clientHello(String host, int port, int version) throws IOException {
    try (Socket socket = new Socket(host, port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(clientHelloRecord(version));
      out.flush();
      DataInputStream in = new DataInputStream(socket.getInputStream());
      return read(in);
    }
  }

  private static Answer read(DataInputStream in) throws IOException {
    try {
      int type = in.readUnsignedByte();
      in.readUnsignedShort(); // record version
      int length = in.readUnsignedShort();
      byte[] body = new byte[length];
      in.readFully(body);
      int description = type == ALERT && length >= 2 ? body[1] & 0xff : -1;
      return new Answer(type, description);
    } catch (EOFException | SocketException e) {
      return Answer.CLOSED;
    }
  }

  private static byte[] clientHelloRecord(int version) {
    int[] suites = {
      0xc02f, // TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 (TLS 1.2)
      0xc013, // TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA
      0xc014, // TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA
      0x002f, // TLS_RSA_WITH_AES_128_CBC_SHA
      0x0035 // TLS_RSA_WITH_AES_256_CBC_SHA
    };
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    byte[] extensions = extensions();
    ByteBuffer hello =
        ByteBuffer.allocate(2 + 32 + 1 + 2 + suites.length * 2 + 2 + 2 + extensions.length);
    hello.putShort((short) version).put(random).put((byte) 0);
    hello.putShort((short) (suites.length * 2));
    for (int suite : suites) {
      hello.putShort((short) suite);
    }
    hello.put((byte) 1).put((byte) 0); // compression: null only
    hello.putShort((short) extensions.length).put(extensions);
    byte[] body = hello.array();
    ByteBuffer record = ByteBuffer.allocate(5 + 4 + body.length);
    record.put((byte) HANDSHAKE).putShort((short) 0x0301).putShort((short) (4 + body.length));
    record.put((byte) 1); // ClientHello
    record.put((byte) 0).putShort((short) body.length);
    record.put(body);
    return record.array();
  }

  /** supported_groups (secp256r1), ec_point_formats (uncompressed), signature_algorithms. */
  private static byte[] extensions() {
    ByteBuffer e = ByteBuffer.allocate(64);
    e.putShort((short) 0x000a).putShort((short) 4).putShort((short) 2).putShort((short) 0x0017);
    e.putShort((short) 0x000b).putShort((short) 2).put((byte) 1).put((byte) 0);
    e.putShort((short) 0x000d).putShort((short) 6).putShort((short) 4);
    e.putShort((short) 0x0401).putShort((short) 0x0804); // rsa_pkcs1_sha256, rsa_pss_rsae_sha256
    byte[] bytes = new byte[e.position()];
    e.flip().get(bytes);
    return bytes;
  }
}
