package com.telco.billing.devcassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.OptionsMap;
import com.datastax.oss.driver.api.core.config.TypedDriverOption;
import com.datastax.oss.driver.api.core.cql.Row;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * Asks a node over CQL for {@code release_version}, {@code data_center} and {@code cluster_name}
 * from {@code system.local}. The driver is configured from a map only, so an {@code
 * application.conf} of the calling module cannot change it.
 */
final class CqlProbe {

  /** What {@code system.local} says about the node. */
  record NodeInfo(String releaseVersion, String dataCenter, String clusterName) {}

  private CqlProbe() {}

  /**
   * @param address the CQL address
   * @param timeout connect and request timeout
   * @return the node's answer
   * @throws RuntimeException (a driver exception) if the node does not answer
   */
  static NodeInfo query(InetSocketAddress address, Duration timeout) {
    OptionsMap options = OptionsMap.driverDefaults();
    options.put(TypedDriverOption.SESSION_NAME, "dev-cassandra-probe");
    options.put(TypedDriverOption.CONNECTION_CONNECT_TIMEOUT, timeout);
    options.put(TypedDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, timeout);
    options.put(TypedDriverOption.CONTROL_CONNECTION_TIMEOUT, timeout);
    options.put(TypedDriverOption.REQUEST_TIMEOUT, timeout);
    // Infers the data center from the contact point: works for any node, dev or not.
    options.put(TypedDriverOption.LOAD_BALANCING_POLICY_CLASS, "DcInferringLoadBalancingPolicy");
    options.put(TypedDriverOption.METADATA_SCHEMA_ENABLED, false);
    options.put(TypedDriverOption.METADATA_TOKEN_MAP_ENABLED, false);
    // The default quiet period keeps close() waiting two seconds for nothing.
    options.put(TypedDriverOption.NETTY_IO_SHUTDOWN_QUIET_PERIOD, 0);
    options.put(TypedDriverOption.NETTY_ADMIN_SHUTDOWN_QUIET_PERIOD, 0);
    try (CqlSession session =
        CqlSession.builder()
            .withConfigLoader(DriverConfigLoader.fromMap(options))
            .addContactPoint(address)
            .build()) {
      Row row =
          session
              .execute("SELECT release_version, data_center, cluster_name FROM system.local")
              .one();
      if (row == null) {
        throw new DevCassandraException("system.local is empty on " + address);
      }
      return new NodeInfo(
          row.getString("release_version"),
          row.getString("data_center"),
          row.getString("cluster_name"));
    }
  }

  /**
   * @param address where to connect
   * @return whether something accepts TCP connections there
   */
  static boolean accepts(InetSocketAddress address) {
    try (Socket socket = new Socket()) {
      socket.connect(address, 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
