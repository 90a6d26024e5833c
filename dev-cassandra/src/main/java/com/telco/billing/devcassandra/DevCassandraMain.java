package com.telco.billing.devcassandra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a dev Cassandra in the foreground until Ctrl-C or SIGTERM.
 *
 * <pre>
 * mvn -pl dev-cassandra exec:java                      # ./var/cassandra, 127.0.0.1:9042
 * mvn -pl dev-cassandra exec:java -Dexec.args="--clean --cql-port 19042"
 * </pre>
 *
 * <p>Options (each also an environment variable; an option wins):
 *
 * <ul>
 *   <li>{@code --data-dir DIR} ({@code DEV_CASSANDRA_DATA_DIR}), default {@code ./var/cassandra}.
 *       Data in it from an earlier run is used again: dev data survives restarts.
 *   <li>{@code --clean}: wipe the data directory first (refused for a directory that does not look
 *       like a dev node's).
 *   <li>{@code --cql-port N} ({@code DEV_CASSANDRA_CQL_PORT}), default 9042; 0 picks a free port.
 *   <li>{@code --storage-port N} ({@code DEV_CASSANDRA_STORAGE_PORT}), default 7000; 0 picks one.
 *   <li>{@code --address A} ({@code DEV_CASSANDRA_ADDRESS}), a 127.x.y.z address, default
 *       127.0.0.1.
 *   <li>{@code --heap-mb N} ({@code DEV_CASSANDRA_HEAP_MB}), default 256.
 *   <li>{@code --log-level L} ({@code DEV_CASSANDRA_LOG_LEVEL}), default INFO.
 *   <li>{@code --commitlog-sync MODE} ({@code DEV_CASSANDRA_COMMITLOG_SYNC}): {@code batch}
 *       (default) or {@code group:<n>ms}, an fsync before each acknowledgement (an acknowledged
 *       write survives {@code kill -9} and a power loss), or {@code periodic:<n>ms}, faster, but
 *       {@code kill -9} loses up to 100 ms and a power loss up to n ms of acknowledged writes; see
 *       {@link CommitLogSync}.
 * </ul>
 *
 * <p>The child runs on Java 17: {@code CASSANDRA_JAVA_HOME}, else this JVM if it is 17, else a Java
 * 17 under {@code /usr/lib/jvm}.
 */
public final class DevCassandraMain {

  static final String USAGE =
      """
      Usage: DevCassandraMain [--data-dir DIR] [--clean] [--cql-port N] [--storage-port N]
                              [--address 127.x.y.z] [--heap-mb N] [--log-level LEVEL]
                              [--commitlog-sync MODE] [--help]
        --data-dir DIR     data, config and log (DEV_CASSANDRA_DATA_DIR; default ./var/cassandra);
                           reused across restarts
        --clean            wipe the data directory before starting
        --cql-port N       CQL port (DEV_CASSANDRA_CQL_PORT; default 9042; 0 = any free port)
        --storage-port N   internode port (DEV_CASSANDRA_STORAGE_PORT; default 7000; 0 = any)
        --address A        listen address, 127.x.y.z (DEV_CASSANDRA_ADDRESS; default 127.0.0.1)
        --heap-mb N        heap of the Cassandra JVM (DEV_CASSANDRA_HEAP_MB; default 256)
        --log-level L      level of cassandra.log (DEV_CASSANDRA_LOG_LEVEL; default INFO)
        --commitlog-sync M batch (default) or group:<n>ms: fsync before every acknowledgement,
                           nothing acknowledged is lost to kill -9 or a power loss;
                           periodic:<n>ms: faster, but kill -9 loses up to 100 ms and a power
                           loss up to n ms of acknowledged writes (DEV_CASSANDRA_COMMITLOG_SYNC)
      The Cassandra JVM needs Java 17: CASSANDRA_JAVA_HOME, else this JVM, else /usr/lib/jvm.
      Ctrl-C or SIGTERM stops it.""";

  private static final String LOGBACK_CONFIGURATION = "logback.configurationFile";

  private DevCassandraMain() {}

  /**
   * What the command line and environment asked for.
   *
   * @param dataDir the data directory
   * @param clean whether to wipe it first
   * @param cqlPort CQL port, 0 for a free one
   * @param storagePort internode port, 0 for a free one
   * @param address listen address
   * @param heapMb heap of the child JVM
   * @param logLevel level of the child's log
   * @param commitLogSync when the child fsyncs its commit log
   * @param help whether only the usage was asked for
   */
  record Options(
      Path dataDir,
      boolean clean,
      int cqlPort,
      int storagePort,
      String address,
      int heapMb,
      String logLevel,
      CommitLogSync commitLogSync,
      boolean help) {

    static Options parse(String[] args, Map<String, String> env) {
      Path dataDir = Path.of(env.getOrDefault("DEV_CASSANDRA_DATA_DIR", "var/cassandra"));
      boolean clean = false;
      int cqlPort = intEnv(env, "DEV_CASSANDRA_CQL_PORT", DevCassandra.DEFAULT_CQL_PORT);
      int storagePort =
          intEnv(env, "DEV_CASSANDRA_STORAGE_PORT", DevCassandra.DEFAULT_STORAGE_PORT);
      String address = env.getOrDefault("DEV_CASSANDRA_ADDRESS", DevCassandra.DEFAULT_ADDRESS);
      int heapMb = intEnv(env, "DEV_CASSANDRA_HEAP_MB", DevCassandra.DEFAULT_HEAP_MB);
      String logLevel = env.getOrDefault("DEV_CASSANDRA_LOG_LEVEL", DevCassandra.DEFAULT_LOG_LEVEL);
      String commitLogSync =
          env.getOrDefault("DEV_CASSANDRA_COMMITLOG_SYNC", CommitLogSync.DEFAULT.toString());
      boolean help = false;
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        String name = arg;
        String value = null;
        int equals = arg.indexOf('=');
        if (arg.startsWith("--") && equals > 0) {
          name = arg.substring(0, equals);
          value = arg.substring(equals + 1);
        }
        switch (name) {
          case "--help", "-h" -> help = true;
          case "--clean" -> clean = true;
          case "--data-dir" -> dataDir = Path.of(value != null ? value : next(args, ++i, name));
          case "--cql-port" -> cqlPort = toInt(value != null ? value : next(args, ++i, name), name);
          case "--storage-port" ->
              storagePort = toInt(value != null ? value : next(args, ++i, name), name);
          case "--address" -> address = value != null ? value : next(args, ++i, name);
          case "--heap-mb" -> heapMb = toInt(value != null ? value : next(args, ++i, name), name);
          case "--log-level" -> logLevel = value != null ? value : next(args, ++i, name);
          case "--commitlog-sync" -> commitLogSync = value != null ? value : next(args, ++i, name);
          default -> throw new IllegalArgumentException("unknown option: " + arg);
        }
      }
      return new Options(
          dataDir,
          clean,
          cqlPort,
          storagePort,
          address,
          heapMb,
          logLevel.toUpperCase(Locale.ROOT),
          CommitLogSync.parse(commitLogSync),
          help);
    }

    DevCassandra.Builder toBuilder() {
      return DevCassandra.builder()
          .dataDir(dataDir)
          .cqlPort(cqlPort)
          .storagePort(storagePort)
          .address(address)
          .heapMb(heapMb)
          .logLevel(logLevel)
          .commitLogSync(commitLogSync);
    }

    private static String next(String[] args, int index, String name) {
      if (index >= args.length) {
        throw new IllegalArgumentException(name + " needs a value");
      }
      return args[index];
    }

    private static int intEnv(Map<String, String> env, String name, int defaultValue) {
      String value = env.get(name);
      return value == null || value.isBlank() ? defaultValue : toInt(value, name);
    }

    private static int toInt(String value, String name) {
      try {
        return Integer.parseInt(value.strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + ": not a number: '" + value + "'", e);
      }
    }
  }

  /**
   * @param args see {@link #USAGE}
   * @throws InterruptedException if interrupted while Cassandra runs
   */
  public static void main(String[] args) throws InterruptedException {
    if (System.getProperty(LOGBACK_CONFIGURATION) == null) {
      System.setProperty(LOGBACK_CONFIGURATION, "dev-cassandra/logback-main.xml");
    }
    Options options;
    DevCassandra server;
    try {
      options = Options.parse(args, System.getenv());
      server = options.toBuilder().build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      System.err.println("dev-cassandra: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    if (options.help()) {
      System.out.println(USAGE);
      return;
    }
    try {
      if (options.clean()) {
        wipe(new NodeLayout(options.dataDir()));
      }
      server.start();
    } catch (DevCassandraException | UncheckedIOException e) {
      System.err.println("dev-cassandra: " + e.getMessage());
      System.exit(1);
      return;
    }
    CassandraEndpoint endpoint = server.endpoint();
    System.out.printf(
        "Cassandra %s is up: contact point %s, local datacenter %s%n"
            + "  data: %s (kept across restarts; --clean wipes it)%n"
            + "  log:  %s%n"
            + "Ctrl-C or SIGTERM stops it.%n",
        ServerClasspath.cassandraVersion(),
        endpoint.hostAndPort(),
        endpoint.localDatacenter(),
        server.dataDir(),
        server.logFile());
    int status = server.awaitExit();
    if (!jvmShuttingDown()) {
      System.err.printf(
          "dev-cassandra: Cassandra exited with status %d, see %s%n", status, server.logFile());
      System.exit(1);
    }
  }

  /** Deletes the data directory, refusing one that is in use or not a dev node's. */
  static void wipe(NodeLayout layout) {
    Path dir = layout.dataDir();
    try {
      if (!layout.isWipeable()) {
        throw new DevCassandraException(
            "--clean: refusing to wipe "
                + dir
                + ": it does not look like a dev-cassandra directory");
      }
      layout.checkNotInUse();
      Directories.deleteRecursively(dir);
      System.out.println("dev-cassandra: wiped " + dir);
    } catch (IOException e) {
      throw new UncheckedIOException("--clean: cannot wipe " + dir, e);
    }
  }

  private static boolean jvmShuttingDown() {
    Thread probe = new Thread(() -> {}, "dev-cassandra-shutdown-probe");
    try {
      Runtime.getRuntime().addShutdownHook(probe);
      Runtime.getRuntime().removeShutdownHook(probe);
      return false;
    } catch (IllegalStateException e) {
      return true;
    }
  }
}
