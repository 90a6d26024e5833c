package com.telco.billing.devkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * A billing node in its own JVM on 127.0.0.1, started with the classpath of this JVM: what {@code
 * bin/billing cluster} and the failover test run. The child's output goes to a log file; it stops
 * when this JVM goes (see {@link ParentWatchingNodeMain}).
 *
 * <p>Ports and the rest of the node's configuration are passed as the node's own {@code BILLING_*}
 * environment variables; seed nodes as {@code -Dpekko.cluster.seed-nodes.N} system properties.
 */
public final class NodeProcess implements AutoCloseable {
  /** The cluster address a node on 127.0.0.1 with the given remoting port has. */
  public static String clusterAddress(int remotePort) {
    return "pekko://Billing@127.0.0.1:" + remotePort;
  }

  /**
   * What to start.
   *
   * @param name short name, used for the log file and messages (e.g. {@code node-1})
   * @param remotePort Artery port; the node's cluster address is {@link #clusterAddress(int)}
   * @param seedRemotePorts remoting ports of the seed nodes (the first node lists itself)
   * @param env further environment ({@code BILLING_CASSANDRA_CONTACT_POINT}, keyspace, ...)
   * @param jvmOptions e.g. {@code -Xmx512m}
   * @param logFile where the node's stdout and stderr go
   */
  public record Spec(
      String name,
      int remotePort,
      int managementPort,
      int httpPort,
      List<Integer> seedRemotePorts,
      Map<String, String> env,
      List<String> jvmOptions,
      Path logFile) {}

  private final Spec spec;
  private final Process process;

  private NodeProcess(Spec spec, Process process) {
    this.spec = spec;
    this.process = process;
  }

  /** Starts the node's JVM; it is not ready yet (see {@link #awaitReady}). */
  public static NodeProcess start(Spec spec) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(spec.jvmOptions());
    for (int i = 0; i < spec.seedRemotePorts().size(); i++) {
      command.add(
          "-Dpekko.cluster.seed-nodes." + i + "=" + clusterAddress(spec.seedRemotePorts().get(i)));
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ParentWatchingNodeMain.class.getName());

    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    // trusts this JVM's dev key unless the spec names another
    env.putAll(DevKeys.ephemeral().nodeEnvironment());
    env.putAll(spec.env());
    env.put("BILLING_CLUSTER_JOIN", "seed-nodes");
    env.put("BILLING_REMOTE_HOST", "127.0.0.1");
    env.put("BILLING_REMOTE_PORT", Integer.toString(spec.remotePort()));
    env.put("BILLING_MANAGEMENT_HOST", "127.0.0.1");
    env.put("BILLING_MANAGEMENT_PORT", Integer.toString(spec.managementPort()));
    env.put("BILLING_HTTP_HOST", "127.0.0.1");
    env.put("BILLING_HTTP_PORT", Integer.toString(spec.httpPort()));
    try {
      Files.createDirectories(spec.logFile().toAbsolutePath().getParent());
      builder.redirectErrorStream(true);
      builder.redirectOutput(ProcessBuilder.Redirect.appendTo(spec.logFile().toFile()));
      // stdin stays a pipe that this JVM never writes to: it closes when this JVM exits
      builder.redirectInput(ProcessBuilder.Redirect.PIPE);
      return new NodeProcess(spec, builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + spec.name(), e);
    }
  }

  public Spec spec() {
    return spec;
  }

  public String name() {
    return spec.name();
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public String httpUrl() {
    return "http://127.0.0.1:" + spec.httpPort();
  }

  public String managementUrl() {
    return "http://127.0.0.1:" + spec.managementPort();
  }

  public String clusterAddress() {
    return clusterAddress(spec.remotePort());
  }

  /**
   * Waits until the node's {@code /ready} answers 200 (member Up, Cassandra reachable, services
   * started, catalog read).
   *
   * @throws IllegalStateException if the process exits or the time runs out
   */
  public void awaitReady(Duration timeout) {
    try {
      Readiness.await(
          managementUrl(),
          timeout,
          () ->
              process.isAlive()
                  ? null
                  : spec.name()
                      + " exited with "
                      + process.exitValue()
                      + "; see "
                      + spec.logFile());
    } catch (IllegalStateException e) {
      throw new IllegalStateException(
          spec.name() + ": " + e.getMessage() + "; see " + spec.logFile(), e);
    }
  }

  /** {@code kill -9}: the JVM ends at once, without leaving the cluster. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Stops all {@code nodes} at once ({@link #stop} each in its own thread, so they leave the
   * cluster in parallel) and returns when all are gone.
   */
  public static void stopAll(Collection<NodeProcess> nodes, Duration timeout) {
    List<Thread> stoppers = new ArrayList<>();
    for (NodeProcess node : nodes) {
      Thread t = new Thread(() -> node.stop(timeout), "stop-" + node.name());
      t.start();
      stoppers.add(t);
    }
    for (Thread t : stoppers) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * SIGTERM: the node leaves the cluster through CoordinatedShutdown (its shards move first); after
   * {@code timeout} it is killed.
   */
  public void stop(Duration timeout) {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        kill();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill();
    }
  }

  @Override
  public void close() {
    stop(Duration.ofSeconds(30));
  }

  /** The environment variables a node needs besides its ports, sorted for printing. */
  public static Map<String, String> env(String cassandraHostPort, String keyspace) {
    Map<String, String> env = new TreeMap<>();
    env.put("BILLING_CASSANDRA_CONTACT_POINT", cassandraHostPort);
    if (keyspace != null) {
      env.put("BILLING_CASSANDRA_KEYSPACE", keyspace);
    }
    return env;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
