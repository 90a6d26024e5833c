package com.telco.billing.benchmarks;

import static com.telco.billing.core.rating.RatingFixtures.BERLIN;
import static com.telco.billing.core.rating.RatingFixtures.EUR;
import static com.telco.billing.core.rating.RatingFixtures.MIB;
import static com.telco.billing.core.rating.RatingFixtures.account;
import static com.telco.billing.core.rating.RatingFixtures.catalog;
import static com.telco.billing.core.rating.RatingFixtures.offering;
import static com.telco.billing.core.rating.RatingFixtures.simpleCharge;
import static com.telco.billing.core.rating.RatingFixtures.tier;
import static com.telco.billing.core.rating.RatingFixtures.version;
import static com.telco.billing.core.rating.RatingFixtures.zonedVoice;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.core.catalog.CatalogVersion;
import com.telco.billing.core.catalog.UsageCharge;
import com.telco.billing.core.rating.CounterKey;
import com.telco.billing.core.rating.Rater;
import com.telco.billing.core.rating.RatingContext;
import com.telco.billing.core.rating.RatingOutcome;
import com.telco.billing.core.rating.UsageCounters;
import com.telco.billing.core.rating.UsageRecord;
import com.telco.billing.core.rating.UsageUnit;
import com.telco.billing.core.subscription.ActivateSubscription;
import com.telco.billing.core.subscription.ServiceId;
import com.telco.billing.core.subscription.Subscription;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of pure rating on one thread: one benchmark operation rates one usage record and
 * stores its counters, as the rating entity does, so the score in ops/s is records/s per core.
 *
 * <p>The workload, built from billing-core's test fixtures ({@code RatingFixtures}, through its
 * test-jar): an account in Europe/Berlin with 1,000 subscriptions of one offering whose voice
 * charge has zones, peak/off-peak bands and an allowance, SMS with graduated tiers and data with an
 * allowance and tiers; pre-built records (60 % voice, 20 % SMS, 20 % data, a fifth of the calls
 * abroad) of random subscriptions, spread over two bill periods, one of them already invoiced (late
 * records).
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar RatingBenchmark -f 1 -wi 2 -i 3
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class RatingBenchmark {
  private static final int SUBSCRIPTIONS = 1_000;

  /**
   * How many distinct records the benchmark cycles through: 1024 fit the CPU caches, as a record
   * just deserialized from a batch does; 65536 (about 20 MB of objects) are mostly cache misses.
   */
  @Param({"1024", "65536"})
  public int records;

  private Rater rater;
  private RatingContext context;
  private UsageRecord[] batch;
  private Map<CounterKey, UsageCounters> counters;
  private Function<CounterKey, UsageCounters> lookup;
  private int next;

  /** Builds the catalog, the account and the records. */
  @Setup(Level.Trial)
  public void setUp() {
    rater = Rater.of(catalog(catalogVersion()));
    AccountProfile account = account(EUR, 1, BERLIN);
    List<Subscription> subscriptions = new ArrayList<>();
    for (int i = 0; i < SUBSCRIPTIONS; i++) {
      subscriptions.add(
          Subscription.activated(
              new ActivateSubscription(
                  "SUB-" + i, "MOBILE", List.of(msisdn(i)), LocalDate.parse("2026-01-01"))));
    }
    LocalDate firstOpen = LocalDate.parse("2026-04-01");
    context = RatingContext.of(account, subscriptions, d -> d.isBefore(firstOpen));
    batch = new UsageRecord[records];
    Random random = new Random(42);
    Instant from = Instant.parse("2026-03-01T00:00:00Z");
    for (int i = 0; i < records; i++) {
      int kind = random.nextInt(10);
      String type = kind < 6 ? "VOICE" : kind < 8 ? "SMS" : "DATA";
      long quantity =
          switch (type) {
            case "VOICE" -> 1 + random.nextInt(600);
            case "SMS" -> 1;
            default -> 1 + random.nextInt(5_000_000);
          };
      UsageUnit unit =
          switch (type) {
            case "VOICE" -> UsageUnit.SECOND;
            case "SMS" -> UsageUnit.EVENT;
            default -> UsageUnit.BYTE;
          };
      batch[i] =
          new UsageRecord(
              "rec-" + i,
              "MSC-1",
              msisdn(random.nextInt(SUBSCRIPTIONS)),
              type,
              from.plusSeconds(random.nextInt(61 * 86_400)),
              BigDecimal.valueOf(quantity),
              unit,
              Map.of("zone", random.nextInt(5) == 0 ? "WORLD" : "NATIONAL"),
              null);
    }
  }

  /** Every iteration starts from empty counters, like a fresh period. */
  @Setup(Level.Iteration)
  public void resetCounters() {
    counters = new HashMap<>();
    lookup = counters::get;
    next = 0;
  }

  /** Rates the next record and keeps its counters. */
  @Benchmark
  public RatingOutcome rateOneRecord() {
    UsageRecord record = batch[next++ & (records - 1)];
    RatingOutcome outcome = rater.rate(lookup, record, context);
    if (outcome instanceof RatingOutcome.Rated rated) {
      counters.put(rated.key(), rated.counters());
    }
    return outcome;
  }

  private static ServiceId msisdn(int i) {
    return ServiceId.msisdn(String.format("+4915100%06d", i));
  }

  /**
   * One offering, {@code MOBILE}: zoned voice with peak/off-peak bands and a 6,000 s allowance, SMS
   * with graduated tiers and a 50-message allowance, data per KiB with a 100 MiB allowance and two
   * tiers.
   */
  private static CatalogVersion catalogVersion() {
    UsageCharge sms =
        simpleCharge(
            "SMS_C",
            "SMS",
            1,
            0,
            1,
            50,
            List.of(tier(0, 100L, "0.09"), tier(100, 1_000L, "0.05"), tier(1_000, null, "0.02")));
    UsageCharge data =
        simpleCharge(
            "DATA_C",
            "DATA",
            1024,
            0,
            MIB,
            100 * MIB,
            List.of(tier(0, 1024 * MIB, "0.01"), tier(1024 * MIB, null, "0.005")));
    return version(
        "2026-01", "2026-01-01T00:00:00Z", offering("MOBILE", zonedVoice(6_000), sms, data));
  }
}
