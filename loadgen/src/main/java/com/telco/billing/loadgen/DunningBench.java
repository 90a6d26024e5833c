package com.telco.billing.loadgen;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.telco.billing.loadgen.BillRunSetup.Accounts;
import com.telco.billing.node.dunning.driver.DunningDriverModule;
import com.telco.billing.node.rounds.DateBuckets;
import com.telco.billing.node.rounds.RoundDriver;
import com.telco.billing.node.rounds.RoundReport;
import com.typesafe.config.ConfigFactory;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.SingletonActor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bin/billing bench dunning}: on this machine, a dev Cassandra and one billing node in this
 * JVM. Publishes the sample catalog and a dunning policy, sets up N accounts without a payment
 * method and with payment terms of 0 days ({@link BillRunSetup}), and bills them with one bill run
 * for a cycle date {@code --days-past-due} days ago (at most the 28th of its month): N unpaid
 * invoices already that many days past due, each account's next dunning evaluation due today
 * (setup, not measured). The node's dunning driver runs with a long interval, so that the bench
 * starts the one sweep itself once the due rows are all written. Measured: that sweep, {@code
 * EvaluateDunning(today)} to every account through sharding at the driver's parallelism; accounts
 * evaluated per second = rows read / the round's time. Then the check: the sweep fired a step for
 * every account and got an answer from each, a second sweep fires nothing, the work list ({@code
 * GET /dunning/accounts}) lists every account once at the same first step, and a sample of {@code
 * GET /accounts/{id}/dunning} shows one step fired; a failed check exits 1. Last, the ceiling: as
 * many journal-shaped rows (one event per evaluation) written straight into the same Cassandra at
 * the same parallelism, without the node. Stops everything and deletes the data at the end.
 */
@Command(
    name = "bench dunning",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpWidth = 100,
    description = {
      "Dunning benchmark: N accounts each with an overdue invoice, one sweep of the dunning"
          + " driver; prints accounts evaluated per second against a Cassandra ceiling measured in"
          + " the same run, and checks that each account fired its step once.",
      "Starts its own Cassandra (fresh data in a temporary directory) unless --cassandra is given.",
      ""
    })
public final class DunningBench implements Callable<Integer> {
  /** Issue #22: at least 2,000 accounts evaluated per second on this machine. */
  static final double TARGET_PER_SECOND = 2_000;

  @Option(
      names = "--accounts",
      defaultValue = "100000",
      description = "accounts, each with one overdue invoice (default: ${DEFAULT-VALUE})")
  int accounts;

  @Option(
      names = "--days-past-due",
      defaultValue = "4",
      description =
          "how many days past due the invoices are on the sweep (at least the policy's first step"
              + " day, before its second; default: ${DEFAULT-VALUE})")
  int daysPastDue;

  @Option(
      names = "--policy",
      defaultValue = "samples/dunning-policy.json",
      description = "the dunning policy to publish (default: ${DEFAULT-VALUE})")
  Path policy;

  @Option(
      names = "--policy-endpoint",
      defaultValue = "/dunning-policies",
      description = "where the policy is published with POST (default: ${DEFAULT-VALUE})")
  String policyEndpoint;

  @Option(
      names = "--dunning-parallelism",
      description =
          "billing.dunning.driver.parallelism: EvaluateDunning asks in flight (default: the"
              + " node's, 64)")
  Integer parallelism;

  @Option(
      names = "--setup-concurrency",
      defaultValue = "64",
      description = "accounts set up at once (default: ${DEFAULT-VALUE})")
  int setupConcurrency;

  @Option(
      names = "--dunning-sample",
      defaultValue = "200",
      description =
          "accounts whose GET /accounts/{id}/dunning is checked, spread evenly (default:"
              + " ${DEFAULT-VALUE})")
  int dunningSample;

  @Option(names = "--no-ceiling", description = "skip the Cassandra ceiling (no ratio printed)")
  boolean noCeiling;

  @Option(
      names = "--cassandra",
      paramLabel = "host:port",
      description =
          "a running Cassandra on this machine (a keyspace of its own, dropped at the end);"
              + " default: start a fresh dev Cassandra")
  String cassandra;

  @Mixin BenchCassandraOptions cassandraOptions;

  @Option(
      names = "--read-side-timeout",
      defaultValue = "10m",
      converter = LoadGen.DurationConverter.class,
      description =
          "longest wait for the cycle-day read side and the dunning due rows (default:"
              + " ${DEFAULT-VALUE})")
  Duration readSideTimeout;

  @Option(
      names = "--run-timeout",
      defaultValue = "30m",
      converter = LoadGen.DurationConverter.class,
      description = "longest wait for the bill run and for the sweep (default: ${DEFAULT-VALUE})")
  Duration runTimeout;

  @Option(
      names = "--node-ready-timeout",
      defaultValue = "5m",
      converter = LoadGen.DurationConverter.class,
      description = "how long the node may take to start (default: ${DEFAULT-VALUE})")
  Duration nodeReadyTimeout;

  @Option(names = "--node-config", description = "a setting for the node (HOCON), repeatable")
  List<String> nodeConfig = new ArrayList<>();

  private final PrintStream out;
  // amounts are exact JSON numbers: read them as BigDecimal, never double
  private final ObjectMapper json =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  DunningBench() {
    this(System.out);
  }

  DunningBench(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) {
    BenchCluster.defaultJvmSettings();
    System.exit(new CommandLine(new DunningBench()).execute(args));
  }

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
  private static final int HTTP_THREADS = 4;

  /** The node settings the options ask for, then {@code --node-config} (which wins). */
  List<String> nodeSettings() {
    List<String> settings = new ArrayList<>();
    // the bench runs the one sweep itself: the driver's own rounds never start during the bench
    settings.add("billing.dunning.driver.interval = 6h");
    if (parallelism != null) {
      settings.add("billing.dunning.driver.parallelism = " + parallelism);
    }
    settings.addAll(nodeConfig);
    return settings;
  }

  /** Refuses options that make no sense; empty when all are fine. */
  List<String> invalidOptions() {
    List<String> bad = new ArrayList<>();
    if (accounts < 1) {
      bad.add("--accounts must be at least 1");
    }
    if (daysPastDue < 1 || daysPastDue > 27) {
      bad.add("--days-past-due must be between 1 and 27");
    }
    if (parallelism != null && parallelism < 1) {
      bad.add("--dunning-parallelism must be at least 1");
    }
    if (setupConcurrency < 1 || dunningSample < 0) {
      bad.add("--setup-concurrency must be at least 1, --dunning-sample not negative");
    }
    if (!Files.isRegularFile(policy)) {
      bad.add("--policy: no such file " + policy);
    }
    return bad;
  }

  /**
   * The cycle date of the bench's invoices: {@code daysPastDue} days before {@code today}, or the
   * 28th of that month when that is the 29th..31st (a valid bill cycle day, a few days more past
   * due).
   */
  static LocalDate cycleDate(LocalDate today, int daysPastDue) {
    LocalDate day = today.minusDays(daysPastDue);
    return day.getDayOfMonth() > 28 ? day.withDayOfMonth(28) : day;
  }

  /** Evaluations per second: {@code rows} in {@code seconds}, 0 without time. */
  static double rate(long rows, double seconds) {
    return seconds > 0 ? rows / seconds : 0;
  }

  @Override
  public Integer call() throws Exception {
    List<String> bad = invalidOptions();
    if (!bad.isEmpty()) {
      bad.forEach(System.err::println);
      return 2;
    }
    long benchStart = System.nanoTime();
    String loadBefore = IngestBench.loadAverage();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    LocalDate cycle = cycleDate(today, daysPastDue);
    List<String> settings = nodeSettings();
    out.printf(
        "bench dunning: %d cores, Java %s, load average %s; %,d accounts, invoices due %s (%d"
            + " days past due today); node settings %s%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        loadBefore,
        accounts,
        cycle,
        today.toEpochDay() - cycle.toEpochDay(),
        settings);
    List<String> problems = new ArrayList<>();
    RoundReport sweep;
    double seconds;
    RoundReport again;
    CassandraCeiling.Result ceiling = null;
    try (BenchCluster cluster =
            BenchCluster.start(
                cassandra,
                cassandraOptions,
                "bench_dunning",
                ConfigFactory.parseString(String.join("\n", settings)),
                nodeReadyTimeout,
                out);
        RetryingHttp http = new RetryingHttp(cluster.httpUrl(), REQUEST_TIMEOUT, HTTP_THREADS)) {
      PaymentsBench.publishCatalog(http, out);
      publishPolicy(http);

      // setup: the accounts, then their invoices, then their due rows
      BillRunSetup.Result setup =
          new BillRunSetup(http, Accounts.DUNNING, cycle, setupConcurrency, out).run(accounts);
      if (setup.failed() > 0) {
        out.println("setup failed for " + setup.failed() + " accounts: " + setup.errors());
        return 1;
      }
      if (!PaymentsBench.awaitReadSide(cluster, cycle, accounts, readSideTimeout, out)) {
        return 1;
      }
      PaymentsBench.Run run = PaymentsBench.billRun(http, cycle, runTimeout, json, out);
      if (run == null) {
        return 1;
      }
      if (run.invoiced() != accounts) {
        problems.add("bill run: " + run.invoiced() + " invoices for " + accounts + " accounts");
      }
      if (!awaitDueRows(cluster, today)) {
        return 1;
      }

      // measured: one sweep
      ActorRef<RoundDriver.Command> driver =
          ClusterSingleton.get(cluster.system())
              .init(
                  SingletonActor.of(
                      Behaviors.<RoundDriver.Command>empty(), DunningDriverModule.SINGLETON));
      out.println("sweep: RunRound to the dunning driver");
      long t = System.nanoTime();
      sweep = sweep(cluster, driver);
      seconds = BenchCluster.secondsSince(t);
      out.println("sweep: " + sweep);
      again = sweep(cluster, driver);
      out.println("second sweep: " + again);

      // the check
      if (sweep.rowsRead() != accounts) {
        problems.add("the sweep read " + sweep.rowsRead() + " due rows for " + accounts);
      }
      if (sweep.outcome("fired") != accounts) {
        problems.add("the sweep fired steps for " + sweep.outcome("fired") + " of " + accounts);
      }
      if (sweep.askFailures() + sweep.otherFailures() > 0) {
        problems.add(
            "the sweep had "
                + sweep.askFailures()
                + " unanswered asks and "
                + sweep.otherFailures()
                + " rows not updated");
      }
      if (again.outcome("fired") != 0) {
        problems.add("a second sweep fired " + again.outcome("fired") + " steps again");
      }
      // the work list is a read side (events by tag, a few seconds behind): checked until it
      // lists every account, for up to a minute
      List<String> listProblems = checkWorkList(http);
      long listDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!listProblems.isEmpty() && System.nanoTime() < listDeadline) {
        Thread.sleep(2000);
        listProblems = checkWorkList(http);
      }
      problems.addAll(listProblems);
      problems.addAll(checkSample(http));

      if (!noCeiling) {
        int inFlight = parallelism != null ? parallelism : 64;
        out.printf(
            "ceiling: %,d journal-shaped rows straight into Cassandra, %d in flight%n",
            accounts, inFlight);
        try (CassandraCeiling c = new CassandraCeiling(cluster.endpoint())) {
          String keyspace = cluster.keyspace() + "_ceiling";
          ceiling = c.write(keyspace, accounts, accounts, 400, List.of(), inFlight);
          cluster.cql().execute("DROP KEYSPACE IF EXISTS " + keyspace);
        }
      }
    }

    double evaluated = rate(sweep.rowsRead(), seconds);
    out.println();
    out.println("=== bench dunning results ===");
    out.printf(
        "machine:  %d cores, load average %s before, %s now; one node and its local Cassandra%s%n",
        Runtime.getRuntime().availableProcessors(),
        loadBefore,
        IngestBench.loadAverage(),
        cassandra == null ? " (" + cassandraOptions + ")" : " " + cassandra);
    out.printf(
        "sweep:    %,d accounts evaluated in %.1f s, outcomes %s%n",
        sweep.rowsRead(), seconds, sweep.outcomes());
    out.printf(
        "rate:     %,.0f accounts/s   (target %,.0f accounts/s: %s)%n",
        evaluated, TARGET_PER_SECOND, evaluated >= TARGET_PER_SECOND ? "reached" : "NOT reached");
    if (ceiling != null) {
      out.printf(
          "ceiling:  %,.0f rows/s   (journal-shaped rows of 400 bytes, one per evaluation,"
              + " straight into Cassandra; %,d failed)%n",
          ceiling.rowsPerSecond(), ceiling.errors());
      out.printf("ratio:    %.2f of the Cassandra ceiling%n", evaluated / ceiling.rowsPerSecond());
    }
    out.printf("check:    %s%n", problems.isEmpty() ? "PASSED" : "FAILED");
    out.printf("bench took %.0f s%n", BenchCluster.secondsSince(benchStart));
    if (!problems.isEmpty()) {
      out.println("problems:");
      problems.forEach(p -> out.println("  " + p));
    }
    return problems.isEmpty() ? 0 : 1;
  }

  private RoundReport sweep(BenchCluster cluster, ActorRef<RoundDriver.Command> driver) {
    return AskPattern.<RoundDriver.Command, RoundReport>askWithStatus(
            driver, RoundDriver.RunRound::new, runTimeout, cluster.system().scheduler())
        .toCompletableFuture()
        .join();
  }

  private void publishPolicy(RetryingHttp http) throws Exception {
    HttpResponse<byte[]> answer =
        http.send(http.postJson(policyEndpoint, Files.readAllBytes(policy))).join();
    int status = answer.statusCode();
    if (status != 201 && status != 200 && status != 409) {
      throw new IllegalStateException(
          "publishing the dunning policy answered "
              + status
              + ": "
              + new String(answer.body(), StandardCharsets.UTF_8));
    }
    out.println("setup: published the dunning policy " + policy + " (" + status + ")");
  }

  /** Waits until the dunning projection has written a due row for today for every account. */
  private boolean awaitDueRows(BenchCluster cluster, LocalDate today) {
    var count =
        cluster
            .cql()
            .prepare(
                "SELECT COUNT(*) FROM "
                    + cluster.keyspace()
                    + ".dunning_due WHERE evaluate_on = ? AND bucket = ?");
    long deadline = System.nanoTime() + readSideTimeout.toNanos();
    while (true) {
      long rows = 0;
      for (int bucket = 0; bucket < DateBuckets.BUCKETS; bucket++) {
        rows += cluster.cql().execute(count.bind(today, bucket)).one().getLong(0);
      }
      if (rows >= accounts) {
        out.printf("due rows: %,d accounts due for dunning on %s%n", rows, today);
        return true;
      }
      if (System.nanoTime() > deadline) {
        out.printf("due rows: only %,d / %,d after %s%n", rows, accounts, readSideTimeout);
        return false;
      }
      out.printf("due rows: %,d / %,d, waiting%n", rows, accounts);
      BenchCluster.sleep(Duration.ofSeconds(2));
    }
  }

  /**
   * The work list after the sweep lists every account once, all at the same step (the policy's
   * first), index 0.
   */
  private List<String> checkWorkList(RetryingHttp http) throws Exception {
    List<String> problems = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    Map<String, Long> steps = new HashMap<>();
    String cursor = null;
    do {
      String path =
          "/dunning/accounts?limit=1000"
              + (cursor == null
                  ? ""
                  : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
      HttpResponse<byte[]> answer = http.send(http.get(path)).join();
      if (answer.statusCode() != 200) {
        problems.add("GET /dunning/accounts answered " + answer.statusCode());
        return problems;
      }
      JsonNode page = json.readTree(answer.body());
      for (JsonNode entry : page.path("accounts")) {
        seen.merge(entry.path("accountId").asText(), 1, Integer::sum);
        steps.merge(
            entry.path("step").asText() + "#" + entry.path("stepIndex").asText(), 1L, Long::sum);
      }
      cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
    } while (cursor != null);
    long listed = seen.keySet().stream().filter(id -> id.startsWith("bd-")).count();
    long twice = seen.values().stream().filter(n -> n > 1).count();
    out.printf("check: the work list holds %,d accounts, at steps %s%n", listed, steps);
    if (listed != accounts) {
      problems.add("the work list lists " + listed + " of " + accounts + " accounts");
    }
    if (twice > 0) {
      problems.add(twice + " accounts listed more than once");
    }
    if (steps.size() != 1 || !steps.keySet().iterator().next().endsWith("#0")) {
      problems.add("the work list's accounts are not all at the first step: " + steps);
    }
    return problems;
  }

  /** {@code GET /accounts/{id}/dunning} of a sample: exactly one step fired. */
  private List<String> checkSample(RetryingHttp http) throws Exception {
    List<String> problems = new ArrayList<>();
    int n = Math.min(dunningSample, accounts);
    for (int k = 0; k < n; k++) {
      String id = Accounts.DUNNING.id(1 + (int) ((long) k * accounts / n));
      HttpResponse<byte[]> answer = http.send(http.get("/accounts/" + id + "/dunning")).join();
      if (answer.statusCode() != 200) {
        problems.add("GET /accounts/" + id + "/dunning answered " + answer.statusCode());
        continue;
      }
      int fired = json.readTree(answer.body()).path("stepsFired").size();
      if (fired != 1) {
        problems.add(id + " has " + fired + " steps fired, not 1");
      }
      if (problems.size() >= 20) {
        break;
      }
    }
    out.printf("check: GET /accounts/{id}/dunning of %,d accounts%n", n);
    return problems;
  }
}
