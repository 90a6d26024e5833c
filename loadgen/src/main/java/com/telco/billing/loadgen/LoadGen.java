package com.telco.billing.loadgen;

import com.telco.billing.node.catalog.SampleCatalog;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/billing loadgen}: a mediation simulator. Sends a realistic mix of usage records to
 * {@code POST /usage} of a node on this machine, prints a progress line every second and a summary
 * at the end, and appends every acknowledged record to a ledger that {@code --verify} compares with
 * the cluster's totals.
 */
@Command(
    name = "loadgen",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpWidth = 100,
    description = {
      "Mediation simulator: sends usage batches to POST /usage of a node on this machine.",
      "",
      "  bin/billing loadgen --setup --accounts 1000 --records 0     open the accounts only",
      "  bin/billing loadgen --accounts 1000 --records 200000        as fast as possible",
      "  bin/billing loadgen --accounts 1000 --rate 10000 --duration 30s",
      "  bin/billing loadgen --accounts 1000 --verify                ledger vs the cluster",
      ""
    })
public final class LoadGen implements Callable<Integer> {

  @Option(
      names = "--url",
      defaultValue = "http://127.0.0.1:8080",
      description = "node HTTP API; loopback only (default: ${DEFAULT-VALUE})")
  String url;

  @Option(
      names = "--accounts",
      defaultValue = "1000",
      description = "accounts lg-acc-1..N (default: ${DEFAULT-VALUE})")
  int accounts;

  @Option(
      names = "--setup",
      description =
          "first publish samples/catalog.json (if absent), open the accounts and activate one"
              + " MOBILE_S subscription each (idempotent)")
  boolean setup;

  @Option(
      names = "--setup-concurrency",
      defaultValue = "64",
      description = "accounts set up at once (default: ${DEFAULT-VALUE})")
  int setupConcurrency;

  @Option(names = "--catalog", description = "catalog to publish (default: samples/catalog.json)")
  Path catalog;

  @Option(
      names = "--records",
      defaultValue = "100000",
      description =
          "records to send, duplicates included; 0 with --duration: no limit (default:"
              + " ${DEFAULT-VALUE})")
  long records;

  @Option(
      names = "--batch",
      defaultValue = "1000",
      description = "records per request (default: ${DEFAULT-VALUE})")
  int batch;

  @Option(
      names = "--intake",
      description =
          "send to the durable intake (POST /usage/batches, acknowledged 202 once received), then"
              + " poll every batch until rated and count its outcomes")
  boolean intake;

  @Option(
      names = "--rate",
      defaultValue = "0",
      description = "records per second; 0 = as fast as possible (default: ${DEFAULT-VALUE})")
  double rate;

  @Option(
      names = "--concurrency",
      defaultValue = "8",
      description = "batches in flight at most (default: ${DEFAULT-VALUE})")
  int concurrency;

  @Option(
      names = "--duplicate-rate",
      defaultValue = "0.01",
      description = "share of records sent again unchanged (default: ${DEFAULT-VALUE})")
  double duplicateRate;

  @Option(
      names = "--bad-rate",
      defaultValue = "0.01",
      description =
          "share of invalid records: negative quantity, unknown usage type (default:"
              + " ${DEFAULT-VALUE})")
  double badRate;

  @Option(
      names = "--duration",
      converter = DurationConverter.class,
      description = "stop sending after this long, e.g. 30s, 5m (default: no limit)")
  Duration duration;

  @Option(
      names = "--window-hours",
      defaultValue = "72",
      description =
          "usage dates spread over the last N hours, never before the 1st of this month UTC"
              + " (default: ${DEFAULT-VALUE})")
  int windowHours;

  @Option(
      names = "--ledger",
      defaultValue = "var/loadgen-ledger.csv",
      description = "ledger file, appended to by every run (default: ${DEFAULT-VALUE})")
  Path ledgerFile;

  @Option(
      names = "--verify",
      description = "send nothing: compare the ledger with GET /accounts/{id}/usage/current")
  boolean verify;

  @Option(names = "--seed", description = "random seed (default: random)")
  Long seed;

  @Option(names = "--quiet", description = "no progress line")
  boolean quiet;

  @Option(
      names = "--prebuild",
      description =
          "build every batch before sending the first (needs --records; memory: about 0.4 KB per"
              + " record), so that generating the load does not compete with the node for the"
              + " cores while it is measured (bin/billing bench ingest does this)")
  boolean prebuild;

  private final PrintStream out;

  public LoadGen() {
    this(System.out);
  }

  LoadGen(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) {
    System.exit(execute(System.out, args));
  }

  /** Runs the command line; returns the exit status (0 ok, 1 failures or mismatches, 2 usage). */
  public static int execute(PrintStream out, String... args) {
    return new CommandLine(new LoadGen(out)).execute(args);
  }

  @Override
  public Integer call() {
    URI base;
    try {
      base = Loopback.requireLoopback(url);
    } catch (IllegalArgumentException e) {
      out.println("loadgen: " + e.getMessage());
      return 2;
    }
    if (prebuild && records == 0) {
      out.println("loadgen: --prebuild needs --records (the batches to build)");
      return 2;
    }
    if (verify) {
      Verifier.Report report = new Verifier(base, 64).verify(ledgerFile);
      return Verifier.print(report, out) ? 0 : 1;
    }
    if (setup) {
      Setup.Result result =
          new Setup(base, setupConcurrency, out)
              .run(catalog != null ? catalog : SampleCatalog.path(), accounts);
      if (result.failed() > 0) {
        return 1;
      }
    }
    if (records == 0 && duration == null) {
      return 0;
    }
    return send(base);
  }

  private int send(URI base) {
    String runId = newRunId();
    Instant now = Instant.now();
    Instant[] window = usageWindow(now, Duration.ofHours(windowHours));
    long actualSeed = seed != null ? seed : ThreadLocalRandom.current().nextLong();
    RecordGenerator generator =
        new RecordGenerator(
            new RecordGenerator.Settings(
                runId, accounts, duplicateRate, badRate, window[0], window[1], actualSeed));
    LoadEngine engine =
        new LoadEngine(
            new LoadEngine.Settings(
                base, batch, rate, concurrency, records, duration, !quiet, intake, prebuild),
            out);
    out.printf(
        "loadgen run %s: %s to %s%s, %,d accounts, batches of %,d, %s, %d in flight;"
            + " usage dates %s..%s; ledger %s%n",
        runId,
        records == 0 ? "no record limit" : String.format("%,d records", records),
        base,
        intake ? "/usage/batches" : "/usage",
        accounts,
        batch,
        rate > 0 ? String.format("%,.0f records/s", rate) : "as fast as possible",
        concurrency,
        window[0],
        window[1],
        ledgerFile);
    CountDownLatch finished = new CountDownLatch(1);
    Ledger ledger = new Ledger(ledgerFile, runId, accounts);
    Thread hook =
        new Thread(
            () -> {
              // Ctrl-C: stop sending, give the batches in flight a minute, keep what was answered
              engine.requestStop();
              try {
                if (!finished.await(60, TimeUnit.SECONDS)) {
                  ledger.flush();
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "loadgen-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    LoadEngine.Summary summary;
    LoadEngine.Rated rated = null;
    try {
      summary = engine.run(generator, ledger);
      if (intake) {
        out.println("acknowledged: " + summary.rateLine());
        out.println("waiting for every batch to be rated");
        rated = engine.awaitRated(ledger, Duration.ofMinutes(5));
        summary = engine.withOutcomes(summary);
      }
    } finally {
      ledger.close();
      finished.countDown();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // shutting down already
    }
    summary.print(out);
    if (rated != null) {
      out.println("  rating       " + rated.line());
    }
    printLedger(ledger);
    boolean ok =
        summary.failedBatches() == 0 && ledger.doubleCharged() == 0 && summary.errorCount() == 0;
    return ok ? 0 : 1;
  }

  private void printLedger(Ledger ledger) {
    out.printf(
        "  ledger       %s: %,d accepted records, total %s; charged twice %,d; unconfirmed %,d%n",
        ledgerFile,
        ledger.acceptedRecords(),
        ledger.grandTotal().toPlainString(),
        ledger.doubleCharged(),
        ledger.unconfirmed());
    StringBuilder sample = new StringBuilder("  sample       ");
    for (int i = 1; i <= Math.min(5, accounts); i++) {
      sample
          .append(RecordGenerator.accountId(i))
          .append(' ')
          .append(ledger.total(i).toPlainString())
          .append("  ");
    }
    out.println(sample.toString().stripTrailing());
    out.println("  check        bin/billing loadgen --verify --ledger " + ledgerFile);
  }

  /** A run id no earlier run used: {@code lg} and the time in base 36, plus 3 random characters. */
  static String newRunId() {
    return "lg"
        + Long.toString(System.currentTimeMillis(), 36)
        + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36);
  }

  /**
   * The usage dates to generate: the last {@code back} before {@code now} (minus a minute), but
   * never before the 1st of the current month UTC, so that every record falls in the open bill
   * period of an account with bill cycle day 1 in UTC.
   *
   * @return {earliest, latest}
   */
  static Instant[] usageWindow(Instant now, Duration back) {
    Instant latest = now.minusSeconds(60);
    Instant monthStart =
        YearMonth.from(now.atZone(ZoneOffset.UTC))
            .atDay(1)
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant();
    Instant earliest = now.minus(back);
    if (earliest.isBefore(monthStart)) {
      earliest = monthStart;
    }
    if (earliest.isAfter(latest)) {
      earliest = latest.isBefore(monthStart) ? monthStart : latest;
      latest = earliest.isAfter(latest) ? earliest : latest;
    }
    return new Instant[] {earliest, latest};
  }

  /** {@code 30s}, {@code 5m}, {@code 2h}, {@code 1500ms}, a number of seconds, or ISO-8601. */
  public static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      String v = value.strip().toLowerCase(Locale.ROOT);
      if (v.startsWith("p")) {
        return Duration.parse(value.strip().toUpperCase(Locale.ROOT));
      }
      if (v.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
      }
      char unit = v.charAt(v.length() - 1);
      String number = Character.isDigit(unit) ? v : v.substring(0, v.length() - 1);
      double amount = Double.parseDouble(number);
      double seconds =
          switch (unit) {
            case 'h' -> amount * 3600;
            case 'm' -> amount * 60;
            case 's' -> amount;
            default -> {
              if (!Character.isDigit(unit)) {
                throw new CommandLine.TypeConversionException("not a duration: " + value);
              }
              yield amount;
            }
          };
      return Duration.ofMillis(Math.round(seconds * 1000));
    }
  }
}
