package com.telco.billing.loadgen;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.telco.billing.devkit.EmbeddedNode;
import com.telco.billing.loadgen.BillRunSetup.Accounts;
import com.telco.billing.node.catalog.SampleCatalog;
import com.telco.billing.node.invoice.BillingProjection;
import com.telco.billing.node.payment.collection.CollectionProjection;
import com.telco.billing.node.payment.gateway.ChargeOutcome;
import com.telco.billing.node.payment.gateway.ChargeRequest;
import com.telco.billing.node.payment.gateway.GatewaySettings;
import com.telco.billing.node.payment.gateway.StripeGateway;
import com.telco.billing.sandbox.Capture;
import com.telco.billing.sandbox.PaymentSandbox;
import com.telco.billing.sandbox.SandboxSettings;
import com.telco.billing.sharding.AccountTags;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;
import org.apache.pekko.projection.javadsl.ProjectionManagement;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bin/billing bench payments}: on this machine, a dev Cassandra, one billing node and a
 * payment sandbox, both in this JVM, the node's card gateway pointed at the sandbox. Sets up N
 * accounts paying by the sandbox card token {@code tok_visa}, each with a subscription and usage
 * ({@link BillRunSetup}), waits until the collection projection has caught up with the setup, and
 * bills them with one bill run for yesterday's cycle date: N invoices due for collection today
 * (setup, not measured). Measured: the node's collection driver collects them through the gateway;
 * from the end of the bill run (or the first capture, if earlier) to the sandbox's last capture,
 * payments/s = N / that time. Then the check: the sandbox's capture record holds exactly one
 * capture per invoice of its total, the captures sum to the invoice totals, every invoice reads
 * {@code settled} and every account's {@code GET /accounts/{id}/balance} has nothing receivable
 * ({@link SettleCheck}); a failed check exits 1. Last, the ceiling of this path: the same number of
 * payment intents through the node's own gateway client ({@link StripeGateway} over stripe-java) at
 * the node's gateway parallelism, straight from this JVM to a fresh sandbox, without the node.
 * Stops everything and deletes the data at the end.
 */
@Command(
    name = "bench payments",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpWidth = 100,
    description = {
      "Payments benchmark: N invoices of card-token accounts collected by one node through the"
          + " payment sandbox; prints payments/s against the gateway ceiling measured in the same"
          + " run, and checks that every invoice was settled exactly once.",
      "Starts its own Cassandra (fresh data in a temporary directory) unless --cassandra is given.",
      ""
    })
public final class PaymentsBench implements Callable<Integer> {
  /** Issue #21: at least 1,000 payments/s on one node on this machine. */
  static final double TARGET_PAYMENTS_PER_SECOND = 1_000;

  static final Currency EUR = Currency.getInstance("EUR");

  @Option(
      names = "--accounts",
      defaultValue = "20000",
      description = "accounts, each with one invoice to collect (default: ${DEFAULT-VALUE})")
  int accounts;

  @Option(
      names = "--collection-parallelism",
      description =
          "billing.payments.collection.parallelism: CollectDue asks in flight (default: the"
              + " node's, 64)")
  Integer collectionParallelism;

  @Option(
      names = "--gateway-parallelism",
      description =
          "billing.payments.gateway.parallelism: gateway calls in flight on the node, and the"
              + " ceiling's (default: the node's, 64)")
  Integer gatewayParallelism;

  @Option(
      names = "--collection-interval",
      defaultValue = "1s",
      converter = LoadGen.DurationConverter.class,
      description =
          "billing.payments.collection.interval: the wait between two collection rounds"
              + " (default: ${DEFAULT-VALUE})")
  Duration collectionInterval;

  @Option(
      names = "--sandbox-threads",
      defaultValue = "64",
      description = "request threads of the payment sandbox (default: ${DEFAULT-VALUE})")
  int sandboxThreads;

  @Option(
      names = "--setup-concurrency",
      defaultValue = "64",
      description = "accounts set up at once (default: ${DEFAULT-VALUE})")
  int setupConcurrency;

  @Option(
      names = "--verify-concurrency",
      defaultValue = "64",
      description =
          "accounts asked for their invoices and balance at once (default: ${DEFAULT-VALUE})")
  int verifyConcurrency;

  @Option(
      names = "--balance-sample",
      description =
          "accounts whose GET /accounts/{id}/balance is checked, spread evenly (default: all)")
  Integer balanceSample;

  @Option(names = "--no-ceiling", description = "skip the gateway ceiling (no ratio printed)")
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
          "longest wait for the cycle-day read side to list every account (default:"
              + " ${DEFAULT-VALUE})")
  Duration readSideTimeout;

  @Option(
      names = "--run-timeout",
      defaultValue = "30m",
      converter = LoadGen.DurationConverter.class,
      description = "longest wait for the bill run to complete (default: ${DEFAULT-VALUE})")
  Duration runTimeout;

  @Option(
      names = "--collect-stall",
      defaultValue = "120s",
      converter = LoadGen.DurationConverter.class,
      description =
          "the collection is given up when no capture came for this long (default:"
              + " ${DEFAULT-VALUE})")
  Duration collectStall;

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
  // TMF Money values are exact JSON numbers: read them as BigDecimal, never double
  private final ObjectMapper json =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  PaymentsBench() {
    this(System.out);
  }

  /** A bench that prints its progress and results to {@code out}. */
  PaymentsBench(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) {
    BenchCluster.defaultJvmSettings();
    System.exit(new CommandLine(new PaymentsBench()).execute(args));
  }

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
  private static final int HTTP_THREADS = 4;
  private static final Duration POLL = Duration.ofMillis(200);

  /**
   * After the last expected capture, how long the bench still watches the sandbox before the check:
   * a second capture of an invoice that came late would show.
   */
  static final Duration AFTER_LAST = Duration.ofSeconds(5);

  /** The node settings the options ask for, then {@code --node-config} (which wins). */
  List<String> nodeSettings() {
    List<String> settings = new ArrayList<>();
    settings.add("billing.payments.collection.interval = " + collectionInterval.toMillis() + "ms");
    if (collectionParallelism != null) {
      settings.add("billing.payments.collection.parallelism = " + collectionParallelism);
    }
    if (gatewayParallelism != null) {
      settings.add("billing.payments.gateway.parallelism = " + gatewayParallelism);
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
    if (collectionParallelism != null && collectionParallelism < 1) {
      bad.add("--collection-parallelism must be at least 1");
    }
    if (gatewayParallelism != null && gatewayParallelism < 1) {
      bad.add("--gateway-parallelism must be at least 1");
    }
    if (collectionInterval.isZero() || collectionInterval.isNegative()) {
      bad.add("--collection-interval must be positive");
    }
    if (sandboxThreads < 1 || setupConcurrency < 1 || verifyConcurrency < 1) {
      bad.add("--sandbox-threads, --setup-concurrency and --verify-concurrency must be at least 1");
    }
    if (balanceSample != null && balanceSample < 0) {
      bad.add("--balance-sample must not be negative");
    }
    return bad;
  }

  /** The node's gateway parallelism: the option, else the node's default. */
  int gatewayParallelism() {
    return gatewayParallelism != null ? gatewayParallelism : 64;
  }

  /** The accounts (1-based indexes) whose balance is checked: all, or a sample spread evenly. */
  static List<Integer> balanceSample(int accounts, Integer sample) {
    int n = sample == null ? accounts : Math.min(sample, accounts);
    List<Integer> indexes = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      indexes.add(1 + (int) ((long) k * accounts / n));
    }
    return indexes;
  }

  /**
   * Payments per second: {@code payments} over the time from {@code start} to {@code last}, 0 when
   * there is no such time.
   */
  static double rate(long payments, Instant start, Instant last) {
    double seconds = Duration.between(start, last).toNanos() / 1e9;
    return seconds > 0 ? payments / seconds : 0;
  }

  /**
   * The time after {@code start} by which the fraction {@code q} (0..1] of {@code sorted} (capture
   * times in order) had happened.
   */
  static Duration quantileAfter(List<Instant> sorted, double q, Instant start) {
    if (sorted.isEmpty()) {
      return Duration.ZERO;
    }
    int index = (int) Math.ceil(q * sorted.size()) - 1;
    Instant at = sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    return Duration.between(start, at);
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
    List<String> settings = nodeSettings();
    out.printf(
        "bench payments: %d cores, Java %s, load average %s; %,d accounts paying by tok_visa,"
            + " cycle date %s; node settings %s%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        loadBefore,
        accounts,
        cycle,
        settings);
    List<String> problems = new ArrayList<>();
    String webhookSecret = PaymentSandbox.newWebhookSecret();
    Measured measured;
    SettleCheck.Result check;
    long balancesChecked;
    long balancesZero;
    try (PaymentSandbox sandbox =
        PaymentSandbox.start(SandboxSettings.defaults().withThreads(sandboxThreads))) {
      out.println("sandbox: up on " + sandbox.baseUrl());
      Config nodeConfigs =
          ConfigFactory.parseString(String.join("\n", settings))
              .withFallback(
                  EmbeddedNode.gatewayConfig(
                      sandbox.baseUrl(), sandbox.secretKey(), webhookSecret));
      try (BenchCluster cluster =
              BenchCluster.start(
                  cassandra,
                  cassandraOptions,
                  "bench_payments",
                  nodeConfigs,
                  nodeReadyTimeout,
                  out);
          RetryingHttp http = new RetryingHttp(cluster.httpUrl(), REQUEST_TIMEOUT, HTTP_THREADS)) {
        sandbox.addWebhookEndpoint(
            cluster.httpUrl().resolve("/webhooks/payment-gateway").toString(), webhookSecret);
        publishCatalog(http, out);

        // setup: the accounts, then their invoices
        BillRunSetup.Result setup =
            new BillRunSetup(http, Accounts.PAYING, cycle, setupConcurrency, out).run(accounts);
        if (setup.failed() > 0) {
          out.println("setup failed for " + setup.failed() + " accounts: " + setup.errors());
          return 1;
        }
        if (!awaitReadSide(cluster, cycle, accounts, readSideTimeout, out)) {
          return 1;
        }
        awaitCollectionProjection(cluster);
        Run run = billRun(http, cycle, runTimeout, json, out);
        if (run == null) {
          return 1;
        }
        if (run.invoiced() != accounts) {
          problems.add("bill run: " + run.invoiced() + " invoices for " + accounts + " accounts");
        }

        // measured: the collection of those invoices
        measured = awaitCaptures(sandbox, run, accounts);

        // the check
        List<SettleCheck.Invoice> invoices = Collections.synchronizedList(new ArrayList<>());
        List<String> readProblems = Collections.synchronizedList(new ArrayList<>());
        AtomicLong notSettled = new AtomicLong();
        out.printf("check: reading the invoices of %,d accounts%n", accounts);
        forEach(
            http,
            accounts,
            i -> "/accounts/" + Accounts.PAYING.id(i) + "/invoices",
            (i, page) -> {
              for (JsonNode invoice : page.path("invoices")) {
                String state = invoice.path("state").asText();
                if (!"settled".equals(state)) {
                  notSettled.incrementAndGet();
                  note(readProblems, invoice.path("billNo").asText() + " is " + state);
                }
                invoices.add(
                    new SettleCheck.Invoice(
                        invoice.path("billNo").asText(),
                        Accounts.PAYING.id(i),
                        SettleCheck.minorUnits(
                            BillRunBench.amount(invoice, "taxIncludedAmount"), EUR)));
              }
            },
            readProblems);
        List<SettleCheck.Captured> captured = new ArrayList<>();
        for (Capture c : sandbox.captures()) {
          captured.add(
              new SettleCheck.Captured(c.metadata().get("invoice"), c.amount(), c.currency()));
        }
        check = SettleCheck.check(invoices, captured, EUR);
        if (check.invoices() != accounts) {
          problems.add(check.invoices() + " invoices read back for " + accounts + " accounts");
        }
        if (!check.passed()) {
          problems.addAll(check.problems());
        }
        if (notSettled.get() > 0) {
          problems.add(notSettled.get() + " invoices not in state settled");
        }
        List<Integer> sample = balanceSample(accounts, balanceSample);
        AtomicLong zero = new AtomicLong();
        out.printf("check: reading the balance of %,d accounts%n", sample.size());
        forEach(
            http,
            sample.size(),
            k -> "/accounts/" + Accounts.PAYING.id(sample.get(k - 1)) + "/balance",
            (k, balance) -> {
              BigDecimal receivable = BillRunBench.amount(balance, "receivable");
              if (receivable.signum() == 0) {
                zero.incrementAndGet();
              } else {
                note(
                    readProblems,
                    Accounts.PAYING.id(sample.get(k - 1)) + " has " + receivable + " receivable");
              }
            },
            readProblems);
        balancesChecked = sample.size();
        balancesZero = zero.get();
        if (balancesZero != balancesChecked) {
          problems.add(
              (balancesChecked - balancesZero) + " accounts with a receivable other than 0");
        }
        problems.addAll(readProblems);
      }
    }

    // the ceiling: the gateway leg alone, after the node and its Cassandra are stopped
    Ceiling ceiling = noCeiling ? null : ceiling(accounts, gatewayParallelism());

    out.println();
    out.println("=== bench payments results ===");
    out.printf(
        "machine:  %d cores, load average %s before, %s now; one node, its local Cassandra%s and"
            + " the payment sandbox (%d threads) on this machine; collection parallelism %s,"
            + " gateway parallelism %d, collection interval %s%n",
        Runtime.getRuntime().availableProcessors(),
        loadBefore,
        IngestBench.loadAverage(),
        cassandra == null ? " (" + cassandraOptions + ")" : " " + cassandra,
        sandboxThreads,
        collectionParallelism == null ? "64 (default)" : collectionParallelism,
        gatewayParallelism(),
        collectionInterval);
    out.printf(
        "setup:    %,d accounts set up, bill run invoiced %,d in %.1f s (not measured)%n",
        accounts, measured.run().invoiced(), measured.run().seconds());
    out.printf(
        "collect:  %,d captures; first %.1f s %s the run's end, last %.1f s after it;"
            + " 50%% captured %.1f s, 99%% %.1f s after the start of the window%s%n",
        measured.captures(),
        Math.abs(Duration.between(measured.run().completedAt(), measured.first()).toMillis())
            / 1000.0,
        measured.first().isBefore(measured.run().completedAt()) ? "before" : "after",
        Duration.between(measured.run().completedAt(), measured.last()).toMillis() / 1000.0,
        measured.p50().toMillis() / 1000.0,
        measured.p99().toMillis() / 1000.0,
        measured.complete() ? "" : " (INCOMPLETE: gave up waiting)");
    double rate = measured.rate();
    out.printf(
        "rate:     %,.0f payments/s   (%,d payments in %.1f s; target %,.0f payments/s: %s)%n",
        rate,
        accounts,
        measured.seconds(),
        TARGET_PAYMENTS_PER_SECOND,
        rate >= TARGET_PAYMENTS_PER_SECOND ? "reached" : "NOT reached");
    double afterSeconds =
        Duration.between(measured.run().completedAt(), measured.last()).toMillis() / 1000.0;
    if (measured.afterRun() > 0 && afterSeconds > 0) {
      // collection overlaps the bill run (it starts with the first invoices); once the run is
      // over, collection has the node to itself
      out.printf(
          "after:    %,.0f payments/s   (%,d payments captured after the bill run ended, in %.1f s)%n",
          measured.afterRun() / afterSeconds, measured.afterRun(), afterSeconds);
    }
    if (ceiling != null) {
      out.printf(
          "ceiling:  %,.0f payments/s   (%,d payment intents through the node's gateway client"
              + " at parallelism %d straight to a fresh sandbox, no node; %,d succeeded)%n",
          ceiling.rate(), ceiling.attempted(), gatewayParallelism(), ceiling.succeeded());
      out.printf(
          "ratio:    %.2f of the gateway ceiling%n",
          ceiling.rate() > 0 ? rate / ceiling.rate() : 0);
      if (ceiling.succeeded() != ceiling.attempted()) {
        problems.add(
            "ceiling: "
                + (ceiling.attempted() - ceiling.succeeded())
                + " intents did not succeed, e.g. "
                + ceiling.failures());
      }
    }
    out.printf(
        "check:    %s: %,d invoices, %,d settled exactly once (not captured %,d, captured more"
            + " than once %,d, wrong amount %,d, stray captures %,d); captured %s EUR, invoiced"
            + " %s EUR; %,d of %,d balances read receivable 0%n",
        problems.isEmpty() ? "PASSED" : "FAILED",
        check.invoices(),
        check.settledOnce(),
        check.notCaptured(),
        check.capturedTwice(),
        check.wrongAmount(),
        check.strayCaptures(),
        SettleCheck.major(check.capturedMinor(), EUR),
        SettleCheck.major(check.invoicedMinor(), EUR),
        balancesZero,
        balancesChecked);
    out.printf("bench took %.0f s%n", BenchCluster.secondsSince(benchStart));
    if (!problems.isEmpty()) {
      out.println("problems:");
      problems.forEach(p -> out.println("  " + p));
    }
    return problems.isEmpty() ? 0 : 1;
  }

  /** The completed bill run: its invoices, and its start and end as it recorded them. */
  record Run(String id, long invoiced, Instant startedAt, Instant completedAt) {
    double seconds() {
      return Duration.between(startedAt, completedAt).toMillis() / 1000.0;
    }
  }

  /**
   * The measured collection: the captures seen, the first and last capture, and the times by which
   * half and 99% of them had been captured (after {@link #start()}).
   */
  record Measured(
      Run run,
      long captures,
      boolean complete,
      Instant first,
      Instant last,
      Duration p50,
      Duration p99,
      long afterRun) {
    /** The window's start: the end of the bill run, or the first capture if that came earlier. */
    Instant start() {
      return first.isBefore(run.completedAt()) ? first : run.completedAt();
    }

    double seconds() {
      return Duration.between(start(), last).toNanos() / 1e9;
    }

    double rate() {
      return PaymentsBench.rate(captures, start(), last);
    }
  }

  /**
   * Watches the sandbox's capture record until it holds {@code expected} captures (then {@link
   * #AFTER_LAST} longer), or until none came for {@code --collect-stall}.
   */
  private Measured awaitCaptures(PaymentSandbox sandbox, Run run, int expected) {
    long start = System.nanoTime();
    long lastPrint = start;
    int lastCount = 0;
    int printedCount = 0;
    long lastMoved = start;
    boolean complete;
    while (true) {
      int count = sandbox.captures().size();
      long t = System.nanoTime();
      if (count != lastCount) {
        lastCount = count;
        lastMoved = t;
      }
      if (count >= expected) {
        complete = true;
        break;
      }
      if (t - lastMoved > collectStall.toNanos()) {
        complete = false;
        out.printf(
            "collect: no capture for %s, giving up at %,d / %,d%n", collectStall, count, expected);
        break;
      }
      if (t - lastPrint > 5_000_000_000L) {
        out.printf(
            "collect: %,d / %,d captured (%,.0f/s now)%n",
            count, expected, (count - printedCount) / ((t - lastPrint) / 1e9));
        lastPrint = t;
        printedCount = count;
      }
      BenchCluster.sleep(POLL);
    }
    List<Instant> times = new ArrayList<>();
    for (Capture c : sandbox.captures()) {
      times.add(c.capturedAt());
    }
    Collections.sort(times);
    if (times.isEmpty()) {
      return new Measured(
          run, 0, false, run.completedAt(), run.completedAt(), Duration.ZERO, Duration.ZERO, 0);
    }
    Instant first = times.get(0);
    Instant last = times.get(times.size() - 1);
    Instant windowStart = first.isBefore(run.completedAt()) ? first : run.completedAt();
    out.printf(
        "collect: %,d captured; watching %s longer for late captures%n", times.size(), AFTER_LAST);
    BenchCluster.sleep(AFTER_LAST);
    return new Measured(
        run,
        times.size(),
        complete,
        first,
        last,
        quantileAfter(times, 0.50, windowStart),
        quantileAfter(times, 0.99, windowStart),
        times.stream().filter(t -> !t.isBefore(run.completedAt())).count());
  }

  /** What the gateway ceiling measured. */
  record Ceiling(long attempted, long succeeded, double rate, List<String> failures) {}

  /**
   * The ceiling of the node's gateway leg: {@code n} payment intents ({@code tok_visa}, confirmed
   * at once) through the node's own gateway client, {@link StripeGateway} over stripe-java, with
   * the node's settings and {@code parallelism} calls in flight, to a fresh sandbox with the same
   * threads; no node, no Cassandra, no webhook endpoint.
   */
  private Ceiling ceiling(int n, int parallelism) {
    out.printf(
        "ceiling: %,d payment intents through the gateway client, %d in flight, to a fresh"
            + " sandbox%n",
        n, parallelism);
    try (PaymentSandbox sandbox =
        PaymentSandbox.start(SandboxSettings.defaults().withThreads(sandboxThreads))) {
      Config config =
          ConfigFactory.parseString("billing.payments.gateway.parallelism = " + parallelism)
              .withFallback(
                  EmbeddedNode.gatewayConfig(
                      sandbox.baseUrl(), sandbox.secretKey(), PaymentSandbox.newWebhookSecret()))
              .withFallback(ConfigFactory.parseResources("billing.conf"))
              .resolve();
      try (StripeGateway gateway = new StripeGateway(GatewaySettings.from(config))) {
        // a warm-up of the client's and the sandbox's code, not counted
        runCharges(gateway, "ceiling-warm-up", Math.min(n, 2_000), parallelism);
        long t = System.nanoTime();
        Charges charges = runCharges(gateway, "ceiling", n, parallelism);
        double seconds = BenchCluster.secondsSince(t);
        return new Ceiling(n, charges.succeeded(), n / seconds, charges.failures());
      }
    }
  }

  record Charges(long succeeded, List<String> failures) {}

  private static Charges runCharges(StripeGateway gateway, String prefix, int n, int parallelism) {
    Semaphore permits = new Semaphore(parallelism);
    AtomicLong succeeded = new AtomicLong();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    for (int i = 1; i <= n; i++) {
      Permits.acquire(permits, 1);
      String account = String.format("%s-%07d", prefix, i);
      ChargeRequest request =
          new ChargeRequest(
              prefix + "-key-" + i,
              "tok_visa",
              1_000 + i % 5_000,
              EUR,
              account,
              "INV-" + account,
              "PAY-" + String.format("%016x", i) + "-" + account);
      gateway
          .charge(request)
          .whenComplete(
              (outcome, failure) -> {
                if (failure == null && outcome instanceof ChargeOutcome.Succeeded) {
                  succeeded.incrementAndGet();
                } else if (failures.size() < 5) {
                  failures.add(failure != null ? failure.toString() : String.valueOf(outcome));
                }
                permits.release();
              });
    }
    Permits.acquire(permits, parallelism);
    return new Charges(succeeded.get(), List.copyOf(failures));
  }

  /**
   * {@code GET path(i)} for i = 1..n, {@code --verify-concurrency} at once, each 200 answer's JSON
   * handed to {@code handler}; other answers noted in {@code problems}.
   */
  private void forEach(
      RetryingHttp http,
      int n,
      IntFunction<String> path,
      BiConsumer<Integer, JsonNode> handler,
      List<String> problems) {
    Semaphore permits = new Semaphore(verifyConcurrency);
    for (int i = 1; i <= n; i++) {
      Permits.acquire(permits, 1);
      int index = i;
      String p = path.apply(i);
      http.send(http.get(p))
          .whenComplete(
              (answer, failure) -> {
                try {
                  if (failure != null) {
                    note(problems, "GET " + p + " failed: " + BillRunSetup.unwrap(failure));
                  } else if (answer.statusCode() != 200) {
                    note(
                        problems,
                        "GET " + p + " answered " + answer.statusCode() + " " + text(answer));
                  } else {
                    handler.accept(index, json.readTree(answer.body()));
                  }
                } catch (Exception e) {
                  note(problems, "GET " + p + ": " + e);
                } finally {
                  permits.release();
                }
              });
    }
    Permits.acquire(permits, verifyConcurrency);
  }

  static void publishCatalog(RetryingHttp http, PrintStream out) throws Exception {
    HttpResponse<byte[]> answer =
        http.send(http.postJson("/catalog/versions", Files.readAllBytes(SampleCatalog.path())))
            .join();
    int status = answer.statusCode();
    if (status != 201 && status != 200 && status != 409) {
      throw new IllegalStateException(
          "publishing the catalog answered " + status + ": " + text(answer));
    }
    out.println("setup: published the sample catalog (" + status + ")");
  }

  /** Waits until the cycle-day read side lists every account (the bill run's input). */
  static boolean awaitReadSide(
      BenchCluster cluster,
      LocalDate cycle,
      int accounts,
      Duration readSideTimeout,
      PrintStream out) {
    var count =
        cluster
            .cql()
            .prepare(
                "SELECT COUNT(*) FROM "
                    + cluster.keyspace()
                    + ".accounts_by_cycle_day WHERE cycle_day = ?");
    long deadline = System.nanoTime() + readSideTimeout.toNanos();
    while (true) {
      long listed = cluster.cql().execute(count.bind(cycle.getDayOfMonth())).one().getLong(0);
      if (listed >= accounts) {
        out.printf(
            "read side: %,d accounts listed for cycle day %d%n", listed, cycle.getDayOfMonth());
        return true;
      }
      if (System.nanoTime() > deadline) {
        out.printf(
            "read side: only %,d / %,d accounts listed after %s%n",
            listed, accounts, readSideTimeout);
        return false;
      }
      out.printf("read side: %,d / %,d accounts listed, waiting%n", listed, accounts);
      BenchCluster.sleep(Duration.ofSeconds(2));
    }
  }

  /**
   * Waits until the collection projection (the due rows) has caught up with the setup: it reads the
   * same account tags as the cycle-day read side, which lists every account by now. After a setup
   * of thousands of accounts at once it lags behind for a while; measured from the run's end, that
   * catch-up would be counted as collection time, while in a month of a real cluster the accounts'
   * events are long projected when their invoices come. Caught up: its offset per tag slice equals
   * the cycle-day projection's and neither moved for {@link BillRunBench#SETTLED}. Gives up after
   * {@code --read-side-timeout} and goes ahead.
   */
  private void awaitCollectionProjection(BenchCluster cluster) {
    long start = System.nanoTime();
    ProjectionManagement management = ProjectionManagement.get(cluster.system());
    List<List<String>> last = List.of();
    long lastMoved = start;
    for (int poll = 0; ; poll++) {
      List<List<String>> offsets =
          List.of(
              BillRunBench.offsetsOf(management, CollectionProjection.NAME, AccountTags.ALL),
              BillRunBench.offsetsOf(management, BillingProjection.NAME, AccountTags.ALL));
      long t = System.nanoTime();
      if (!offsets.equals(last)) {
        last = offsets;
        lastMoved = t;
      }
      boolean caughtUp = offsets.get(0).equals(offsets.get(1));
      if (caughtUp && t - lastMoved > BillRunBench.SETTLED.toNanos()) {
        out.printf(
            "due rows: the collection projection has caught up with the setup (%.0f s)%n",
            BenchCluster.secondsSince(start));
        return;
      }
      if (t - start > readSideTimeout.toNanos()) {
        out.println("due rows: the collection projection has not caught up, going ahead");
        return;
      }
      if (poll % 5 == 0) {
        out.printf(
            "due rows: collection projection %s, waiting (%.0f s)%n",
            caughtUp ? "caught up, settling" : "behind the cycle-day read side",
            BenchCluster.secondsSince(start));
      }
      BenchCluster.sleep(Duration.ofSeconds(2));
    }
  }

  /** Starts the bill run of {@code cycle} and follows it until completed; null if refused. */
  static Run billRun(
      RetryingHttp http, LocalDate cycle, Duration runTimeout, ObjectMapper json, PrintStream out)
      throws Exception {
    out.printf("bill run: POST /bill-runs {\"cycleDate\": \"%s\"}%n", cycle);
    HttpResponse<byte[]> started =
        http.send(
                http.postJson(
                    "/bill-runs",
                    ("{\"cycleDate\": \"" + cycle + "\"}").getBytes(StandardCharsets.UTF_8)))
            .join();
    if (started.statusCode() != 202) {
      out.println("bill run: POST answered " + started.statusCode() + " " + text(started));
      return null;
    }
    String runId = json.readTree(started.body()).get("runId").asText();
    long deadline = System.nanoTime() + runTimeout.toNanos();
    while (true) {
      BenchCluster.sleep(Duration.ofMillis(500));
      HttpResponse<byte[]> answer = http.send(http.get("/bill-runs/" + runId)).join();
      if (answer.statusCode() != 200) {
        throw new IllegalStateException(
            "GET /bill-runs/" + runId + " answered " + answer.statusCode() + " " + text(answer));
      }
      JsonNode view = json.readTree(answer.body());
      if ("COMPLETED".equals(view.path("status").asText())) {
        Run run =
            new Run(
                runId,
                view.path("invoiced").asLong(),
                Instant.parse(view.path("startedAt").asText()),
                Instant.parse(view.path("completedAt").asText()));
        out.printf(
            "bill run: %s completed, %,d invoices in %.1f s%n",
            runId, run.invoiced(), run.seconds());
        return run;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("bill run not completed after " + runTimeout + ": " + view);
      }
    }
  }

  private static void note(List<String> problems, String problem) {
    if (problems.size() < 20) {
      problems.add(problem);
    }
  }

  private static String text(HttpResponse<byte[]> answer) {
    return new String(answer.body(), StandardCharsets.UTF_8);
  }
}
