package com.telco.billing.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.core.rating.UsageRecord;
import com.telco.billing.core.validation.Validated;
import com.telco.billing.protocol.http.UsageRecordDraft;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sets up the accounts of {@code bench billrun} through the node's public HTTP API, as order
 * management and mediation would: account {@code br-<7 digits>}, or {@code bw-<7 digits>} for the
 * warm-up run's (EUR, bill cycle day = the cycle date's day, UTC, tax jurisdiction DE) with {@code
 * POST /accounts}; one subscription activated 10 days before the cycle date (MOBILE_S for odd
 * accounts, MOBILE_M for even ones) with {@code POST /accounts/{id}/subscriptions}, which claims
 * its MSISDN in the guiding index; and a few usage records dated in the period that the cycle date
 * closes with {@code POST /usage}, guided by that MSISDN. Every request is idempotent; at most
 * {@code concurrency} accounts are in progress; {@link RetryingHttp} resends on 429 and 503 after
 * {@code Retry-After}, and any other answer that is not a 2xx fails the account.
 */
final class BillRunSetup {
  static final String SOURCE = "bench-billrun";
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One set of the bench's accounts: ids {@code <prefix>-<7 digits>}, MSISDNs {@code
   * <msisdnPrefix><8 digits>} (distinct between sets, each MSISDN is guided to one account); the
   * setup's progress lines start with {@code label}; {@code paymentMethodRef} (a gateway token, or
   * null for none) and {@code paymentTermsDays} go into every account's profile.
   */
  record Accounts(
      String prefix,
      String msisdnPrefix,
      String label,
      String paymentMethodRef,
      int paymentTermsDays) {

    Accounts(String prefix, String msisdnPrefix, String label, String paymentMethodRef) {
      this(
          prefix, msisdnPrefix, label, paymentMethodRef, AccountProfile.DEFAULT_PAYMENT_TERMS_DAYS);
    }

    /** The accounts the measured run invoices. */
    static final Accounts MEASURED = new Accounts("br", "+49152", "setup", null);

    /** The accounts of the warm-up run before it, of another bill cycle day. */
    static final Accounts WARM_UP = new Accounts("bw", "+49153", "warm-up setup", null);

    /**
     * The accounts of {@code bench payments}: their profile's {@code paymentMethodRef} is the
     * sandbox's always-succeeding card token, so every invoice is collected automatically.
     */
    static final Accounts PAYING = new Accounts("bp", "+49154", "setup", "tok_visa");

    /**
     * The accounts of {@code bench dunning}: no payment method and payment terms of 0 days, so each
     * invoice is due on its cycle date and stays unpaid.
     */
    static final Accounts DUNNING = new Accounts("bd", "+49155", "setup", null, 0);

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

  private final RetryingHttp http;
  private final Accounts set;
  private final LocalDate cycleDate;
  private final int concurrency;
  private final PrintStream out;

  /** What setup did. */
  record Result(
      long accounts, long usageRecords, long failed, List<String> errors, double seconds) {}

  BillRunSetup(
      RetryingHttp http, Accounts set, LocalDate cycleDate, int concurrency, PrintStream out) {
    this.http = http;
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
   * closes, as mediation sends them: voice and data, and an SMS on MOBILE_S.
   */
  static List<UsageRecordDraft> usageDrafts(Accounts set, int index, LocalDate cycleDate) {
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
    return drafts;
  }

  /** {@link #usageDrafts} validated at {@code now}, as the node validates them. */
  static List<UsageRecord> usage(Accounts set, int index, LocalDate cycleDate, Instant now) {
    List<UsageRecordDraft> drafts = usageDrafts(set, index, cycleDate);
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

  /**
   * {@code POST /accounts}, {@code POST /accounts/{id}/subscriptions}, then {@code POST /usage};
   * completes with the records accepted (or already recorded), or fails on the first answer that is
   * not a 2xx (429 and 503 were already retried by {@link RetryingHttp}).
   */
  private CompletionStage<Integer> setUp(int index) {
    String id = set.id(index);
    return post("/accounts", openAccount(set, index, cycleDate))
        .thenCompose(
            opened ->
                post(
                    "/accounts/" + id + "/subscriptions",
                    activateSubscription(set, index, cycleDate)))
        .thenCompose(activated -> post("/usage", usageBatch(set, index, cycleDate)))
        .thenApply(rated -> acceptedRecords(id, rated));
  }

  /** The body of {@code POST /accounts} for account {@code index} of {@code set}. */
  static byte[] openAccount(Accounts set, int index, LocalDate cycleDate) {
    ObjectNode account = JSON.createObjectNode();
    account.put("id", set.id(index));
    account.put("name", "Bench customer " + index);
    account.put("currency", "EUR");
    account.put("billCycleDay", cycleDate.getDayOfMonth());
    account.put("timeZone", "UTC");
    account.put("taxJurisdiction", "DE");
    account.put("taxExempt", false);
    account.put("paymentTermsDays", set.paymentTermsDays());
    account.put("legalEntity", "DEFAULT");
    if (set.paymentMethodRef() != null) {
      account.put("paymentMethodRef", set.paymentMethodRef());
    }
    return bytes(account);
  }

  /**
   * The body of {@code POST /accounts/{id}/subscriptions}: the account's one subscription,
   * activated 10 days before the cycle date.
   */
  static byte[] activateSubscription(Accounts set, int index, LocalDate cycleDate) {
    ObjectNode subscription = JSON.createObjectNode();
    subscription.put("subscriptionId", set.subscriptionId(index));
    subscription.put("offeringId", offering(index));
    ObjectNode msisdn = subscription.putArray("serviceIds").addObject();
    msisdn.put("type", "MSISDN");
    msisdn.put("value", set.msisdn(index));
    subscription.put("activationDate", cycleDate.minusDays(10).toString());
    return bytes(subscription);
  }

  /** The body of {@code POST /usage}: the account's {@link #usageDrafts} as a JSON array. */
  static byte[] usageBatch(Accounts set, int index, LocalDate cycleDate) {
    ArrayNode batch = JSON.createArrayNode();
    for (UsageRecordDraft d : usageDrafts(set, index, cycleDate)) {
      ObjectNode record = batch.addObject();
      record.put("id", d.id());
      record.put("source", d.source());
      record.put("serviceIdType", d.serviceIdType());
      record.put("serviceId", d.serviceId());
      record.put("usageType", d.usageType());
      record.put("usageDate", d.usageDate());
      record.put("quantity", new BigDecimal(d.quantity()));
      record.put("unit", d.unit());
      if (d.attributes() != null) {
        ObjectNode attributes = record.putObject("attributes");
        d.attributes().forEach(attributes::put);
      }
    }
    return bytes(batch);
  }

  private CompletableFuture<JsonNode> post(String path, byte[] body) {
    return http.send(http.postJson(path, body))
        .thenApply(
            answer -> {
              int status = answer.statusCode();
              if (status < 200 || status > 299) {
                throw new IllegalStateException(
                    "POST "
                        + path
                        + " answered "
                        + status
                        + " "
                        + new String(answer.body(), StandardCharsets.UTF_8));
              }
              try {
                return JSON.readTree(answer.body());
              } catch (IOException e) {
                throw new UncheckedIOException("POST " + path + " answered unreadable JSON", e);
              }
            });
  }

  /** The records of a {@code POST /usage} answer: each must be accepted or a duplicate. */
  static int acceptedRecords(String accountId, JsonNode rated) {
    JsonNode records = rated.path("records");
    if (!records.isArray() || records.isEmpty()) {
      throw new IllegalStateException("POST /usage for " + accountId + " answered " + rated);
    }
    for (JsonNode outcome : records) {
      String status = outcome.path("status").asText();
      if (!status.equals("ACCEPTED") && !status.equals("DUPLICATE")) {
        throw new IllegalStateException("usage answered " + outcome);
      }
    }
    return records.size();
  }

  private static byte[] bytes(JsonNode body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String unwrap(Throwable failure) {
    Throwable cause =
        failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    return cause.toString();
  }
}
