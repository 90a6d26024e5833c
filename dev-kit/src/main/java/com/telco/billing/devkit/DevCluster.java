package com.telco.billing.devkit;

import com.telco.billing.devcassandra.DevCassandra;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code bin/billing cluster N}: a dev Cassandra and N billing nodes, each in its own JVM on
 * 127.0.0.1, forming one cluster through the first node as seed node. Node {@code i} (1..N) listens
 * on remoting {@code 25519+i}, management {@code 8557+i} and HTTP {@code 8079+i}; any node takes
 * any request and routes it through sharding.
 *
 * <p>Ctrl-C or SIGTERM stops everything: the nodes with SIGTERM (they leave the cluster through
 * CoordinatedShutdown), then Cassandra. Should this JVM be killed, the nodes and Cassandra notice
 * their parent is gone (closed stdin) and stop by themselves. A node killed on purpose ({@code kill
 * -9 <pid>}, pids are printed) is not restarted: the cluster downs it and moves its shards.
 *
 * <p>Environment: {@code BILLING_DEV_DATA} (default {@code var}; Cassandra data in {@code
 * var/cassandra}, node logs in {@code var/cluster/node-i.log}), {@code BILLING_DEV_CQL_PORT}
 * (default 9042), {@code BILLING_NODE_JAVA_OPTS} (default {@code -Xms256m -Xmx768m}), plus every
 * {@code BILLING_*} variable of the node's configuration, which the nodes inherit.
 */
public final class DevCluster {
  public static final int BASE_REMOTE_PORT = 25519;
  public static final int BASE_MANAGEMENT_PORT = 8557;
  public static final int BASE_HTTP_PORT = 8079;
  public static final int MAX_NODES = 9;

  private DevCluster() {}

  public static void main(String[] args) throws InterruptedException {
    int count = args.length == 0 ? 3 : Integer.parseInt(args[0]);
    if (count < 1 || count > MAX_NODES) {
      System.err.println("usage: bin/billing cluster N   (1 <= N <= " + MAX_NODES + ")");
      System.exit(2);
    }
    Path dataDir = Path.of(env("BILLING_DEV_DATA", "var")).toAbsolutePath();
    int cqlPort = Integer.parseInt(env("BILLING_DEV_CQL_PORT", "9042"));
    List<String> jvmOptions =
        Arrays.asList(env("BILLING_NODE_JAVA_OPTS", "-Xms256m -Xmx768m").trim().split("\\s+"));

    DevCassandra cassandra =
        DevCassandra.builder()
            .dataDir(dataDir.resolve("cassandra"))
            .cqlPort(cqlPort)
            .build()
            .start();

    List<NodeProcess> nodes = new ArrayList<>();
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> stopAll(nodes, cassandra), "dev-cluster-shutdown"));

    // the nodes trust the DEV-ONLY signing key that bin/billing token signs with
    Map<String, String> nodeEnv =
        new TreeMap<>(NodeProcess.env(cassandra.endpoint().hostAndPort(), null));
    nodeEnv.putAll(DevKeys.in(dataDir.resolve("dev-keys")).nodeEnvironment());
    for (int i = 1; i <= count; i++) {
      NodeProcess.Spec spec =
          new NodeProcess.Spec(
              "node-" + i,
              BASE_REMOTE_PORT + i,
              BASE_MANAGEMENT_PORT + i,
              BASE_HTTP_PORT + i,
              List.of(BASE_REMOTE_PORT + 1),
              nodeEnv,
              jvmOptions,
              dataDir.resolve("cluster").resolve("node-" + i + ".log"));
      synchronized (nodes) {
        nodes.add(NodeProcess.start(spec));
      }
      System.out.printf(
          "started %s (pid %d), log %s%n", spec.name(), nodes.get(i - 1).pid(), spec.logFile());
      if (i == 1) {
        // the first node forms the cluster and creates the schema before the others start:
        // nodes that create the same schema at once can stall on schema agreement
        nodes.get(0).awaitReady(Duration.ofMinutes(5));
        System.out.printf("%s is ready%n", spec.name());
      }
    }
    for (NodeProcess node : nodes.subList(1, nodes.size())) {
      node.awaitReady(Duration.ofMinutes(5));
      System.out.printf("%s is ready%n", node.name());
    }

    System.out.printf("%nBilling dev cluster of %d nodes is up.%n", count);
    for (NodeProcess node : nodes) {
      System.out.printf(
          "  %-7s pid %-7d HTTP %s/   management %s/cluster/members   %s%n",
          node.name(), node.pid(), node.httpUrl(), node.managementUrl(), node.clusterAddress());
    }
    System.out.printf(
        "  Cassandra %s (data in %s)%n"
            + "Shards per node: curl %s/cluster/shards%n"
            + "Ctrl-C stops the nodes and Cassandra.%n%n",
        cassandra.endpoint().hostAndPort(), cassandra.dataDir(), nodes.get(0).httpUrl());

    List<NodeProcess> reported = new ArrayList<>();
    while (true) {
      for (NodeProcess node : nodes) {
        if (!node.isAlive() && !reported.contains(node)) {
          reported.add(node);
          System.out.printf(
              "%s (pid %d) has exited; the others carry on (see %s)%n",
              node.name(), node.pid(), node.spec().logFile());
        }
      }
      Thread.sleep(1000);
    }
  }

  private static void stopAll(List<NodeProcess> nodes, DevCassandra cassandra) {
    List<NodeProcess> running;
    synchronized (nodes) {
      running = new ArrayList<>(nodes);
    }
    System.out.println("stopping " + running.size() + " nodes ...");
    // SIGTERM to all at once, then wait: they leave the cluster in parallel
    NodeProcess.stopAll(running, Duration.ofSeconds(30));
    cassandra.stop();
    System.out.println("stopped.");
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
