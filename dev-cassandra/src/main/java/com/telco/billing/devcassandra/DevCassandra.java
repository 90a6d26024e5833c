package com.telco.billing.devcassandra;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Apache Cassandra node in a child JVM on a loopback address, for dev runs, tests and
 * benchmarks.
 *
 * <pre>{@code
 * try (DevCassandra server =
 *     DevCassandra.builder().dataDir(Path.of("var/cassandra")).cqlPort(9042).build().start()) {
 *   InetSocketAddress contactPoint = server.contactPoint();
 *   ...
 * }
 * }</pre>
 *
 * <p>{@link #start()} returns once the node answers {@code SELECT release_version, cluster_name
 * FROM system.local} with its own cluster name (each data directory gets a unique one, so a node
 * that took the port first is not mistaken for this one). Data in the data directory survives
 * {@link #stop()} and is used again by the next start on the same directory. Port 0 means "pick a
 * free port" (once, on the first start).
 *
 * <p>The child never outlives this JVM: a shutdown hook stops it (SIGTERM, then SIGKILL after the
 * shutdown timeout), and if this JVM is killed outright the child notices its stdin closing and
 * exits (see {@link ParentWatchingCassandraMain}). Its stdout and stderr go to {@code
 * <dataDir>/cassandra.log}; a failed start reports the tail of that file.
 */
public final class DevCassandra implements AutoCloseable {

  /** Default CQL (native transport) port. */
  public static final int DEFAULT_CQL_PORT = 9042;

  /** Default internode port. */
  public static final int DEFAULT_STORAGE_PORT = 7000;

  /** Default heap of the child JVM, in MB. */
  public static final int DEFAULT_HEAP_MB = 256;

  /**
   * The child JVM's garbage collector. {@link #SERIAL} (the default) keeps a small dev node small;
   * under sustained load its stop-the-world young collections of a heap of 1 GB or more take some
   * 200 ms each, which every request in flight waits out: benchmarks use {@link #G1}, as a
   * production Cassandra does.
   */
  public enum Collector {
    SERIAL("-XX:+UseSerialGC"),
    G1("-XX:+UseG1GC");

    private final String flag;

    Collector(String flag) {
      this.flag = flag;
    }

    String flag() {
      return flag;
    }
  }

  /** Default listen and rpc address. */
  public static final String DEFAULT_ADDRESS = "127.0.0.1";

  /** Default time from {@link #start()} until CQL must answer. */
  public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(120);

  /** Default time a stopping node gets after SIGTERM before it is killed. */
  public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(15);

  /** Default level of the child's log. */
  public static final String DEFAULT_LOG_LEVEL = "INFO";

  private static final Logger log = LoggerFactory.getLogger(DevCassandra.class);

  private static final Pattern LOOPBACK_IPV4 = Pattern.compile("127(\\.\\d{1,3}){3}");

  private static final int LOG_TAIL_LINES = 60;

  /** JVM flags Cassandra 5.0 needs on Java 17. */
  private static final List<String> MODULE_FLAGS =
      List.of(
          "--add-exports",
          "java.base/jdk.internal.ref=ALL-UNNAMED",
          "--add-exports",
          "java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens",
          "java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens",
          "java.base/java.io=ALL-UNNAMED");

  /**
   * Dev-only speed-ups for a single node: no Sigar, and no waiting for peers that do not exist
   * (gossip settling, the 2 s shutdown announcement, graceful messaging shutdown).
   *
   * <p>Never {@code cassandra.unsafesystem} nor {@code cassandra.test.flush_local_schema_changes =
   * false}: they keep the schema tables out of the commit log and unflushed, so a killed node
   * forgot every keyspace created since its last flush and then skipped all of their data in the
   * commit log as mutations of unknown tables (docs/operations.md, "Durability of the dev
   * Cassandra").
   */
  private static final List<String> DEV_FLAGS =
      List.of(
          "-Dcassandra-foreground=yes",
          "-Dcassandra.skip_wait_for_gossip_to_settle=0",
          "-Dcassandra.ring_delay_ms=100",
          "-Dcassandra.memtable.row_overhead_size=100",
          "-Dcassandra.test.ignore_sigar=true",
          "-Dcassandra.shutdown_announce_in_ms=0",
          "-Dcassandra.test.messagingService.nonGracefulShutdown=true",
          "-Djava.net.preferIPv4Stack=true");

  private final NodeLayout layout;
  private final String address;
  private final int heapMb;
  private final Collector collector;
  private final String logLevel;
  private final CommitLogSync commitLogSync;
  private final Duration startupTimeout;
  private final Duration shutdownTimeout;
  private final Path javaHome;
  private final List<String> extraJvmArgs;

  private final Object startLock = new Object();
  private volatile int cqlPort;
  private volatile int storagePort;
  private volatile String dataCenter = CassandraEndpoint.DEV_DATACENTER;
  private volatile String clusterName;
  private volatile Process process;
  private volatile Thread shutdownHook;

  private DevCassandra(Builder builder) {
    this.layout = new NodeLayout(builder.dataDir);
    this.address = builder.address;
    this.cqlPort = builder.cqlPort;
    this.storagePort = builder.storagePort;
    this.heapMb = builder.heapMb;
    this.collector = builder.collector;
    this.logLevel = builder.logLevel;
    this.commitLogSync = builder.commitLogSync;
    this.startupTimeout = builder.startupTimeout;
    this.shutdownTimeout = builder.shutdownTimeout;
    this.javaHome = builder.javaHome;
    this.extraJvmArgs = List.copyOf(builder.extraJvmArgs);
  }

  /**
   * @return a builder; {@link Builder#dataDir(Path)} is required
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts the node and waits until it answers CQL.
   *
   * @return this server
   * @throws IllegalStateException if it is already running
   * @throws DevCassandraException if it did not start (the message holds the log's tail)
   */
  public DevCassandra start() {
    synchronized (startLock) {
      if (isRunning()) {
        throw new IllegalStateException("already running on " + hostAndPort());
      }
      long startNanos = System.nanoTime();
      String version = ServerClasspath.cassandraVersion();
      prepareDirectories();
      layout.checkNotInUse();
      resolvePorts();
      Path java = JavaLocator.locate(javaHome);
      warnIfNotJava17(java);
      clusterName = readClusterName();
      writeConfiguration(ServerClasspath.load());
      long logOffset = appendToLog(startBanner(version, java));
      log.info(
          "Starting Cassandra {} on {} (storage port {}, heap {} MB, commit log {}), data in {}",
          version,
          hostAndPort(),
          storagePort,
          heapMb,
          commitLogSync,
          layout.dataDir());
      Process started = launch(java);
      process = started;
      registerShutdownHook();
      try {
        CqlProbe.NodeInfo info = awaitCql(started, startNanos, logOffset);
        if (!clusterName.equals(info.clusterName())) {
          throw new DevCassandraException(
              hostAndPort()
                  + " is answered by another Cassandra (cluster "
                  + info.clusterName()
                  + ", expected "
                  + clusterName
                  + "): choose other ports"
                  + logTail(logOffset));
        }
        if (!version.equals(info.releaseVersion())) {
          throw new DevCassandraException(
              "expected Cassandra " + version + " on " + hostAndPort() + ", found " + info);
        }
        dataCenter = info.dataCenter();
      } catch (RuntimeException e) {
        terminate(started, Duration.ofSeconds(5));
        process = null;
        unregisterShutdownHook();
        throw e;
      }
      log.info(
          "Cassandra {} ready on {} after {} ms (pid {})",
          version,
          hostAndPort(),
          (System.nanoTime() - startNanos) / 1_000_000,
          started.pid());
      return this;
    }
  }

  /**
   * Stops the node: SIGTERM, and SIGKILL if it is still alive after the shutdown timeout. Does
   * nothing if it is not running.
   */
  public void stop() {
    Process running = process;
    if (running == null) {
      return;
    }
    terminate(running, shutdownTimeout);
    process = null;
    unregisterShutdownHook();
  }

  /**
   * Kills the node at once with SIGKILL (on Linux; {@link ProcessHandle#destroyForcibly()}), as a
   * crash or {@code kill -9} would: no drain, no flush. What it acknowledged is in the commit log
   * and replayed by the next {@link #start()} on the same data directory, which may follow at once
   * (the lock on the data directory goes with the process) and keeps the ports.
   *
   * @throws IllegalStateException if it is not running
   */
  public void killForcibly() {
    Process running = process;
    if (running == null || !running.isAlive()) {
      throw new IllegalStateException("not running");
    }
    running.destroyForcibly();
    try {
      if (!running.waitFor(30, TimeUnit.SECONDS)) {
        throw new DevCassandraException("Cassandra (pid " + running.pid() + ") survived SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DevCassandraException("interrupted while killing Cassandra", e);
    }
    try {
      running.getOutputStream().close();
    } catch (IOException e) {
      log.debug("Closing the stdin pipe of pid {} failed", running.pid(), e);
    }
    log.info("Cassandra (pid {}) killed, exit status {}", running.pid(), running.exitValue());
    process = null;
    unregisterShutdownHook();
  }

  /**
   * @return when this node's commit log is fsynced
   */
  public CommitLogSync commitLogSync() {
    return commitLogSync;
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  /**
   * @return whether the child JVM is alive
   */
  public boolean isRunning() {
    Process running = process;
    return running != null && running.isAlive();
  }

  /**
   * Blocks until the child JVM exits, for a launcher that runs in the foreground.
   *
   * @return the child's exit status
   * @throws IllegalStateException if it was never started or is already stopped
   * @throws InterruptedException if interrupted while waiting
   */
  public int awaitExit() throws InterruptedException {
    Process running = process;
    if (running == null) {
      throw new IllegalStateException("not started");
    }
    return running.waitFor();
  }

  /**
   * @return the CQL address for the driver's {@code addContactPoint}
   * @throws IllegalStateException if a port was 0 and the node was never started
   */
  public InetSocketAddress contactPoint() {
    return new InetSocketAddress(address, cqlPort());
  }

  /**
   * @return the CQL address and data center
   * @throws IllegalStateException if a port was 0 and the node was never started
   */
  public CassandraEndpoint endpoint() {
    return new CassandraEndpoint(address, cqlPort(), dataCenter);
  }

  /**
   * @return the listen and rpc address
   */
  public String address() {
    return address;
  }

  /**
   * @return the CQL port
   * @throws IllegalStateException if it was 0 and the node was never started
   */
  public int cqlPort() {
    int port = cqlPort;
    if (port == 0) {
      throw new IllegalStateException("CQL port is chosen on the first start()");
    }
    return port;
  }

  /**
   * @return the internode port
   * @throws IllegalStateException if it was 0 and the node was never started
   */
  public int storagePort() {
    int port = storagePort;
    if (port == 0) {
      throw new IllegalStateException("storage port is chosen on the first start()");
    }
    return port;
  }

  /**
   * @return the data directory, absolute
   */
  public Path dataDir() {
    return layout.dataDir();
  }

  /**
   * @return the child's stdout and stderr, {@code <dataDir>/cassandra.log}
   */
  public Path logFile() {
    return layout.logFile();
  }

  /**
   * @return the child's process id while it runs
   */
  public OptionalLong pid() {
    Process running = process;
    return running != null && running.isAlive()
        ? OptionalLong.of(running.pid())
        : OptionalLong.empty();
  }

  @Override
  public String toString() {
    return "DevCassandra[" + address + ":" + cqlPort + ", " + layout.dataDir() + "]";
  }

  private String hostAndPort() {
    return address + ":" + cqlPort;
  }

  private static void warnIfNotJava17(Path java) {
    OptionalInt feature = JavaLocator.featureOf(java.getParent().getParent());
    if (feature.isPresent() && feature.getAsInt() != JavaLocator.REQUIRED_FEATURE) {
      log.warn(
          "{} is Java {}, Cassandra 5.0 runs on Java {} only",
          java,
          feature.getAsInt(),
          JavaLocator.REQUIRED_FEATURE);
    }
  }

  private String readClusterName() {
    try {
      return layout.clusterName();
    } catch (IOException e) {
      throw new DevCassandraException("cannot read or write " + layout.clusterNameFile(), e);
    }
  }

  private void prepareDirectories() {
    try {
      Files.createDirectories(layout.storageDir());
      Files.createDirectories(layout.launcherClassesDir());
      Files.createDirectories(layout.triggersDir());
    } catch (IOException e) {
      throw new DevCassandraException("cannot create " + layout.dataDir(), e);
    }
  }

  private void resolvePorts() {
    if (cqlPort == 0 || storagePort == 0) {
      try (ServerSocket first = new ServerSocket(0, 1, inetAddress());
          ServerSocket second = new ServerSocket(0, 1, inetAddress())) {
        if (cqlPort == 0) {
          cqlPort = first.getLocalPort();
        }
        if (storagePort == 0) {
          storagePort = second.getLocalPort();
        }
      } catch (IOException e) {
        throw new DevCassandraException("cannot find free ports on " + address, e);
      }
    }
    if (cqlPort == storagePort) {
      throw new DevCassandraException("CQL port and storage port are both " + cqlPort);
    }
    checkFree(cqlPort, "CQL");
    checkFree(storagePort, "storage");
  }

  private void checkFree(int port, String what) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(inetAddress(), port));
    } catch (IOException e) {
      throw new DevCassandraException(
          what + " port " + address + ":" + port + " is in use (another Cassandra still running?)",
          e);
    }
  }

  private InetAddress inetAddress() {
    try {
      return InetAddress.getByName(address);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("not an address: " + address, e);
    }
  }

  private void writeConfiguration(List<Path> serverClasspath) {
    Path launcherClass =
        layout
            .launcherClassesDir()
            .resolve(ParentWatchingCassandraMain.class.getName().replace('.', '/') + ".class");
    List<String> classpath = new ArrayList<>();
    classpath.add(layout.launcherClassesDir().toString());
    serverClasspath.forEach(jar -> classpath.add(jar.toString()));
    try (InputStream in =
        ParentWatchingCassandraMain.class.getResourceAsStream(
            ParentWatchingCassandraMain.class.getSimpleName() + ".class")) {
      Objects.requireNonNull(in, "class file of ParentWatchingCassandraMain");
      Files.createDirectories(launcherClass.getParent());
      Files.write(launcherClass, in.readAllBytes());
      Files.writeString(
          layout.yamlFile(),
          CassandraYaml.render(layout, clusterName, address, cqlPort, storagePort, commitLogSync));
      Files.writeString(layout.logbackFile(), CassandraYaml.renderLogback(logLevel));
      Files.writeString(
          layout.classpathArgFile(),
          "-cp\n" + argFileQuote(String.join(File.pathSeparator, classpath)) + "\n");
    } catch (IOException e) {
      throw new DevCassandraException("cannot write the configuration in " + layout.confDir(), e);
    }
  }

  /** A java {@code @argfile} token: double quotes, backslashes doubled. */
  static String argFileQuote(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  List<String> command(Path java) {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.add("@" + layout.classpathArgFile());
    command.add("-Xms" + heapMb + "m");
    command.add("-Xmx" + heapMb + "m");
    command.add(collector.flag());
    command.add("-XX:+ExitOnOutOfMemoryError");
    command.addAll(MODULE_FLAGS);
    command.add("-Dcassandra.config=" + layout.yamlFile().toUri());
    command.add("-Dcassandra.storagedir=" + layout.storageDir());
    command.add("-Dcassandra.logdir=" + layout.dataDir().resolve("logs"));
    command.add("-Dcassandra.triggers_dir=" + layout.triggersDir());
    command.add("-Dlogback.configurationFile=" + layout.logbackFile());
    command.add("-D" + ParentWatchingCassandraMain.LOCK_FILE_PROPERTY + "=" + layout.lockFile());
    command.addAll(DEV_FLAGS);
    command.addAll(extraJvmArgs);
    command.add(ParentWatchingCassandraMain.class.getName());
    return command;
  }

  private Process launch(Path java) {
    List<String> command = command(java);
    log.debug("Cassandra command: {}", command);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(layout.dataDir().toFile())
            .redirectErrorStream(true)
            .redirectOutput(Redirect.appendTo(layout.logFile().toFile()));
    // As Cassandra's own cassandra-env.sh: fewer glibc malloc arenas, less resident memory.
    builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
    // stdin stays a pipe that this JVM never writes to nor closes: its end of file is the
    // child's signal that this JVM is gone.
    try {
      return builder.start();
    } catch (IOException e) {
      throw new DevCassandraException("cannot run " + java, e);
    }
  }

  private void registerShutdownHook() {
    Thread hook =
        new Thread(
            () -> {
              Process running = process;
              if (running != null && running.isAlive()) {
                log.info("JVM shutdown: stopping Cassandra on {}", hostAndPort());
                terminate(running, shutdownTimeout);
              }
            },
            "dev-cassandra-shutdown-" + cqlPort);
    unregisterShutdownHook();
    shutdownHook = hook;
    Runtime.getRuntime().addShutdownHook(hook);
  }

  private void unregisterShutdownHook() {
    Thread hook = shutdownHook;
    shutdownHook = null;
    if (hook != null && hook != Thread.currentThread()) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        log.debug("JVM is shutting down, the shutdown hook stays registered", e);
      }
    }
  }

  private CqlProbe.NodeInfo awaitCql(Process started, long startNanos, long logOffset) {
    InetSocketAddress contactPoint = contactPoint();
    long deadline = startNanos + startupTimeout.toNanos();
    RuntimeException lastFailure = null;
    while (true) {
      if (!started.isAlive()) {
        throw new DevCassandraException(
            "Cassandra exited with status "
                + started.exitValue()
                + " during startup"
                + logTail(logOffset));
      }
      if (System.nanoTime() - deadline > 0) {
        throw new DevCassandraException(
            "Cassandra did not answer CQL on "
                + hostAndPort()
                + " within "
                + startupTimeout.toSeconds()
                + " s"
                + (lastFailure == null ? "" : " (last attempt: " + lastFailure + ")")
                + logTail(logOffset),
            lastFailure);
      }
      if (CqlProbe.accepts(contactPoint)) {
        try {
          return CqlProbe.query(contactPoint, Duration.ofSeconds(10));
        } catch (RuntimeException e) {
          log.debug("CQL not ready yet on {}", hostAndPort(), e);
          lastFailure = e;
        }
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DevCassandraException("interrupted while waiting for Cassandra", e);
      }
    }
  }

  private void terminate(Process running, Duration timeout) {
    long stopNanos = System.nanoTime();
    running.destroy();
    try {
      if (!running.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn(
            "Cassandra (pid {}) still running {} s after SIGTERM, killing it",
            running.pid(),
            timeout.toSeconds());
        running.destroyForcibly();
        running.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      log.warn("Interrupted while stopping Cassandra (pid {}), killing it", running.pid());
      running.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try {
      running.getOutputStream().close();
    } catch (IOException e) {
      log.debug("Closing the stdin pipe of pid {} failed", running.pid(), e);
    }
    if (running.isAlive()) {
      log.warn("Cassandra (pid {}) is still alive", running.pid());
    } else {
      log.info(
          "Cassandra (pid {}) stopped in {} ms, exit status {}",
          running.pid(),
          (System.nanoTime() - stopNanos) / 1_000_000,
          running.exitValue());
    }
  }

  private String startBanner(String version, Path java) {
    return "---- dev-cassandra "
        + Instant.now()
        + ": starting Cassandra "
        + version
        + " with "
        + java
        + " on "
        + hostAndPort()
        + System.lineSeparator();
  }

  /** Appends a line to the log and returns the offset of this start's output. */
  private long appendToLog(String text) {
    try {
      Files.writeString(
          layout.logFile(),
          text,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND,
          StandardOpenOption.WRITE);
      return Files.size(layout.logFile());
    } catch (IOException e) {
      throw new DevCassandraException("cannot write " + layout.logFile(), e);
    }
  }

  /** The last lines the child wrote since {@code offset}, for error messages. */
  private String logTail(long offset) {
    Path file = layout.logFile();
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long from = Math.max(offset, in.length() - 64 * 1024);
      byte[] bytes = new byte[(int) (in.length() - from)];
      in.seek(from);
      in.readFully(bytes);
      List<String> lines = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\n"));
      return "; last lines of "
          + file
          + ":\n"
          + lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()).stream()
              .collect(Collectors.joining("\n"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Settings of a {@link DevCassandra}; all but the data directory have defaults. */
  public static final class Builder {
    private Path dataDir;
    private String address = DEFAULT_ADDRESS;
    private int cqlPort = DEFAULT_CQL_PORT;
    private int storagePort = DEFAULT_STORAGE_PORT;
    private int heapMb = DEFAULT_HEAP_MB;
    private Collector collector = Collector.SERIAL;
    private String logLevel = DEFAULT_LOG_LEVEL;
    private CommitLogSync commitLogSync = CommitLogSync.DEFAULT;
    private Duration startupTimeout = DEFAULT_STARTUP_TIMEOUT;
    private Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;
    private Path javaHome;
    private final List<String> extraJvmArgs = new ArrayList<>();

    private Builder() {}

    /**
     * @param dataDir where the node keeps data, configuration and log; created if missing, reused
     *     if it holds data from an earlier run
     * @return this builder
     */
    public Builder dataDir(Path dataDir) {
      this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
      return this;
    }

    /**
     * @param address listen and rpc address, an IPv4 loopback literal ({@code 127.x.y.z}); default
     *     {@value DevCassandra#DEFAULT_ADDRESS}
     * @return this builder
     */
    public Builder address(String address) {
      if (!LOOPBACK_IPV4.matcher(address).matches()) {
        throw new IllegalArgumentException("address must be 127.x.y.z, got '" + address + "'");
      }
      this.address = address;
      return this;
    }

    /**
     * @param cqlPort CQL port, 0 for a free one; default {@value DevCassandra#DEFAULT_CQL_PORT}
     * @return this builder
     */
    public Builder cqlPort(int cqlPort) {
      this.cqlPort = checkPort(cqlPort);
      return this;
    }

    /**
     * @param storagePort internode port, 0 for a free one; default {@value
     *     DevCassandra#DEFAULT_STORAGE_PORT}
     * @return this builder
     */
    public Builder storagePort(int storagePort) {
      this.storagePort = checkPort(storagePort);
      return this;
    }

    /**
     * @param heapMb heap of the child JVM in MB, at least 128; default {@value
     *     DevCassandra#DEFAULT_HEAP_MB}
     * @return this builder
     */
    public Builder heapMb(int heapMb) {
      if (heapMb < 128) {
        throw new IllegalArgumentException("heap must be at least 128 MB, got " + heapMb);
      }
      this.heapMb = heapMb;
      return this;
    }

    /**
     * @param collector garbage collector of the child JVM; default {@link Collector#SERIAL}
     * @return this builder
     */
    public Builder collector(Collector collector) {
      this.collector = Objects.requireNonNull(collector, "collector");
      return this;
    }

    /**
     * @param logLevel level of the child's log file: TRACE, DEBUG, INFO, WARN or ERROR; default
     *     {@value DevCassandra#DEFAULT_LOG_LEVEL}
     * @return this builder
     */
    public Builder logLevel(String logLevel) {
      this.logLevel = CassandraYaml.checkLevel(logLevel);
      return this;
    }

    /**
     * @param commitLogSync when the commit log is fsynced, and so what an acknowledged write
     *     survives; default {@link CommitLogSync#DEFAULT} (batch: an fsync before every
     *     acknowledgement, so neither {@code kill -9} nor a power loss loses anything acknowledged)
     * @return this builder
     */
    public Builder commitLogSync(CommitLogSync commitLogSync) {
      this.commitLogSync = Objects.requireNonNull(commitLogSync, "commitLogSync");
      return this;
    }

    /**
     * @param startupTimeout how long {@link #start()} waits for CQL; default 120 s
     * @return this builder
     */
    public Builder startupTimeout(Duration startupTimeout) {
      this.startupTimeout = checkPositive(startupTimeout, "startupTimeout");
      return this;
    }

    /**
     * @param shutdownTimeout how long {@link #stop()} waits after SIGTERM before SIGKILL; default
     *     15 s
     * @return this builder
     */
    public Builder shutdownTimeout(Duration shutdownTimeout) {
      this.shutdownTimeout = checkPositive(shutdownTimeout, "shutdownTimeout");
      return this;
    }

    /**
     * @param javaHome Java 17 home for the child JVM; default: {@code CASSANDRA_JAVA_HOME}, else
     *     this JVM if it is Java 17, else a Java 17 under {@code /usr/lib/jvm}
     * @return this builder
     */
    public Builder javaHome(Path javaHome) {
      this.javaHome = Objects.requireNonNull(javaHome, "javaHome");
      return this;
    }

    /**
     * @param jvmArg one more argument for the child JVM, after the built-in ones (so it can
     *     override a system property)
     * @return this builder
     */
    public Builder jvmArg(String jvmArg) {
      extraJvmArgs.add(Objects.requireNonNull(jvmArg, "jvmArg"));
      return this;
    }

    /**
     * @return the server, not started
     * @throws IllegalStateException if no data directory was set
     */
    public DevCassandra build() {
      if (dataDir == null) {
        throw new IllegalStateException("dataDir is required");
      }
      if (cqlPort != 0 && cqlPort == storagePort) {
        throw new IllegalStateException("CQL port and storage port are both " + cqlPort);
      }
      return new DevCassandra(this);
    }

    private static int checkPort(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
      return port;
    }

    private static Duration checkPositive(Duration duration, String name) {
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, got " + duration);
      }
      return duration;
    }
  }
}
