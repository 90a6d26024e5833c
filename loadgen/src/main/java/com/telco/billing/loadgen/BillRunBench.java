package com.telco.billing.loadgen;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.uuid.Uuids;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.telco.billing.core.invoice.InvoiceNumbers;
import com.telco.billing.loadgen.BillRunSetup.Accounts;
import com.telco.billing.node.catalog.SampleCatalog;
import com.telco.billing.node.guiding.GuidingProjection;
import com.telco.billing.node.invoice.BillingProjection;
import com.telco.billing.sharding.AccountTags;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.apache.pekko.projection.ProjectionId;
import org.apache.pekko.projection.javadsl.ProjectionManagement;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bin/billing bench billrun}: on this machine, a dev Cassandra and one billing node in this
 * JVM; sets up N accounts with a subscription and usage in the period that yesterday's cycle date
 * closes (and, for a warm-up run first, {@code --warm-up} accounts of the cycle day before) through
 * the node's HTTP API ({@link BillRunSetup}), waits until the cycle-day read side lists them all,
 * starts the bill run with {@code POST /bill-runs} and follows it with {@code GET /bill-runs/{id}};
 * prints invoices/s and the run time, and checks with {@code GET /accounts/{id}/invoices} that
 * every account has exactly one invoice and that the numbers continue the series without gaps
 * (after the warm-up run's). Every request goes through one {@link RetryingHttp}; only the waits
 * for the read side look inside (its tables and projection offsets). Stops everything and deletes
 * the data at the end.
 */
@Command(
    name = "bench billrun",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpWidth = 100,
    description = {
      "Bill run benchmark: N accounts with a subscription and usage on one node, invoiced by one"
          + " bill run (POST /bill-runs); prints invoices/s and the run time, checks the numbers.",
      "Starts its own Cassandra (fresh data in a temporary directory) unless --cassandra is given.",
      ""
    })
public final class BillRunBench implements Callable<Integer> {
  /** Issue #5: 100,000 accounts in under a minute on the 2-core machine. */
  static final double TARGET_INVOICES_PER_SECOND = 2_000;

  @Option(
      names = "--accounts",
      defaultValue = "100000",
      description = "accounts, each with one subscription and usage (default: ${DEFAULT-VALUE})")
  int accounts;

  @Option(
      names = "--warm-up",
      defaultValue = "10000",
      description =
          "accounts of another bill cycle day that a run invoices first, so that the measured run"
              + " finds the node's code compiled, as on a node that has billed before (0: none;"
              + " default: ${DEFAULT-VALUE})")
  int warmUp;

  @Option(
      names = "--parallelism",
      description =
          "billing.bill-run.parallelism: accounts closed at once (default: the node's, 256)")
  Integer parallelism;

  @Option(
      names = "--page-size",
      description =
          "billing.bill-run.page-size: accounts per recorded step (default: the node's, 2000)")
  Integer pageSize;

  @Option(
      names = "--setup-concurrency",
      defaultValue = "64",
      description = "accounts set up at once (default: ${DEFAULT-VALUE})")
  int setupConcurrency;

  @Option(
      names = "--verify-concurrency",
      defaultValue = "64",
      description = "accounts asked for their invoices at once (default: ${DEFAULT-VALUE})")
  int verifyConcurrency;

  @Option(
      names = "--sample",
      defaultValue = "200",
      description =
          "accounts whose invoice is also checked line by line (default: ${DEFAULT-VALUE})")
  int sample;

  @Option(
      names = "--cassandra",
      paramLabel = "host:port",
      description =
          "a running Cassandra on this machine (a keyspace of its own, dropped at the end);"
              + " default: start a fresh dev Cassandra")
  String cassandra;

  @Mixin BenchCassandraOptions cassandraOptions;

  @Option(
      names = "--poll-interval",
      defaultValue = "3s",
      converter = LoadGen.DurationConverter.class,
      description = "how often the run's progress is read and printed (default: ${DEFAULT-VALUE})")
  Duration pollInterval;

  @Option(
      names = "--read-side-timeout",
      defaultValue = "10m",
      converter = LoadGen.DurationConverter.class,
      description =
          "longest wait for the cycle-day read side to list every account (default:"
              + " ${DEFAULT-VALUE})")
  Duration readSideTimeout;

  @Option(
      names = "--read-side-stall",
      defaultValue = "150s",
      converter = LoadGen.DurationConverter.class,
      description =
          "when the read side's count has not moved for this long, the missing accounts are"
              + " reported and the run goes ahead (default: ${DEFAULT-VALUE})")
  Duration readSideStall;

  @Option(
      names = "--run-timeout",
      defaultValue = "30m",
      converter = LoadGen.DurationConverter.class,
      description = "longest wait for the bill run to complete (default: ${DEFAULT-VALUE})")
  Duration runTimeout;

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

  private final PrintStream out;
  // TMF678 Money values are exact JSON numbers: read them as BigDecimal, never double
  private final ObjectMapper json =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  BillRunBench() {
    this(System.out);
  }

  /** A bench that prints its progress and results to {@code out}. */
  BillRunBench(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) {
    BenchCluster.defaultJvmSettings();
    System.exit(new CommandLine(new BillRunBench()).execute(args));
  }

  /** How long one request to the node may take. */
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  /** Threads of the HTTP client: its callbacks only parse JSON and count. */
  private static final int HTTP_THREADS = 4;

  /** The node's limit of entities in memory per entity type (sharding's passivation). */
  static final String ENTITY_LIMIT =
      "pekko.cluster.sharding.passivation.default-strategy.active-entity-limit";

  /**
   * The limit the bench gives its node: twice its accounts (the run's and the warm-up's), at least
   * the node's default of 100,000. The bench measures a run over accounts in memory; at the default
   * limit, which sharding splits evenly over the node's 100 shards while accounts hash unevenly,
   * the fullest shards would stop accounts the run then has to recover (with 110,000 accounts the
   * last ~15,000 of the run went at a third of the rate). A run over accounts that must be
   * recovered is measured with an idle timeout instead (docs/benchmarks.md).
   */
  long entityLimit() {
    return Math.max(100_000L, 2L * ((long) accounts + warmUp));
  }

  /** The node settings the options ask for, then {@code --node-config} (which wins). */
  List<String> nodeSettings() {
    List<String> settings = new ArrayList<>();
    settings.add(ENTITY_LIMIT + " = " + entityLimit());
    if (parallelism != null) {
      settings.add("billing.bill-run.parallelism = " + parallelism);
    }
    if (pageSize != null) {
      settings.add("billing.bill-run.page-size = " + pageSize);
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
    if (warmUp < 0) {
      bad.add("--warm-up must not be negative");
    }
    if (parallelism != null && parallelism < 1) {
      bad.add("--parallelism must be at least 1");
    }
    if (pageSize != null && pageSize < 1) {
      bad.add("--page-size must be at least 1");
    }
    if (setupConcurrency < 1 || verifyConcurrency < 1) {
      bad.add("--setup-concurrency and --verify-concurrency must be at least 1");
    }
    if (sample < 0) {
      bad.add("--sample must not be negative");
    }
    return bad;
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
    LocalDate cycle = BillRunSetup.cycleDate(LocalDate.now(ZoneOffset.UTC));
    LocalDate warmUpCycle = BillRunSetup.warmUpCycleDate(cycle);
    List<String> settings = nodeSettings();
    out.printf(
        "bench billrun: %d cores, Java %s, load average %s; %,d accounts of bill cycle day %d,"
            + " cycle date %s%s%s%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        loadBefore,
        accounts,
        cycle.getDayOfMonth(),
        cycle,
        warmUp == 0
            ? "; no warm-up run"
            : String.format(
                "; warm-up run over %,d accounts of cycle date %s first", warmUp, warmUpCycle),
        settings.isEmpty() ? "" : "; node settings " + settings);
    List<String> problems = new ArrayList<>();
    try (BenchCluster cluster =
            BenchCluster.start(
                cassandra,
                cassandraOptions,
                "bench_billrun",
                ConfigFactory.parseString(String.join("\n", settings)),
                nodeReadyTimeout,
                out);
        RetryingHttp http = new RetryingHttp(cluster.httpUrl(), REQUEST_TIMEOUT, HTTP_THREADS)) {
      publishCatalog(http, SampleCatalog.path());
      BillRunSetup.Result warmUpSetup = null;
      if (warmUp > 0) {
        warmUpSetup =
            new BillRunSetup(http, Accounts.WARM_UP, warmUpCycle, setupConcurrency, out)
                .run(warmUp);
        if (warmUpSetup.failed() > 0) {
          out.println(
              "warm-up setup failed for "
                  + warmUpSetup.failed()
                  + " accounts: "
                  + warmUpSetup.errors());
          return 1;
        }
      }
      BillRunSetup.Result setup =
          new BillRunSetup(http, Accounts.MEASURED, cycle, setupConcurrency, out).run(accounts);
      if (setup.failed() > 0) {
        out.println("setup failed for " + setup.failed() + " accounts: " + setup.errors());
        return 1;
      }
      ReadSide warmUpReadSide =
          warmUp > 0 ? awaitReadSide(cluster, Accounts.WARM_UP, warmUp, warmUpCycle) : null;
      ReadSide readSide = awaitReadSide(cluster, Accounts.MEASURED, accounts, cycle);
      if (!readSide.missing().isEmpty()) {
        problems.add(
            "read side: accounts_by_cycle_day lacks "
                + readSide.missing().size()
                + " of "
                + accounts
                + " accounts (never billed by a run), e.g. "
                + readSide.missing().subList(0, Math.min(10, readSide.missing().size())));
      }

      double guidingSeconds = awaitGuiding(cluster);

      // the warm-up run: its numbers come first in the series when it is of the same year
      Run warmUpRun = null;
      long firstNumber = 1;
      if (warmUp > 0) {
        out.printf(
            "warm-up run: over the %,d accounts of %s%n", warmUpReadSide.listed(), warmUpCycle);
        warmUpRun = billRun(http, warmUpCycle);
        if (warmUpRun == null) {
          return 1;
        }
        shortfall("warm-up run", warmUpRun, warmUpReadSide).ifPresent(problems::add);
        if (warmUpCycle.getYear() == cycle.getYear()) {
          firstNumber = warmUpRun.invoiced() + 1;
        }
        awaitInvoiceReadSide(cluster, "warm-up run");
      }

      // the run
      Run run = billRun(http, cycle);
      if (run == null) {
        return 1;
      }
      shortfall("run", run, readSide).ifPresent(problems::add);
      // the register's work after the run: what the run left to the read side
      Settled register = awaitInvoiceReadSide(cluster, "run");
      if (!register.settled()) {
        problems.add("invoice register: not caught up with the run within --read-side-timeout");
      }

      // the check
      Verification check = verify(http, cycle, firstNumber, run.invoiced(), readSide.missing());
      problems.addAll(check.problems());
      List<String> byNumber = checkByNumber(http, check.samples());
      problems.addAll(byNumber);

      out.println();
      out.println("=== bench billrun results ===");
      out.printf(
          "machine: %d cores, load average %s before, %s now; one node (in this JVM) and its local"
              + " Cassandra%s; bill-run parallelism %s, page size %s%n",
          Runtime.getRuntime().availableProcessors(),
          loadBefore,
          IngestBench.loadAverage(),
          cassandra == null ? " (" + cassandraOptions + ")" : " " + cassandra,
          parallelism == null ? "256 (default)" : parallelism,
          pageSize == null ? "2000 (default)" : pageSize);
      out.printf(
          "setup:    %,d accounts, %,d usage records in %.1f s (%,.0f accounts/s); read side %s"
              + " %.1f s later; guiding caught up %.1f s after that%n",
          setup.accounts(),
          setup.usageRecords(),
          setup.seconds(),
          setup.accounts() / setup.seconds(),
          readSide.missing().isEmpty()
              ? "complete"
              : "STALLED at " + readSide.listed() + " accounts",
          readSide.seconds(),
          guidingSeconds);
      if (warmUpRun != null) {
        out.printf(
            "warm-up:  %,d accounts of %s set up in %.1f s; run %s invoiced %,d, skipped %,d,"
                + " failed %,d in %.1f s (%,.0f invoices/s, not the figure)%n",
            warmUpSetup.accounts(),
            warmUpCycle,
            warmUpSetup.seconds(),
            warmUpRun.id(),
            warmUpRun.invoiced(),
            warmUpRun.skipped(),
            warmUpRun.failed(),
            warmUpRun.seconds(),
            warmUpRun.rate());
      } else {
        out.println("warm-up:  none (--warm-up 0): the run pays for compiling its own code");
      }
      out.printf(
          "run %s: %,d accounts processed: %,d invoices issued, %,d skipped, %,d failed%n",
          run.id(), run.processed(), run.invoiced(), run.skipped(), run.failed());
      out.printf(
          "run time: %.1f s (completedAt - startedAt; %.1f s from POST until seen completed)%n",
          run.seconds(), run.observedSeconds());
      out.printf(
          "rate:     %,.0f invoices/s   (target %,.0f invoices/s: %s)%n",
          run.rate(),
          TARGET_INVOICES_PER_SECOND,
          run.rate() >= TARGET_INVOICES_PER_SECOND ? "reached" : "NOT reached");
      out.printf(
          "register: %s; %,d sampled invoices read back by number over HTTP: %s%n",
          register.settled()
              ? String.format(
                  "the invoice read side had caught up %.0f s after the run was seen completed"
                      + " (its offsets then still for %d s)",
                  Math.max(0, register.seconds() - SETTLED.toSeconds()), SETTLED.toSeconds())
              : "the invoice read side had NOT settled within --read-side-timeout",
          check.samples().size(),
          byNumber.isEmpty() ? "all match" : byNumber.size() + " problems");
      out.printf(
          "check:    %,d accounts read back: %,d with exactly one invoice; numbers %s; %,d sampled"
              + " invoices checked line by line%n",
          check.accountsRead(),
          check.withOneInvoice(),
          check.numberProblems().isEmpty()
              ? "INV-DEFAULT-" + cycle.getYear() + "-" + check.range() + ", no gaps, no duplicates"
              : "WRONG",
          check.sampled());
      out.printf("bench took %.0f s%n", BenchCluster.secondsSince(benchStart));
    }
    if (!problems.isEmpty()) {
      out.println("problems:");
      problems.forEach(p -> out.println("  " + p));
    }
    return problems.isEmpty() ? 0 : 1;
  }

  private void publishCatalog(RetryingHttp http, Path catalog) throws IOException {
    HttpResponse<byte[]> answer = post(http, "/catalog/versions", Files.readString(catalog));
    if (answer.statusCode() != 201 && answer.statusCode() != 200 && answer.statusCode() != 409) {
      throw new IllegalStateException(
          "publishing the catalog answered " + answer.statusCode() + ": " + text(answer));
    }
    out.println("setup: published " + catalog.getFileName() + " (" + answer.statusCode() + ")");
  }

  /** How the wait for the read side ended. */
  record ReadSide(long listed, double seconds, List<String> missing) {}

  /** A completed bill run as {@code GET /bill-runs/{id}} showed it last. */
  record Run(
      String id,
      long processed,
      long invoiced,
      long skipped,
      long failed,
      double seconds,
      double observedSeconds,
      JsonNode view) {
    /** Invoices per second of the run's own time ({@code completedAt - startedAt}). */
    double rate() {
      return seconds > 0 ? invoiced / seconds : 0;
    }
  }

  /** A problem when {@code run} did not invoice every account the read side listed as due. */
  static Optional<String> shortfall(String label, Run run, ReadSide due) {
    if (run.invoiced() == due.listed()) {
      return Optional.empty();
    }
    return Optional.of(
        label
            + ": "
            + run.invoiced()
            + " invoices for "
            + due.listed()
            + " accounts due: "
            + run.view());
  }

  /**
   * Starts the run of {@code cycleDate} with {@code POST /bill-runs} and follows it until it has
   * completed; null (with the answer printed) when the POST is refused.
   */
  private Run billRun(RetryingHttp http, LocalDate cycleDate) throws Exception {
    out.printf("bill run: POST /bill-runs {\"cycleDate\": \"%s\"}%n", cycleDate);
    long runStart = System.nanoTime();
    HttpResponse<byte[]> started =
        post(http, "/bill-runs", "{\"cycleDate\": \"" + cycleDate + "\"}");
    if (started.statusCode() != 202) {
      out.println("bill run: POST answered " + started.statusCode() + " " + text(started));
      return null;
    }
    String runId = json.readTree(started.body()).get("runId").asText();
    JsonNode view = follow(http, runId, runStart);
    double observedSeconds = BenchCluster.secondsSince(runStart);
    Instant startedAt = Instant.parse(view.get("startedAt").asText());
    Instant completedAt = Instant.parse(view.get("completedAt").asText());
    return new Run(
        runId,
        view.get("processed").asLong(),
        view.get("invoiced").asLong(),
        view.get("skipped").asLong(),
        view.get("failed").asLong(),
        Duration.between(startedAt, completedAt).toMillis() / 1000.0,
        observedSeconds,
        view);
  }

  /**
   * Waits until {@code accounts_by_cycle_day} lists every account, or until the count has not moved
   * for {@code --read-side-stall}: then the accounts it lacks are listed (with what the journal
   * holds for the first of them) and the run goes ahead over the accounts listed.
   */
  private ReadSide awaitReadSide(
      BenchCluster cluster, Accounts set, int expected, LocalDate cycleDate) {
    int cycleDay = cycleDate.getDayOfMonth();
    long start = System.nanoTime();
    PreparedStatement count =
        cluster
            .cql()
            .prepare(
                "SELECT COUNT(*) FROM "
                    + cluster.keyspace()
                    + ".accounts_by_cycle_day WHERE cycle_day = ?");
    long deadline = start + readSideTimeout.toNanos();
    long lastListed = -1;
    long lastMoved = start;
    while (true) {
      long listed = cluster.cql().execute(count.bind(cycleDay)).one().getLong(0);
      long t = System.nanoTime();
      if (listed >= expected) {
        out.printf("read side: %,d accounts listed for cycle day %d%n", listed, cycleDay);
        return new ReadSide(listed, BenchCluster.secondsSince(start), List.of());
      }
      if (listed != lastListed) {
        lastListed = listed;
        lastMoved = t;
      }
      if (t - lastMoved > readSideStall.toNanos() || t > deadline) {
        List<String> missing = missingAccounts(cluster, set, expected, cycleDay);
        out.printf(
            "read side: STALLED at %,d / %,d accounts for %.0f s; missing %s%s%n",
            listed,
            expected,
            (t - lastMoved) / 1e9,
            missing.subList(0, Math.min(10, missing.size())),
            missing.size() > 10 ? " and " + (missing.size() - 10) + " more" : "");
        if (!missing.isEmpty()) {
          out.println("read side: the journal of " + missing.get(0) + ":");
          journalOf(cluster, missing.get(0)).forEach(line -> out.println("  " + line));
        }
        out.println("read side: the run goes ahead over the accounts listed");
        return new ReadSide(listed, BenchCluster.secondsSince(start), missing);
      }
      out.printf(
          "read side: %,d / %,d accounts of cycle day %d listed, waiting%n",
          listed, expected, cycleDay);
      BenchCluster.sleep(Duration.ofSeconds(3));
    }
  }

  /**
   * Waits until the guiding projection has caught up with the setup: it reads the same lifecycle
   * tags as the cycle-day projection but does more per event (a guide entity per service is started
   * and persists), so after a setup of hundreds of accounts a second it lags for a while, and a run
   * started at once would share the machine with that catch-up. A scheduled run starts 14 h after
   * its cycle date began, long after. Caught up: for every tag slice the guiding projection's
   * offset equals the cycle-day projection's, and neither moved for longer than the events-by-tag
   * queries' delay (then no event of the setup is still to come). Gives up after {@code
   * --read-side-timeout} and goes ahead; returns the seconds waited.
   */
  private double awaitGuiding(BenchCluster cluster) {
    Settled settled =
        awaitSettled(
            cluster,
            List.of(GuidingProjection.NAME, BillingProjection.NAME),
            AccountTags.ALL,
            offsets -> offsets.get(0).equals(offsets.get(1)),
            Duration.ofSeconds(2),
            (poll, offsets, seconds) -> {
              if (poll % 5 == 0) {
                out.printf(
                    "guiding: %s, waiting (%.0f s)%n",
                    offsets.get(0).equals(offsets.get(1))
                        ? "caught up, settling"
                        : "behind the cycle-day read side",
                    seconds);
              }
            });
    if (settled.settled()) {
      out.printf("guiding: caught up with the setup (%.0f s)%n", settled.seconds());
    } else {
      out.println("guiding: not caught up, the run goes ahead: " + settled.offsets());
    }
    return settled.seconds();
  }

  /**
   * How long projection offsets must stay put: longer than the events-by-tag queries'
   * eventual-consistency delay (5 s), so no event written before can still be on its way to them.
   */
  static final Duration SETTLED = Duration.ofSeconds(7);

  /**
   * Waits until the invoice read side has registered a run's invoices (its offsets have not moved
   * for {@link #SETTLED}): after the warm-up run, so that the measured run does not share the
   * machine with that; after the measured run, to show how far the register was behind it. Gives up
   * after {@code --read-side-timeout} and goes ahead.
   */
  private Settled awaitInvoiceReadSide(BenchCluster cluster, String label) {
    Settled settled =
        awaitSettled(
            cluster,
            List.of(BillingProjection.INVOICES_NAME),
            AccountTags.INVOICES,
            offsets -> true,
            Duration.ofSeconds(1),
            (poll, offsets, seconds) -> {});
    if (settled.settled()) {
      out.printf("%s: the invoice read side has settled (%.0f s)%n", label, settled.seconds());
    } else {
      out.println(
          label
              + ": the invoice read side has not settled, going ahead: "
              + settled.offsets().get(0));
    }
    return settled;
  }

  /**
   * Reads the {@code samples} back by number, {@code GET /invoices/{number}} (the invoice register,
   * then the account's journal): each must be there with its number and total. The problems found.
   */
  private List<String> checkByNumber(RetryingHttp http, List<JsonNode> samples) throws IOException {
    List<String> problems = new ArrayList<>();
    for (JsonNode invoice : samples) {
      String number = invoice.path("billNo").asText();
      HttpResponse<byte[]> answer = get(http, "/invoices/" + number);
      if (answer.statusCode() != 200) {
        note(problems, "GET /invoices/" + number + " answered " + answer.statusCode());
        continue;
      }
      JsonNode bill = json.readTree(answer.body());
      BigDecimal total = amount(bill, "taxIncludedAmount");
      if (!number.equals(bill.path("billNo").asText())
          || total.compareTo(amount(invoice, "taxIncludedAmount")) != 0) {
        note(
            problems,
            "GET /invoices/"
                + number
                + " is not the account's invoice: billNo "
                + bill.path("billNo").asText()
                + ", total "
                + total);
      }
    }
    return problems;
  }

  /** How a wait for still projection offsets ended: settled, or given up after the timeout. */
  record Settled(boolean settled, double seconds, List<List<String>> offsets) {}

  /** Told at every poll after which {@link #awaitSettled} goes on waiting. */
  interface Waiting {
    void poll(int poll, List<List<String>> offsets, double seconds);
  }

  /**
   * Polls the stored offsets of the projections {@code names} over {@code tags} (one list per
   * projection, in slice order) every {@code interval}, until {@code ready} holds for them and none
   * has moved for {@link #SETTLED}, or until {@code --read-side-timeout} has passed.
   */
  private Settled awaitSettled(
      BenchCluster cluster,
      List<String> names,
      List<String> tags,
      Predicate<List<List<String>>> ready,
      Duration interval,
      Waiting waiting) {
    long start = System.nanoTime();
    ProjectionManagement management = ProjectionManagement.get(cluster.system());
    List<List<String>> last = List.of();
    long lastMoved = start;
    for (int poll = 0; ; poll++) {
      List<List<String>> offsets = new ArrayList<>(names.size());
      for (String name : names) {
        offsets.add(offsetsOf(management, name, tags));
      }
      long t = System.nanoTime();
      if (!offsets.equals(last)) {
        last = offsets;
        lastMoved = t;
      }
      if (ready.test(offsets) && t - lastMoved > SETTLED.toNanos()) {
        return new Settled(true, BenchCluster.secondsSince(start), offsets);
      }
      if (t - start > readSideTimeout.toNanos()) {
        return new Settled(false, BenchCluster.secondsSince(start), offsets);
      }
      waiting.poll(poll, offsets, BenchCluster.secondsSince(start));
      BenchCluster.sleep(interval);
    }
  }

  /** The stored offsets of projection {@code name}, one per tag of {@code tags}, in slice order. */
  static List<String> offsetsOf(ProjectionManagement management, String name, List<String> tags) {
    List<String> offsets = new ArrayList<>(tags.size());
    for (String tag : tags) {
      offsets.add(offsetOf(management, ProjectionId.of(name, tag)));
    }
    return offsets;
  }

  /** A projection's stored offset as text; {@code unknown} when it cannot be read just now. */
  private static String offsetOf(ProjectionManagement management, ProjectionId id) {
    try {
      return String.valueOf(management.getOffset(id).toCompletableFuture().join().orElse(null));
    } catch (CompletionException e) {
      // never equal to the other projection's: an offset that cannot be read is not caught up
      return "unknown offset of " + id + ": " + e.getCause();
    }
  }

  /**
   * The accounts 1..{@code count} of {@code set} that {@code accounts_by_cycle_day} does not list.
   */
  private static List<String> missingAccounts(
      BenchCluster cluster, Accounts set, int count, int cycleDay) {
    java.util.Set<String> listed = new java.util.HashSet<>();
    for (Row row :
        cluster
            .cql()
            .execute(
                SimpleStatement.newInstance(
                        "SELECT account_id FROM "
                            + cluster.keyspace()
                            + ".accounts_by_cycle_day WHERE cycle_day = ?",
                        cycleDay)
                    .setPageSize(5000))) {
      listed.add(row.getString(0));
    }
    List<String> missing = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      if (!listed.contains(set.id(i))) {
        missing.add(set.id(i));
      }
    }
    return missing;
  }

  /** The journal rows and tag_views rows of one account, for the report of a stalled read side. */
  private static List<String> journalOf(BenchCluster cluster, String accountId) {
    List<String> lines = new ArrayList<>();
    String pid = "Account|" + accountId;
    try {
      for (Row row :
          cluster
              .cql()
              .execute(
                  SimpleStatement.newInstance(
                      "SELECT sequence_nr, event_manifest, ser_manifest, tags, timestamp FROM "
                          + cluster.keyspace()
                          + ".messages WHERE persistence_id = ? AND partition_nr = 0",
                      pid))) {
        lines.add(
            "messages  seq "
                + row.getLong(0)
                + " "
                + row.getString(2)
                + " tags "
                + row.getSet(3, String.class)
                + " at "
                + Instant.ofEpochMilli(Uuids.unixTimestamp(row.getUuid(4))));
      }
      for (Row row :
          cluster
              .cql()
              .execute(
                  SimpleStatement.newInstance(
                      "SELECT tag_name, tag_pid_sequence_nr, sequence_nr, timestamp FROM "
                          + cluster.keyspace()
                          + ".tag_views WHERE persistence_id = ? ALLOW FILTERING",
                      pid))) {
        lines.add(
            "tag_views "
                + row.getString(0)
                + " tag seq "
                + row.getLong(1)
                + " seq "
                + row.getLong(2)
                + " at "
                + Instant.ofEpochMilli(Uuids.unixTimestamp(row.getUuid(3))));
      }
    } catch (RuntimeException e) {
      lines.add("could not read the journal: " + e);
    }
    return lines;
  }

  /** Polls the run until it is completed, printing its progress; answers its last view. */
  private JsonNode follow(RetryingHttp http, String runId, long runStart) throws Exception {
    long deadline = runStart + runTimeout.toNanos();
    long lastInvoiced = 0;
    long lastT = runStart;
    while (true) {
      BenchCluster.sleep(pollInterval);
      HttpResponse<byte[]> answer = get(http, "/bill-runs/" + runId);
      if (answer.statusCode() != 200) {
        throw new IllegalStateException(
            "GET /bill-runs/" + runId + " answered " + answer.statusCode() + " " + text(answer));
      }
      JsonNode run = json.readTree(answer.body());
      long t = System.nanoTime();
      long invoiced = run.get("invoiced").asLong();
      double interval = (t - lastT) / 1e9;
      out.printf(
          "bill run: %s %s, %,d / %,d processed, %,d invoiced, %,d skipped, %,d failed;"
              + " %,.0f invoices/s now (recorded steps), %s accounts/s overall%n",
          run.get("status").asText(),
          run.get("phase").asText(),
          run.get("processed").asLong(),
          run.get("accountsDue").asLong(),
          invoiced,
          run.get("skipped").asLong(),
          run.get("failed").asLong(),
          (invoiced - lastInvoiced) / interval,
          run.get("accountsPerSecond").asText());
      if ("COMPLETED".equals(run.get("status").asText())) {
        return run;
      }
      if (t > deadline) {
        throw new IllegalStateException("bill run not completed after " + runTimeout + ": " + run);
      }
      lastInvoiced = invoiced;
      lastT = t;
    }
  }

  /** What reading every account's invoices back found. */
  record Verification(
      String range,
      long accountsRead,
      long withOneInvoice,
      long sampled,
      List<JsonNode> samples,
      List<String> numberProblems,
      List<String> problems) {}

  /**
   * Reads every account's invoices with {@code GET /accounts/{id}/invoices}: each must have exactly
   * one, of the cycle date, and together their numbers must be {@code firstNumber} and the {@code
   * invoiced - 1} after it in the series; the invoices of {@code --sample} accounts spread over the
   * range are checked line by line.
   */
  private Verification verify(
      RetryingHttp http, LocalDate cycle, long firstNumber, long invoiced, List<String> notListed) {
    java.util.Set<String> notDue = java.util.Set.copyOf(notListed);
    long start = System.nanoTime();
    out.printf(
        "check: reading the invoices of %,d accounts (%d at once)%n", accounts, verifyConcurrency);
    SequenceCheck numbers = new SequenceCheck(firstNumber, invoiced);
    String series = InvoiceNumbers.seriesKeyOf("DEFAULT", cycle);
    Semaphore permits = new Semaphore(verifyConcurrency);
    AtomicLong read = new AtomicLong();
    AtomicLong withOne = new AtomicLong();
    AtomicLong sampled = new AtomicLong();
    List<String> problems = Collections.synchronizedList(new ArrayList<>());
    List<JsonNode> samples = Collections.synchronizedList(new ArrayList<>());
    int every = sample == 0 ? Integer.MAX_VALUE : Math.max(1, accounts / sample);
    for (int i = 1; i <= accounts; i++) {
      Permits.acquire(permits, 1);
      String id = Accounts.MEASURED.id(i);
      boolean inSample = sample > 0 && i % every == 0 && sampled.get() < sample;
      if (inSample) {
        sampled.incrementAndGet();
      }
      String path = "/accounts/" + id + "/invoices";
      http.send(http.get(path))
          .whenComplete(
              (answer, failure) -> {
                try {
                  if (failure != null) {
                    note(problems, "GET " + path + " failed: " + BillRunSetup.unwrap(failure));
                    return;
                  }
                  if (answer.statusCode() != 200) {
                    note(
                        problems,
                        "GET " + path + " answered " + answer.statusCode() + " " + text(answer));
                    return;
                  }
                  JsonNode page = json.readTree(answer.body());
                  read.incrementAndGet();
                  JsonNode invoices = page.path("invoices");
                  if (invoices.size() == 1 && page.path("nextCursor").isNull()) {
                    withOne.incrementAndGet();
                  } else if (!(invoices.isEmpty() && notDue.contains(id))) {
                    note(
                        problems,
                        id
                            + " has "
                            + invoices.size()
                            + (page.path("nextCursor").isNull() ? "" : " or more")
                            + " invoices");
                  }
                  for (JsonNode invoice : invoices) {
                    String number = invoice.path("billNo").asText();
                    InvoiceNumbers.InvoiceNumber parsed = InvoiceNumbers.parse(number);
                    if (!parsed.series().key().equals(series)) {
                      note(problems, id + ": invoice " + number + " not of " + series);
                    } else {
                      numbers.add(parsed.sequence());
                    }
                    if (!billDateOf(invoice).equals(cycle)) {
                      note(problems, id + ": invoice " + number + " not of " + cycle);
                    }
                    if (inSample) {
                      checkLines(id, invoice, problems);
                      samples.add(invoice);
                    }
                  }
                } catch (IOException | RuntimeException e) {
                  note(problems, id + ": " + e);
                } finally {
                  permits.release();
                }
              });
    }
    Permits.acquire(permits, verifyConcurrency);
    List<String> numberProblems = numbers.problems();
    List<String> all = new ArrayList<>(problems);
    numberProblems.forEach(p -> all.add("numbers: " + p));
    out.printf(
        "check: %,d accounts read in %.1f s, %,d numbers collected, %s%n",
        read.get(),
        BenchCluster.secondsSince(start),
        numbers.added(),
        all.isEmpty() ? "all fine" : all.size() + " problems");
    return new Verification(
        numbers.range(),
        read.get(),
        withOne.get(),
        sampled.get(),
        List.copyOf(samples),
        numberProblems,
        all);
  }

  /**
   * The lines of the bench's invoices, as {@code GET /accounts/{id}/invoices} shows them (TMF678
   * CustomerBills): a recurring charge and usage, adding up to the totals.
   */
  static void checkLines(String id, JsonNode bill, List<String> problems) {
    String number = bill.path("billNo").asText();
    boolean usage = false;
    boolean recurring = false;
    BigDecimal net = BigDecimal.ZERO;
    for (JsonNode line : bill.path("appliedCustomerBillingRate")) {
      usage |= line.path("type").asText().equals("usage");
      recurring |= line.path("type").asText().equals("recurring");
      net = net.add(amount(line, "taxExcludedAmount"));
    }
    BigDecimal taxExcluded = amount(bill, "taxExcludedAmount");
    if (!usage || !recurring) {
      note(problems, id + ": invoice " + number + " lacks a usage or recurring line");
    }
    if (net.compareTo(taxExcluded) != 0) {
      note(problems, id + ": lines sum to " + net + ", not " + taxExcluded);
    }
    if (taxExcluded.add(amount(bill, "taxAmount")).compareTo(amount(bill, "taxIncludedAmount"))
        != 0) {
      note(problems, id + ": net + tax != total on " + number);
    }
  }

  /** A TMF Money field's exact value ({@code {"unit": "EUR", "value": "12.50"}}). */
  /**
   * A TMF678 Money value: an exact JSON number, read as a {@code BigDecimal} (a float read as
   * {@code double} is refused: it may have lost digits).
   */
  static BigDecimal amount(JsonNode owner, String field) {
    JsonNode value = owner.path(field).path("value");
    if (!value.isIntegralNumber() && !value.isBigDecimal()) {
      throw new IllegalStateException(field + " is not a TMF Money value: " + owner.path(field));
    }
    return value.decimalValue();
  }

  /** The issue date of a TMF678 bill: the date of its {@code billDate} (00:00 in its zone). */
  static LocalDate billDateOf(JsonNode bill) {
    try {
      return OffsetDateTime.parse(bill.path("billDate").asText()).toLocalDate();
    } catch (DateTimeParseException e) {
      throw new IllegalStateException("billDate is not a date-time: " + bill.path("billDate"));
    }
  }

  private static void note(List<String> problems, String problem) {
    if (problems.size() < 20) {
      problems.add(problem);
    }
  }

  private static HttpResponse<byte[]> post(RetryingHttp http, String path, String body) {
    return http.send(http.postJson(path, body.getBytes(StandardCharsets.UTF_8))).join();
  }

  private static HttpResponse<byte[]> get(RetryingHttp http, String path) {
    return http.send(http.get(path)).join();
  }

  private static String text(HttpResponse<byte[]> answer) {
    return new String(answer.body(), StandardCharsets.UTF_8);
  }
}
