package com.telco.billing.node.tls;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate made at test time with the JDK's {@code keytool}, the way
 * docs/operations.md ("TLS") makes one: a PKCS12 keystore with the key, a PKCS12 truststore with
 * the certificate, and a password file. Nothing of it is in the repository.
 *
 * @param keystore the private key and certificate (for {@code localhost} and {@code 127.0.0.1})
 * @param truststore the certificate alone
 * @param passwordFile the password of both, as a file (with a trailing newline, like a Secret
 *     created from a file)
 * @param password the same password
 */
public record TestKeyStores(Path keystore, Path truststore, Path passwordFile, String password) {

  /** Generates a key pair and its stores in {@code dir}. */
  public static TestKeyStores generate(Path dir) {
    try {
      Files.createDirectories(dir);
      String password = UUID.randomUUID().toString();
      Path keystore = dir.resolve("server.p12");
      Path certificate = dir.resolve("server.crt");
      Path truststore = dir.resolve("trust.p12");
      Path passwordFile = dir.resolve("password");
      Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
      keytool(
          "-genkeypair",
          "-alias",
          "billing",
          "-keyalg",
          "RSA",
          "-keysize",
          "2048",
          "-validity",
          "2",
          "-dname",
          "CN=localhost",
          "-ext",
          "SAN=dns:localhost,ip:127.0.0.1",
          "-storetype",
          "PKCS12",
          "-keystore",
          keystore.toString(),
          "-storepass",
          password);
      keytool(
          "-exportcert",
          "-rfc",
          "-alias",
          "billing",
          "-keystore",
          keystore.toString(),
          "-storepass",
          password,
          "-file",
          certificate.toString());
      keytool(
          "-importcert",
          "-noprompt",
          "-alias",
          "billing",
          "-file",
          certificate.toString(),
          "-storetype",
          "PKCS12",
          "-keystore",
          truststore.toString(),
          "-storepass",
          password);
      return new TestKeyStores(keystore, truststore, passwordFile, password);
    } catch (IOException e) {
      throw new IllegalStateException("cannot generate test key stores in " + dir, e);
    }
  }

  /** A client context that trusts this certificate only. */
  public SSLContext clientContext() {
    try (InputStream in = Files.newInputStream(truststore)) {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(in, password.toCharArray());
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (Exception e) {
      throw new IllegalStateException("cannot read " + truststore, e);
    }
  }

  /** An HTTP client that trusts this certificate only. */
  public HttpClient httpClient() {
    return HttpClient.newBuilder().sslContext(clientContext()).build();
  }

  private static void keytool(String... arguments) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IOException("keytool " + arguments[0] + " failed: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while keytool ran", e);
    }
  }
}
