package com.telco.billing.loadgen;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.core.rating.UsageRecord;
import com.telco.billing.core.rating.UsageRecordDraft;
import com.telco.billing.core.subscription.ActivateSubscription;
import com.telco.billing.core.subscription.ServiceId;
import com.telco.billing.core.validation.Validated;
import com.telco.billing.protocol.account.AccountCommand;
import com.telco.billing.protocol.account.OpenAccountResult;
import com.telco.billing.protocol.account.SubscriptionResult;
import com.telco.billing.protocol.usage.RateUsageResult;
import com.telco.billing.protocol.usage.UsageOutcome;
import com.telco.billing.sharding.EntityKeys;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;

/**
 * Sets up the accounts of {@code bench billrun} straight on the sharded account entities of the
 * node in this JVM (setup speed is not what is measured): account {@code br-<7 digits>}, or {@code
 * bw-<7 digits>} for the warm-up run's (EUR, bill cycle day = the cycle date's day, UTC, tax
 * jurisdiction DE), one subscription activated 10 days before the cycle date (MOBILE_S for odd
 * accounts, MOBILE_M for even ones) and a few usage records dated in the period that the cycle date
 * closes. Every command is idempotent; at most {@code concurrency} accounts are in progress, a
 * failed command is tried again up to 5 times.
 *
 * <p>The subscription is recorded on the account without claiming its MSISDN in the guiding index
 * first (the guiding projection fills it from the account's event): billing does not need it.
 */
final class BillRunSetup {
  static final String SOURCE = "bench-billrun";
  private static final int ATTEMPTS = 5;
  private static final Duration ASK_TIMEOUT = Duration.ofSeconds(30);

  /**
   * One set of the bench's accounts: ids {@code <prefix>-<7 digits>}, MSISDNs {@code
   * <msisdnPrefix><8 digits>} (distinct between sets, each MSISDN is guided to one account); the
   * setup's progress lines start with {@code label}.
   */
  record Accounts(String prefix, String msisdnPrefix, String label) {
    /** The accounts the measured run invoices. */
    static final Accounts MEASURED = new Accounts("br", "+49152", "setup");

    /** The accounts of the warm-up run before it, of another bill cycle day. */
    static final Accounts WARM_UP = new Accounts("bw", "+49153", "warm-up setup");

    String id(int index) {
      return String.format("%s-%07d", prefix, index);
    }

    String msisdn(int index) {
      return String.format("%s%08d", msisdnPrefix, index);
    }

    String subscriptionId(int index) {
      return String.format("%s-sub-%07d", prefix, index);
    }
  }

  private final ClusterSharding sharding;
  private final Accounts set;
  private final LocalDate cycleDate;
  private final int concurrency;
  private final PrintStream out;
  private final Instant now = Instant.now();

  /** What setup did. */
  record Result(
      long accounts, long usageRecords, long failed, List<String> errors, double seconds) {}

  BillRunSetup(
      ActorSystem<?> system, Accounts set, LocalDate cycleDate, int concurrency, PrintStream out) {
    this.sharding = ClusterSharding.get(system);
    this.set = set;
    this.cycleDate = cycleDate;
    this.concurrency = concurrency;
    this.out = out;
  }

  /** The bench's cycle date: yesterday UTC, or the 28th when yesterday is the 29th..31st. */
  static LocalDate cycleDate(LocalDate todayUtc) {
    LocalDate yesterday = todayUtc.minusDays(1);
    return yesterday.getDayOfMonth() > 28 ? yesterday.withDayOfMonth(28) : yesterday;
  }

  /**
   * The warm-up run's cycle date: the day before {@code cycleDate}, or, when that is the 1st, three
   * days earlier still (a day 25..28 of the month before): always a valid bill cycle day other than
   * the measured run's.
   */
  static LocalDate warmUpCycleDate(LocalDate cycleDate) {
    return cycleDate.getDayOfMonth() > 1 ? cycleDate.minusDays(1) : cycleDate.minusDays(4);
  }

  static String offering(int index) {
    return index % 2 == 1 ? "MOBILE_S" : "MOBILE_M";
  }

  /**
   * The usage records of account {@code index} of {@code set} in the period that {@code cycleDate}
   * closes: voice and data, and an SMS on MOBILE_S; validated at {@code now}.
   */
  static List<UsageRecord> usage(Accounts set, int index, LocalDate cycleDate, Instant now) {
    String id = set.id(index);
    String msisdn = set.msisdn(index);
    List<UsageRecordDraft> drafts = new ArrayList<>();
    drafts.add(
        draft(id, "v1", msisdn, "VOICE", cycleDate.minusDays(2), "10:00", "120", "s", "NATIONAL"));
    drafts.add(draft(id, "v2", msisdn, "VOICE", cycleDate.minusDays(3), "21:30", "45", "s", "EU"));
    drafts.add(
        draft(id, "d1", msisdn, "DATA", cycleDate.minusDays(4), "09:15", "5242880", "B", null));
    if (offering(index).equals("MOBILE_S")) {
      drafts.add(
          draft(
              id, "s1", msisdn, "SMS", cycleDate.minusDays(5), "12:00", "1", "event", "NATIONAL"));
    }
    List<UsageRecord> records = new ArrayList<>(drafts.size());
    for (UsageRecordDraft d : drafts) {
      Validated<UsageRecord> valid = d.validate(now);
      if (!valid.isValid()) {
        throw new IllegalStateException("bench usage record refused: " + valid.errors());
      }
      records.add(valid.value());
    }
    return records;
  }

  private static UsageRecordDraft draft(
      String accountId,
      String suffix,
      String msisdn,
      String type,
      LocalDate day,
      String time,
      String quantity,
      String unit,
      String zone) {
    return new UsageRecordDraft(
        accountId + "-" + suffix,
        SOURCE,
        "MSISDN",
        msisdn,
        type,
        day + "T" + time + ":00Z",
        quantity,
        unit,
        zone == null ? null : Map.of(UsageRecord.ZONE_ATTRIBUTE, zone),
        null);
  }

  Result run(int accounts) {
    long start = System.nanoTime();
    Semaphore permits = new Semaphore(concurrency);
    AtomicLong done = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicLong records = new AtomicLong();
    List<String> errors = Collections.synchronizedList(new ArrayList<>());
    long lastPrint = start;
    long lastDone = 0;
    for (int i = 1; i <= accounts; i++) {
      Permits.acquire(permits, 1);
      int index = i;
      setUp(index)
          .whenComplete(
              (accepted, failure) -> {
                if (failure != null) {
                  failed.incrementAndGet();
                  if (errors.size() < 10) {
                    errors.add(set.id(index) + ": " + unwrap(failure));
                  }
                } else {
                  records.addAndGet(accepted);
                }
                done.incrementAndGet();
                permits.release();
              });
      long t = System.nanoTime();
      if (t - lastPrint > 5_000_000_000L) {
        long d = done.get();
        out.printf(
            "%s: %,d / %,d accounts (%,.0f/s now, %,.0f/s overall)%s%n",
            set.label(),
            d,
            accounts,
            (d - lastDone) / ((t - lastPrint) / 1e9),
            d / ((t - start) / 1e9),
            failed.get() == 0 ? "" : ", " + failed.get() + " failed");
        lastPrint = t;
        lastDone = d;
      }
    }
    Permits.acquire(permits, concurrency);
    double seconds = BenchCluster.secondsSince(start);
    out.printf(
        "%s: %,d accounts, %,d usage records in %.1f s (%,.0f accounts/s)%s%n",
        set.label(),
        accounts,
        records.get(),
        seconds,
        accounts / seconds,
        failed.get() == 0 ? "" : ", " + failed.get() + " failed: " + errors);
    return new Result(accounts, records.get(), failed.get(), List.copyOf(errors), seconds);
  }

  /** Opens, activates and rates; completes with the records accepted (or already recorded). */
  private CompletionStage<Integer> setUp(int index) {
    String id = set.id(index);
    EntityRef<AccountCommand> account = sharding.entityRefFor(EntityKeys.ACCOUNT, id);
    AccountProfile profile =
        new AccountProfile(
            id,
            "Bench customer " + index,
            Currency.getInstance("EUR"),
            cycleDate.getDayOfMonth(),
            ZoneOffset.UTC,
            "DE",
            false,
            AccountProfile.DEFAULT_PAYMENT_TERMS_DAYS,
            null,
            "DEFAULT");
    ActivateSubscription activation =
        new ActivateSubscription(
            set.subscriptionId(index),
            offering(index),
            List.of(ServiceId.msisdn(set.msisdn(index))),
            cycleDate.minusDays(10));
    List<UsageRecord> usage = usage(set, index, cycleDate, now);
    return retry(
            () ->
                account.<OpenAccountResult>askWithStatus(
                    replyTo -> new AccountCommand.OpenAccount(profile, replyTo), ASK_TIMEOUT))
        .thenCompose(
            opened ->
                retry(
                    () ->
                        account.<SubscriptionResult>askWithStatus(
                            replyTo -> new AccountCommand.ActivateSubscription(activation, replyTo),
                            ASK_TIMEOUT)))
        .thenCompose(
            activated ->
                retry(
                    () ->
                        account.<RateUsageResult>askWithStatus(
                            replyTo -> new AccountCommand.RateUsage(usage, replyTo), ASK_TIMEOUT)))
        .thenApply(
            rated -> {
              int ok = 0;
              for (UsageOutcome outcome : rated.outcomes()) {
                if (outcome.status() != UsageOutcome.Status.ACCEPTED
                    && outcome.status() != UsageOutcome.Status.DUPLICATE) {
                  throw new IllegalStateException("usage answered " + outcome);
                }
                ok++;
              }
              return ok;
            });
  }

  /** Tries {@code call} up to {@link #ATTEMPTS} times, a second apart. */
  static <T> CompletionStage<T> retry(Supplier<CompletionStage<T>> call) {
    return attempt(call, 1);
  }

  private static <T> CompletionStage<T> attempt(Supplier<CompletionStage<T>> call, int attempt) {
    return call.get()
        .handle(
            (value, failure) -> {
              if (failure == null) {
                return CompletableFuture.completedFuture(value);
              }
              if (attempt >= ATTEMPTS) {
                return CompletableFuture.<T>failedFuture(failure);
              }
              return CompletableFuture.supplyAsync(
                      () -> null, CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS))
                  .thenCompose(ignored -> attempt(call, attempt + 1));
            })
        .thenCompose(stage -> stage);
  }

  static String unwrap(Throwable failure) {
    Throwable cause =
        failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    return cause.toString();
  }
}
