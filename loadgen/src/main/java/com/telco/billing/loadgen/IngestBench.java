package com.telco.billing.loadgen;

import com.telco.billing.devcassandra.DevCassandra;
import com.telco.billing.devkit.EmbeddedNode;
import com.telco.billing.node.catalog.SampleCatalog;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bin/billing bench ingest}: on this machine, a fresh dev Cassandra and one billing node in
 * this JVM; sets up the accounts, then measures (2) end-to-end ingestion through HTTP as fast as
 * possible, the acknowledgement latency at a fixed rate, and (1) the ceiling: the same number of
 * records, with the bytes the node wrote per record, written straight into Cassandra with the
 * driver. Prints both rates and their ratio; stops everything and deletes the data at the end.
 */
@Command(
    name = "bench ingest",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpWidth = 100,
    description = {
      "Ingestion benchmark: end-to-end through HTTP into one node versus the Cassandra ceiling.",
      "Starts its own Cassandra (fresh data in a temporary directory) and node; ~10 minutes with"
          + " the defaults on 2 cores.",
      ""
    })
public final class IngestBench implements Callable<Integer> {

  @Option(
      names = "--accounts",
      defaultValue = "100000",
      description = "accounts (default: ${DEFAULT-VALUE})")
  int accounts;

  @Option(
      names = "--records",
      defaultValue = "200000",
      description =
          "records of the as-fast-as-possible run and of the ceiling (default:"
              + " ${DEFAULT-VALUE})")
  long records;

  @Option(
      names = "--batch",
      defaultValue = "1000",
      description = "records per request (default: ${DEFAULT-VALUE})")
  int batch;

  @Option(
      names = "--concurrency",
      defaultValue = "2",
      description = "batches in flight in the as-fast-as-possible run (default: ${DEFAULT-VALUE})")
  int concurrency;

  @Option(
      names = "--fixed-concurrency",
      defaultValue = "16",
      description =
          "batches in flight at most in the fixed-rate run; latency counts from when a batch was"
              + " due, so waiting for a slot is included (default: ${DEFAULT-VALUE})")
  int fixedConcurrency;

  @Option(
      names = "--warmup-records",
      defaultValue = "20000",
      description = "records sent first, not measured (default: ${DEFAULT-VALUE})")
  long warmupRecords;

  @Option(
      names = "--fixed-rate",
      defaultValue = "10000",
      description = "records/s of the fixed-rate run; 0 skips it (default: ${DEFAULT-VALUE})")
  double fixedRate;

  @Option(
      names = "--fixed-duration",
      defaultValue = "30s",
      converter = LoadGen.DurationConverter.class,
      description = "length of the fixed-rate run (default: ${DEFAULT-VALUE})")
  Duration fixedDuration;

  @Option(
      names = "--duplicate-rate",
      defaultValue = "0.01",
      description = "share of planned duplicates (default: ${DEFAULT-VALUE})")
  double duplicateRate;

  @Option(
      names = "--bad-rate",
      defaultValue = "0.01",
      description = "share of invalid records (default: ${DEFAULT-VALUE})")
  double badRate;

  @Option(
      names = "--ceiling-in-flight",
      defaultValue = "256",
      description = "concurrent driver writes of the ceiling (default: ${DEFAULT-VALUE})")
  int ceilingInFlight;

  @Mixin BenchCassandraOptions cassandraOptions;

  @Option(
      names = "--setup-concurrency",
      defaultValue = "64",
      description = "accounts set up at once (default: ${DEFAULT-VALUE})")
  int setupConcurrency;

  @Option(
      names = "--run-limit",
      defaultValue = "180s",
      converter = LoadGen.DurationConverter.class,
      description =
          "the as-fast-as-possible run stops sending after this long even if not all records are"
              + " sent (default: ${DEFAULT-VALUE})")
  Duration runLimit;

  @Option(
      names = "--node-config",
      description =
          "a setting for the node (HOCON), repeatable, e.g."
              + " 'datastax-java-driver.advanced.connection.max-requests-per-connection = 32768'")
  List<String> nodeConfig = new ArrayList<>();

  @Option(names = "--seed", defaultValue = "1", description = "random seed (default: 1)")
  long seed;

  @Option(
      names = "--mode",
      defaultValue = "sync",
      description =
          "sync: POST /usage, acknowledged once rated and journaled; intake: POST /usage/batches,"
              + " acknowledged (202) once durably received, then the backlog's rating is"
              + " measured apart (default: ${DEFAULT-VALUE})")
  String mode;

  @Option(
      names = "--drain-timeout",
      defaultValue = "300s",
      converter = LoadGen.DurationConverter.class,
      description =
          "intake mode: how long to wait for the backlog of a run to be rated (default:"
              + " ${DEFAULT-VALUE})")
  Duration drainTimeout;

  private boolean intake() {
    return mode.equals("intake");
  }

  /** A run: its acknowledgements and, in intake mode, the rating of its backlog. */
  private record Run(LoadEngine.Summary summary, LoadEngine.Rated rated) {}

  private final PrintStream out = System.out;

  /** The JVM property that sizes the common ForkJoinPool. */
  static final String COMMON_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

  public static void main(String[] args) {
    if (System.getProperty("BILLING_LOG_LEVEL") == null
        && System.getenv("BILLING_LOG_LEVEL") == null) {
      // before the first logger exists: the node's logback.xml reads it
      System.setProperty("BILLING_LOG_LEVEL", "WARN");
      // the access log has its own level: one line per request would be the bench's own load
      System.setProperty("BILLING_ACCESS_LOG_LEVEL", "WARN");
    }
    if (System.getProperty(COMMON_PARALLELISM) == null
        && Runtime.getRuntime().availableProcessors() <= 2) {
      // On 2 cores the common pool has parallelism 1, and CompletableFuture then runs every
      // *Async stage (which Scala's FutureConverters use for thenCompose) on a new thread.
      System.setProperty(COMMON_PARALLELISM, "2");
    }
    int status = new CommandLine(new IngestBench()).execute(args);
    System.exit(status);
  }

  @Override
  public Integer call() throws Exception {
    long benchStart = System.nanoTime();
    if (!mode.equals("sync") && !intake()) {
      out.println("bench ingest: --mode is sync or intake, not " + mode);
      return 2;
    }
    Path dataDir = Files.createTempDirectory("billing-bench-");
    String loadBefore = loadAverage();
    out.printf(
        "bench ingest (%s mode): %d cores, Java %s, load average %s; %,d accounts, %,d records in"
            + " batches of %,d; data in %s%n",
        mode,
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        loadBefore,
        accounts,
        records,
        batch,
        dataDir);
    DevCassandra cassandra = cassandraOptions.build(dataDir);
    Thread cleanup =
        new Thread(
            () -> {
              cassandra.stop();
              BenchCluster.deleteRecursively(dataDir);
            },
            "bench-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
    EmbeddedNode node = null;
    CassandraCeiling ceiling = null;
    try {
      long t = System.nanoTime();
      cassandra.start();
      out.printf(
          "cassandra: up on %s in %.1f s (%s)%n",
          cassandra.endpoint().hostAndPort(), secondsSince(t), cassandraOptions);
      t = System.nanoTime();
      String keyspace = "bench_billing";
      node =
          EmbeddedNode.start(
              cassandra.endpoint().hostAndPort(),
              keyspace,
              ConfigFactory.parseString(String.join("\n", nodeConfig)),
              Duration.ofSeconds(120));
      out.printf(
          "node: ready on %s in %.1f s%s%n",
          node.httpUrl(), secondsSince(t), nodeConfig.isEmpty() ? "" : " with " + nodeConfig);

      Setup.Result setup =
          new Setup(URI.create(node.httpUrl()), setupConcurrency, out)
              .run(SampleCatalog.path(), accounts);
      if (setup.failed() > 0) {
        out.println("setup failed for " + setup.failed() + " accounts: " + setup.errors());
        return 1;
      }

      List<String> problems = new ArrayList<>();
      if (warmupRecords > 0) {
        out.printf("warm-up: %,d records, not measured%n", warmupRecords);
        Run warm = drive(node, "warm-up", warmupRecords, 0, concurrency, runLimit);
        out.println("warm-up: " + warm.summary().rateLine());
        if (warm.rated() != null) {
          out.println("warm-up rating: " + warm.rated().line());
        }
        problems.addAll(check("warm-up", warm.summary()));
      }
      out.printf(
          "end-to-end: %,d records as fast as possible, %d batches in flight (at most %d s)%n",
          records, concurrency, runLimit.toSeconds());
      Run e2eRun = drive(node, "e2e", records, 0, concurrency, runLimit);
      LoadEngine.Summary e2e = e2eRun.summary();
      e2e.print(out);
      if (e2eRun.rated() != null) {
        out.println("  rating       " + e2eRun.rated().line());
      }
      problems.addAll(check("end-to-end", e2e));

      LoadEngine.Summary fixed = null;
      LoadEngine.Rated fixedRated = null;
      if (fixedRate > 0) {
        long fixedRecords = (long) (fixedRate * fixedDuration.toMillis() / 1000);
        out.printf(
            "fixed rate: %,.0f records/s for %d s (%,d records, up to %d batches in flight)%n",
            fixedRate, fixedDuration.toSeconds(), fixedRecords, fixedConcurrency);
        Run fixedRun =
            drive(node, "fixed", fixedRecords, fixedRate, fixedConcurrency, fixedDuration);
        fixed = fixedRun.summary();
        fixedRated = fixedRun.rated();
        fixed.print(out);
        if (fixedRated != null) {
          out.println("  rating       " + fixedRated.line());
        }
        problems.addAll(check("fixed rate", fixed));
      }

      ceiling = new CassandraCeiling(cassandra.endpoint());
      CassandraCeiling.JournalSample journal = ceiling.sampleJournal(keyspace, 50_000);
      int payloadBytes = (int) Math.max(1, Math.round(journal.bytesPerRecord()));
      out.printf(
          "journal: %,d usage events sampled, %.3f records per event, %,.0f event bytes per"
              + " record%n",
          journal.usageEvents(), journal.recordsPerEvent(), journal.bytesPerRecord());
      if (journal.records() == 0) {
        payloadBytes = 220; // the JSON size of a record, if the journal could not be read
        out.println("journal: no usage event found; the ceiling uses 220 bytes per record");
      }

      t = System.nanoTime();
      node.close();
      node = null;
      out.printf("node: stopped in %.1f s (the ceiling runs without it)%n", secondsSince(t));

      out.printf(
          "ceiling: %,d journal rows of %,d bytes, async prepared inserts at QUORUM, %d in flight%n",
          records, payloadBytes, ceilingInFlight);
      CassandraCeiling.Result c =
          ceiling.write(
              "bench_ceiling", records, accounts, payloadBytes, journal.samples(), ceilingInFlight);
      if (c.errors() > 0) {
        problems.add("ceiling: " + c.errors() + " writes failed");
      }

      out.println();
      out.println("=== bench ingest results ===");
      out.printf(
          "machine: %d cores, load average %s before, %s now; one node (in this JVM, common pool"
              + " parallelism %s) and its local Cassandra (%s); %,d accounts; batches of"
              + " %,d; %.1f %% duplicates, %.1f %% bad records%s%n",
          Runtime.getRuntime().availableProcessors(),
          loadBefore,
          loadAverage(),
          System.getProperty(COMMON_PARALLELISM, "default"),
          cassandraOptions,
          accounts,
          batch,
          duplicateRate * 100,
          badRate * 100,
          nodeConfig.isEmpty() ? "" : "; node settings " + nodeConfig);
      out.printf(
          "(2) end-to-end (HTTP -> node -> %s), %d batches in flight: %,.0f records/s"
              + " acknowledged (%,.0f accepted/s); p50 %,.0f ms, p95 %,.0f ms, p99 %,.0f ms, max"
              + " %,.0f ms per batch%n",
          intake() ? "intake log, 202 received" : "journal",
          concurrency,
          e2e.ackedPerSecond(),
          e2e.acceptedPerSecond(),
          e2e.latencyMillis(50),
          e2e.latencyMillis(95),
          e2e.latencyMillis(99),
          e2e.maxLatencyMillis());
      if (e2eRun.rated() != null) {
        out.println("(2) rating of that backlog: " + e2eRun.rated().line());
      }
      if (fixedRated != null) {
        out.println("(2) rating of the fixed-rate backlog: " + fixedRated.line());
      }
      if (fixed != null) {
        out.printf(
            "(2) at a fixed %,.0f records/s for %d s: achieved %,.0f records/s; p50 %,.0f ms, p95 %,.0f"
                + " ms, p99 %,.0f ms, max %,.0f ms%n",
            fixedRate,
            fixedDuration.toSeconds(),
            fixed.ackedPerSecond(),
            fixed.latencyMillis(50),
            fixed.latencyMillis(95),
            fixed.latencyMillis(99),
            fixed.maxLatencyMillis());
      }
      out.printf(
          "(1) ceiling (driver -> Cassandra, %,d B per record, %d in flight): %,.0f records/s;"
              + " write p99 %,.1f ms%n",
          payloadBytes,
          ceilingInFlight,
          c.rowsPerSecond(),
          c.latencyMicros().getValueAtPercentile(99) / 1000.0);
      out.printf(
          "ratio end-to-end / ceiling: %.2f (%.0f %%)%n",
          e2e.ackedPerSecond() / c.rowsPerSecond(), 100 * e2e.ackedPerSecond() / c.rowsPerSecond());
      AuthCost.Result auth = AuthCost.measure();
      double batchesPerSecond = e2e.ackedPerSecond() / batch;
      double authShare =
          auth.shareOfCpu(batchesPerSecond, Runtime.getRuntime().availableProcessors());
      out.printf(
          "(3) authentication per request: %.2f µs (bearer token seen before), %.1f µs (first"
              + " sight: ES256 check), %.2f µs (API key); at the (2) rate of %,.1f requests/s:"
              + " %.4f %% of the node's CPU (ceiling 5 %%)%n",
          auth.cachedBearerMicros(),
          auth.firstBearerMicros(),
          auth.apiKeyMicros(),
          batchesPerSecond,
          100 * authShare);
      if (authShare > 0.05) {
        problems.add("authentication costs more than 5 % of the node's CPU");
      }
      out.printf("bench took %.0f s%n", secondsSince(benchStart));
      if (!problems.isEmpty()) {
        out.println("problems:");
        problems.forEach(p -> out.println("  " + p));
      }
      return problems.isEmpty() ? 0 : 1;
    } finally {
      if (ceiling != null) {
        ceiling.close();
      }
      if (node != null) {
        node.close();
      }
      cassandra.stop();
      BenchCluster.deleteRecursively(dataDir);
      try {
        Runtime.getRuntime().removeShutdownHook(cleanup);
      } catch (IllegalStateException e) {
        // shutting down already
      }
      out.println("bench: stopped Cassandra and deleted " + dataDir);
    }
  }

  private Run drive(
      EmbeddedNode node, String label, long count, double rate, int inFlight, Duration duration) {
    String runId = LoadGen.newRunId() + label;
    Instant[] window = LoadGen.usageWindow(Instant.now(), Duration.ofHours(72));
    RecordGenerator generator =
        new RecordGenerator(
            new RecordGenerator.Settings(
                runId, accounts, duplicateRate, badRate, window[0], window[1], seed++));
    LoadEngine engine =
        new LoadEngine(
            new LoadEngine.Settings(
                URI.create(node.httpUrl()),
                batch,
                rate,
                inFlight,
                count,
                duration,
                true,
                intake(),
                true),
            out);
    try (Ledger ledger = new Ledger(null, runId, accounts)) {
      LoadEngine.Summary summary = engine.run(generator, ledger);
      LoadEngine.Rated rated = null;
      if (intake()) {
        out.printf("%s: acknowledged; waiting for the backlog to be rated%n", label);
        rated = engine.awaitRated(ledger, drainTimeout);
        summary = engine.withOutcomes(summary);
      }
      if (ledger.doubleCharged() > 0) {
        out.printf("%s: %,d records were accepted twice%n", label, ledger.doubleCharged());
      }
      return new Run(summary, rated);
    }
  }

  private static List<String> check(String label, LoadEngine.Summary summary) {
    List<String> problems = new ArrayList<>();
    if (summary.failedBatches() > 0) {
      problems.add(label + ": " + summary.failedBatches() + " batches failed: " + summary.errors());
    }
    if (summary.unexpected() > 0) {
      problems.add(label + ": " + summary.unexpected() + " unexpected outcomes");
    }
    if (summary.suspended() > 0) {
      problems.add(label + ": " + summary.suspended() + " records suspended");
    }
    return problems;
  }

  /** The 1, 5 and 15 minute load averages (Linux), or "?" elsewhere. */
  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  private static double secondsSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
