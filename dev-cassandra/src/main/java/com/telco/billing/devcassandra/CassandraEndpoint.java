package com.telco.billing.devcassandra;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Where a Cassandra answers CQL.
 *
 * @param host the address to connect to, e.g. {@code 127.0.0.1}
 * @param port the CQL (native transport) port
 * @param localDatacenter the node's data center, for the driver's {@code
 *     basic.load-balancing-policy.local-datacenter} ({@code datacenter1} for a dev node)
 */
public record CassandraEndpoint(String host, int port, String localDatacenter) {

  /** The data center of a single dev node (SimpleSnitch). */
  public static final String DEV_DATACENTER = "datacenter1";

  /**
   * Validates the components.
   *
   * @param host the address to connect to
   * @param port the CQL port, 1 to 65535
   * @param localDatacenter the node's data center
   */
  public CassandraEndpoint {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(localDatacenter, "localDatacenter");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  /**
   * Parses {@code host:port} (an IPv6 host in brackets: {@code [::1]:9042}).
   *
   * @param hostAndPort the text to parse
   * @param localDatacenter the data center to record
   * @return the endpoint
   * @throws IllegalArgumentException if the text is not {@code host:port}
   */
  public static CassandraEndpoint parse(String hostAndPort, String localDatacenter) {
    String text = hostAndPort.trim();
    int colon = text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new IllegalArgumentException("expected host:port, got '" + hostAndPort + "'");
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    try {
      return new CassandraEndpoint(
          host, Integer.parseInt(text.substring(colon + 1)), localDatacenter);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected host:port, got '" + hostAndPort + "'", e);
    }
  }

  /**
   * @return the socket address for the driver's {@code addContactPoint}
   */
  public InetSocketAddress contactPoint() {
    return new InetSocketAddress(host, port);
  }

  /**
   * @return {@code host:port}, as the driver's {@code basic.contact-points} setting wants it
   */
  public String hostAndPort() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
