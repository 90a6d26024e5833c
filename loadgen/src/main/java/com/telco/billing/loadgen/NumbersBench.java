package com.telco.billing.loadgen;

import com.telco.billing.node.util.GroupCommit;
import com.telco.billing.protocol.invoice.SeriesCommand;
import com.telco.billing.sharding.EntityKeys;
import com.typesafe.config.ConfigFactory;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bin/billing bench numbers}: how many invoice numbers per second one series hands out,
 * through the node's own path: a {@link GroupCommit} per node in front of the sharded {@code
 * InvoiceSeriesEntity} (as {@code InvoicingService} builds it), {@code AssignNumbers} for the
 * numbers and {@code ConfirmNumbers} once a number is "used". {@code --concurrency} callers ask for
 * one number each at a time, with distinct keys, until {@code --requests} numbers are out; the
 * series must then have handed out exactly 1..requests.
 *
 * <p>A component benchmark, not an HTTP client: invoice numbers are handed out only to the bill
 * run's closes inside the node, and no endpoint of the public API asks the series for a number. To
 * measure the series alone it needs the node's actor system (in this JVM) and sends the series
 * entity its commands through cluster sharding, which is why it is the one bench of this module
 * that uses {@code ClusterSharding}; the other benches send the node their requests over HTTP.
 */
@Command(
    name = "bench numbers",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpWidth = 100,
    description = {
      "Invoice number benchmark: numbers/s of one series (group commit + sharded series entity),"
          + " and a check that it handed out exactly 1..N.",
      "Starts its own Cassandra (fresh data in a temporary directory) unless --cassandra is given.",
      ""
    })
public final class NumbersBench implements Callable<Integer> {

  @Option(
      names = "--requests",
      defaultValue = "100000",
      description = "numbers asked for, one distinct key each (default: ${DEFAULT-VALUE})")
  int requests;

  @Option(
      names = "--concurrency",
      defaultValue = "64",
      description =
          "callers asking at once, like the bill run's parallelism (default: ${DEFAULT-VALUE})")
  int concurrency;

  @Option(
      names = "--warmup",
      defaultValue = "5000",
      description =
          "numbers of another series asked for first, not measured (default: ${DEFAULT-VALUE})")
  int warmup;

  @Option(
      names = "--cassandra",
      paramLabel = "host:port",
      description =
          "a running Cassandra on this machine (a keyspace of its own, dropped at the end);"
              + " default: start a fresh dev Cassandra")
  String cassandra;

  @Mixin BenchCassandraOptions cassandraOptions;

  @Option(
      names = "--node-ready-timeout",
      defaultValue = "5m",
      converter = LoadGen.DurationConverter.class,
      description =
          "how long the node may take to start (schema, sharding, HTTP) on a busy machine"
              + " (default: ${DEFAULT-VALUE})")
  Duration nodeReadyTimeout;

  @Option(names = "--node-config", description = "a setting for the node (HOCON), repeatable")
  List<String> nodeConfig = new ArrayList<>();

  private final PrintStream out = System.out;

  public static void main(String[] args) {
    BenchCluster.defaultJvmSettings();
    System.exit(new CommandLine(new NumbersBench()).execute(args));
  }

  /** One series' numbers handed out by concurrent callers. */
  record Pass(
      long numbers,
      double seconds,
      long writes,
      double confirmSeconds,
      Histogram latencyMicros,
      List<String> problems) {
    double perSecond() {
      return seconds > 0 ? numbers / seconds : 0;
    }
  }

  @Override
  public Integer call() throws Exception {
    if (requests < 1 || concurrency < 1 || warmup < 0) {
      System.err.println("--requests and --concurrency must be at least 1, --warmup at least 0");
      return 2;
    }
    long benchStart = System.nanoTime();
    String loadBefore = IngestBench.loadAverage();
    int year = LocalDate.now(ZoneOffset.UTC).getYear();
    out.printf(
        "bench numbers: %d cores, Java %s, load average %s; %,d numbers of one series, %d callers"
            + " at once%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        loadBefore,
        requests,
        concurrency);
    Pass pass;
    try (BenchCluster cluster =
        BenchCluster.start(
            cassandra,
            cassandraOptions,
            "bench_numbers",
            ConfigFactory.parseString(String.join("\n", nodeConfig)),
            nodeReadyTimeout,
            out)) {
      if (warmup > 0) {
        Pass warm = run(cluster.system(), "BENCHWARM-" + year, warmup, "warm-up");
        out.printf(
            "warm-up: %,d numbers, %,.0f numbers/s, not measured%s%n",
            warm.numbers(),
            warm.perSecond(),
            warm.problems().isEmpty() ? "" : "; problems " + warm.problems());
      }
      pass = run(cluster.system(), "BENCH-" + year, requests, "numbers");
      out.println();
      out.println("=== bench numbers results ===");
      out.printf(
          "machine: %d cores, load average %s before, %s now; one node (in this JVM) and its local"
              + " Cassandra%s%n",
          Runtime.getRuntime().availableProcessors(),
          loadBefore,
          IngestBench.loadAverage(),
          cassandra == null ? " (" + cassandraOptions + ")" : " " + cassandra);
      out.printf(
          "numbers:  %,d of series BENCH-%d in %.1f s: %,.0f numbers/s with %d callers%n",
          pass.numbers(), year, pass.seconds(), pass.perSecond(), concurrency);
      out.printf(
          "writes:   %,d AssignNumbers commands (journal writes), %.1f numbers per write on"
              + " average%n",
          pass.writes(), pass.writes() == 0 ? 0.0 : (double) pass.numbers() / pass.writes());
      out.printf(
          "latency:  per number p50 %,.1f ms, p99 %,.1f ms, max %,.1f ms (ask until answer)%n",
          pass.latencyMicros().getValueAtPercentile(50) / 1000.0,
          pass.latencyMicros().getValueAtPercentile(99) / 1000.0,
          pass.latencyMicros().getMaxValue() / 1000.0);
      out.printf(
          "confirm:  all confirmations done %.1f s after the last number%n", pass.confirmSeconds());
      out.printf(
          "check:    %s%n",
          pass.problems().isEmpty()
              ? "exactly 1.." + requests + ", no duplicates, no gaps"
              : "WRONG: " + pass.problems());
      out.printf("bench took %.0f s%n", BenchCluster.secondsSince(benchStart));
    }
    return pass.problems().isEmpty() ? 0 : 1;
  }

  /**
   * {@code count} numbers of {@code series}, keys {@code <label>-<i>}, {@code --concurrency}
   * callers; confirmations are sent as {@code InvoicingService} sends them (after the number is
   * answered, grouped, not waited for) and awaited at the end.
   */
  private Pass run(ActorSystem<?> system, String series, int count, String label)
      throws InterruptedException {
    ClusterSharding sharding = ClusterSharding.get(system);
    Duration timeout = system.settings().config().getDuration("billing.invoicing.ask-timeout");
    AtomicLong writes = new AtomicLong();
    GroupCommit<String, Long> numbers =
        new GroupCommit<>(
            (seriesId, keys) -> {
              writes.incrementAndGet();
              return sharding
                  .entityRefFor(EntityKeys.INVOICE_SERIES, seriesId)
                  .<SeriesCommand.AssignedNumbers>askWithStatus(
                      replyTo -> new SeriesCommand.AssignNumbers(keys, replyTo), timeout)
                  .thenApply(SeriesCommand.AssignedNumbers::sequences);
            });
    GroupCommit<String, Done> confirmations =
        new GroupCommit<>(
            (seriesId, keys) ->
                sharding
                    .entityRefFor(EntityKeys.INVOICE_SERIES, seriesId)
                    .<Done>askWithStatus(
                        replyTo -> new SeriesCommand.ConfirmNumbers(keys, replyTo), timeout)
                    .thenApply(done -> keys.stream().map(k -> Done.getInstance()).toList()));

    SequenceCheck check = new SequenceCheck(count);
    Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
    AtomicLong next = new AtomicLong();
    AtomicLong answered = new AtomicLong();
    AtomicLong unconfirmed = new AtomicLong();
    List<String> failures = new ArrayList<>();
    CountDownLatch callersDone = new CountDownLatch(concurrency);
    CompletableFuture<Void> allConfirmed = new CompletableFuture<>();
    long start = System.nanoTime();
    for (int c = 0; c < concurrency; c++) {
      caller(
          series,
          label,
          count,
          numbers,
          confirmations,
          next,
          answered,
          unconfirmed,
          check,
          latency,
          failures,
          callersDone,
          allConfirmed);
    }
    long lastPrint = start;
    long lastAnswered = 0;
    while (!callersDone.await(2, TimeUnit.SECONDS)) {
      long t = System.nanoTime();
      long a = answered.get();
      out.printf(
          "%s: %,d / %,d numbers, %,.0f/s now, %,d journal writes%n",
          label, a, count, (a - lastAnswered) / ((t - lastPrint) / 1e9), writes.get());
      lastPrint = t;
      lastAnswered = a;
    }
    double seconds = BenchCluster.secondsSince(start);
    long confirmStart = System.nanoTime();
    if (unconfirmed.get() == 0) {
      allConfirmed.complete(null);
    }
    try {
      allConfirmed.get(2, TimeUnit.MINUTES);
    } catch (Exception e) {
      synchronized (failures) {
        failures.add("confirmations not done after 2 minutes: " + e);
      }
    }
    double confirmSeconds = BenchCluster.secondsSince(confirmStart);
    List<String> problems = new ArrayList<>();
    synchronized (failures) {
      problems.addAll(failures);
    }
    problems.addAll(check.problems());
    synchronized (latency) {
      return new Pass(
          answered.get(), seconds, writes.get(), confirmSeconds, latency.copy(), problems);
    }
  }

  /** One caller: asks for the next key's number, confirms it, asks again, until all are out. */
  private static void caller(
      String series,
      String label,
      int count,
      GroupCommit<String, Long> numbers,
      GroupCommit<String, Done> confirmations,
      AtomicLong next,
      AtomicLong answered,
      AtomicLong unconfirmed,
      SequenceCheck check,
      Histogram latency,
      List<String> failures,
      CountDownLatch callersDone,
      CompletableFuture<Void> allConfirmed) {
    long i = next.incrementAndGet();
    if (i > count) {
      callersDone.countDown();
      return;
    }
    String key = label + "-" + i;
    long asked = System.nanoTime();
    CompletionStage<List<Long>> number = numbers.submit(series, List.of(key));
    number.whenComplete(
        (sequences, failure) -> {
          if (failure != null) {
            synchronized (failures) {
              if (failures.size() < 10) {
                failures.add(key + ": " + BillRunSetup.unwrap(failure));
              }
            }
          } else {
            long micros = (System.nanoTime() - asked) / 1000;
            synchronized (latency) {
              latency.recordValue(Math.min(micros, latency.getHighestTrackableValue()));
            }
            check.add(sequences.get(0));
            answered.incrementAndGet();
            unconfirmed.incrementAndGet();
            confirmations
                .submit(series, List.of(key))
                .whenComplete(
                    (done, notConfirmed) -> {
                      if (notConfirmed != null) {
                        synchronized (failures) {
                          if (failures.size() < 10) {
                            failures.add(
                                key + " not confirmed: " + BillRunSetup.unwrap(notConfirmed));
                          }
                        }
                      }
                      if (unconfirmed.decrementAndGet() == 0 && callersDone.getCount() == 0) {
                        allConfirmed.complete(null);
                      }
                    });
          }
          caller(
              series,
              label,
              count,
              numbers,
              confirmations,
              next,
              answered,
              unconfirmed,
              check,
              latency,
              failures,
              callersDone,
              allConfirmed);
        });
  }
}
