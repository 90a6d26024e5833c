package com.telco.billing.devcassandra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Cassandra per test JVM, shared by all test classes, plus unique keyspace names so that the
 * classes do not see each other's data. Independent of any test framework.
 *
 * <pre>{@code
 * CassandraEndpoint cassandra = TestCassandra.shared();
 * String keyspace = TestCassandra.uniqueKeyspace("invoice_projection");
 * // datastax-java-driver.basic.contact-points = [cassandra.hostAndPort()]
 * // datastax-java-driver.basic.load-balancing-policy.local-datacenter = cassandra.localDatacenter()
 * }</pre>
 *
 * <p>If the system property or environment variable {@value #ENDPOINT_VARIABLE} is set to {@code
 * host:port}, that Cassandra is used (a developer can keep one running across test runs, e.g.
 * {@link DevCassandraMain}); the property wins over the variable. Otherwise the first call starts a
 * {@link DevCassandra} on free ports with a fresh data directory under {@code
 * target/dev-cassandra-test/} (or {@code java.io.tmpdir} where there is no {@code target/}), which
 * a shutdown hook stops and deletes.
 */
public final class TestCassandra {

  /** System property or environment variable: {@code host:port} of a Cassandra to reuse. */
  public static final String ENDPOINT_VARIABLE = "BILLING_TEST_CASSANDRA";

  /** Longest name {@link #uniqueKeyspace(String)} returns (Cassandra allows 48). */
  public static final int MAX_KEYSPACE_NAME_LENGTH = 40;

  private static final Logger log = LoggerFactory.getLogger(TestCassandra.class);

  private static final int SUFFIX_LENGTH = 10;
  private static final Pattern CAMEL_HUMP = Pattern.compile("([a-z0-9])([A-Z])");
  private static final Pattern NOT_NAME_CHARS = Pattern.compile("[^a-z0-9]+");

  private static CassandraEndpoint shared;
  private static RuntimeException startFailure;

  private TestCassandra() {}

  /**
   * Returns the JVM's shared Cassandra, starting it on the first call.
   *
   * @return where it answers CQL
   * @throws DevCassandraException if it cannot be started or reached (later calls fail fast with
   *     the same cause)
   */
  public static synchronized CassandraEndpoint shared() {
    if (shared == null) {
      if (startFailure != null) {
        throw new DevCassandraException(
            "the shared test Cassandra failed earlier: " + startFailure.getMessage(), startFailure);
      }
      try {
        shared = reuseOrStart();
      } catch (RuntimeException e) {
        startFailure = e;
        throw e;
      }
    }
    return shared;
  }

  /**
   * Makes a keyspace name that no other call (in any JVM, with overwhelming probability) returns:
   * the prefix in lower snake case, then {@code _} and 10 random characters. The result matches
   * {@code [a-z][a-z0-9_]*}, is at most {@value #MAX_KEYSPACE_NAME_LENGTH} characters long, and so
   * needs no quoting in CQL.
   *
   * @param prefix a readable part, e.g. the test class name; any characters
   * @return the keyspace name
   */
  public static String uniqueKeyspace(String prefix) {
    String snake = CAMEL_HUMP.matcher(prefix).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
    String readable = NOT_NAME_CHARS.matcher(snake).replaceAll("_").replaceAll("^_+|_+$", "");
    if (readable.isEmpty() || !Character.isLetter(readable.charAt(0))) {
      readable = readable.isEmpty() ? "ks" : "ks_" + readable;
    }
    int room = MAX_KEYSPACE_NAME_LENGTH - SUFFIX_LENGTH - 1;
    if (readable.length() > room) {
      readable = readable.substring(0, room).replaceAll("_+$", "");
    }
    return readable + "_" + randomSuffix();
  }

  private static String randomSuffix() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    StringBuilder suffix = new StringBuilder(SUFFIX_LENGTH);
    for (int i = 0; i < SUFFIX_LENGTH; i++) {
      suffix.append(Character.forDigit(random.nextInt(36), 36));
    }
    return suffix.toString();
  }

  /**
   * Heap of the shared test server. It holds a keyspace of every test class of the JVM (some 20
   * tables each); with the dev default of 256 MB it ran out of memory (exit status 3) late in the
   * cluster-node integration tests.
   */
  static final int TEST_HEAP_MB = 1024;

  private static CassandraEndpoint reuseOrStart() {
    String configured = System.getProperty(ENDPOINT_VARIABLE, System.getenv(ENDPOINT_VARIABLE));
    if (configured != null && !configured.isBlank()) {
      return reuse(configured);
    }
    Path dataDir = newDataDir();
    DevCassandra server =
        DevCassandra.builder()
            .dataDir(dataDir)
            .cqlPort(0)
            .storagePort(0)
            .heapMb(TEST_HEAP_MB)
            .build();
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> stopAndDelete(server), "dev-cassandra-test-cleanup"));
    server.start();
    return server.endpoint();
  }

  private static CassandraEndpoint reuse(String configured) {
    CassandraEndpoint given;
    try {
      given = CassandraEndpoint.parse(configured, CassandraEndpoint.DEV_DATACENTER);
    } catch (IllegalArgumentException e) {
      throw new DevCassandraException(ENDPOINT_VARIABLE + ": " + e.getMessage(), e);
    }
    CqlProbe.NodeInfo info;
    try {
      info = CqlProbe.query(given.contactPoint(), Duration.ofSeconds(10));
    } catch (RuntimeException e) {
      throw new DevCassandraException(
          ENDPOINT_VARIABLE + "=" + configured + " does not answer CQL: " + e.getMessage(), e);
    }
    log.info(
        "Tests use Cassandra {} at {} ({}={})",
        info.releaseVersion(),
        given.hostAndPort(),
        ENDPOINT_VARIABLE,
        configured);
    return new CassandraEndpoint(given.host(), given.port(), info.dataCenter());
  }

  private static Path newDataDir() {
    Path target = Path.of("target");
    Path base =
        Files.isDirectory(target)
            ? target.resolve("dev-cassandra-test")
            : Path.of(System.getProperty("java.io.tmpdir"));
    try {
      Files.createDirectories(base);
      return Files.createTempDirectory(base, "cassandra-").toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a data directory under " + base, e);
    }
  }

  private static void stopAndDelete(DevCassandra server) {
    server.stop();
    try {
      Directories.deleteRecursively(server.dataDir());
    } catch (IOException e) {
      log.warn("Could not delete the test Cassandra's data directory {}", server.dataDir(), e);
    }
  }
}
