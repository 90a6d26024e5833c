package com.telco.billing.loadgen;

import java.time.Instant;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A mediation feed's records, as the JSON {@code POST /usage} takes: 60 % voice (1..600 s; zones
 * NATIONAL 80 %, EU 15 %, WORLD 5 %), 25 % SMS (same zones), 15 % data (1 KiB..50 MiB,
 * log-uniform), usage dates spread uniformly over a window (a few hours to days, so that both time
 * bands occur), on accounts {@code lg-acc-1..N} chosen uniformly. A share of the records are
 * planned duplicates (a record sent earlier, sent again unchanged) and a share are bad (negative
 * quantity or unknown usage type), which the cluster must reject.
 *
 * <p>Record ids are {@code <runId>-<seq>}; a duplicate carries its original's id and sequence
 * number. Not thread-safe; deterministic for a given seed.
 */
public final class RecordGenerator {
  /** Source of every record. */
  public static final String SOURCE = "loadgen";

  /** How many recent good records a duplicate is drawn from. */
  private static final int RECENT = 4096;

  private static final long KIB = 1024;
  private static final long MAX_DATA_BYTES = 50L * 1024 * 1024;

  /** What a record is meant to be, and so what the cluster should answer. */
  public enum Kind {
    VOICE,
    SMS,
    DATA,
    /** A good record sent again: expected {@code DUPLICATE}. */
    DUPLICATE,
    /** Expected {@code REJECTED} with {@code negative_quantity}. */
    BAD_NEGATIVE_QUANTITY,
    /** Expected {@code REJECTED} with {@code unknown_usage_type}. */
    BAD_UNKNOWN_USAGE_TYPE;

    public boolean isBad() {
      return this == BAD_NEGATIVE_QUANTITY || this == BAD_UNKNOWN_USAGE_TYPE;
    }
  }

  /**
   * One generated record.
   *
   * @param seq the record's sequence number in its run (a duplicate's is its original's)
   * @param account the account index, 1..accounts
   * @param json the record as JSON text
   */
  public record Generated(long seq, String id, int account, Kind kind, String zone, String json) {}

  /**
   * What to generate.
   *
   * @param runId the prefix of every record id (unique per run, so runs never dedupe each other)
   * @param accounts number of accounts, {@code lg-acc-1..accounts}
   * @param duplicateRate share of planned duplicates, 0..1
   * @param badRate share of bad records, 0..1
   * @param earliest the earliest usage date
   * @param latest the latest usage date
   */
  public record Settings(
      String runId,
      int accounts,
      double duplicateRate,
      double badRate,
      Instant earliest,
      Instant latest,
      long seed) {
    public Settings {
      Objects.requireNonNull(runId, "runId");
      if (accounts < 1) {
        throw new IllegalArgumentException("accounts must be at least 1");
      }
      if (duplicateRate < 0 || badRate < 0 || duplicateRate + badRate > 1) {
        throw new IllegalArgumentException("rates must be >= 0 and add up to at most 1");
      }
      if (latest.isBefore(earliest)) {
        throw new IllegalArgumentException("latest is before earliest");
      }
    }
  }

  private final Settings settings;
  private final SplittableRandom random;
  private final long windowSeconds;
  private final Generated[] recent = new Generated[RECENT];
  private long recentCount;
  private long nextSeq;

  public RecordGenerator(Settings settings) {
    this.settings = settings;
    this.random = new SplittableRandom(settings.seed());
    this.windowSeconds =
        Math.max(0, settings.latest().getEpochSecond() - settings.earliest().getEpochSecond());
  }

  /** The id of account {@code index}: {@code lg-acc-<index>}. */
  public static String accountId(int index) {
    return "lg-acc-" + index;
  }

  /** The MSISDN of account {@code index}'s subscription: {@code +49170} and 7 digits. */
  public static String msisdn(int index) {
    if (index < 0 || index > 9_999_999) {
      throw new IllegalArgumentException("account index out of range: " + index);
    }
    return "+49170" + String.format("%07d", index);
  }

  /** The subscription id of account {@code index}. */
  public static String subscriptionId(int index) {
    return "lg-sub-" + index;
  }

  /**
   * @return the sequence number the next new record will get (= records generated, duplicates
   *     excluded)
   */
  public long nextSeq() {
    return nextSeq;
  }

  public Generated next() {
    double roll = random.nextDouble();
    if (roll < settings.duplicateRate() && recentCount > 0) {
      Generated original = recent[(int) (random.nextLong(Math.min(recentCount, RECENT)))];
      return new Generated(
          original.seq(),
          original.id(),
          original.account(),
          Kind.DUPLICATE,
          original.zone(),
          original.json());
    }
    long seq = nextSeq++;
    String id = settings.runId() + "-" + seq;
    int account = 1 + random.nextInt(settings.accounts());
    Instant date = settings.earliest().plusSeconds(random.nextLong(windowSeconds + 1));
    if (roll < settings.duplicateRate() + settings.badRate()) {
      boolean negative = random.nextBoolean();
      Kind kind = negative ? Kind.BAD_NEGATIVE_QUANTITY : Kind.BAD_UNKNOWN_USAGE_TYPE;
      String json =
          negative
              ? json(id, account, "SMS", date, -1, "event", "NATIONAL")
              : json(id, account, "TELEPATHY", date, 1, "event", "NATIONAL");
      return new Generated(seq, id, account, kind, "NATIONAL", json);
    }
    double mix = random.nextDouble();
    Generated generated;
    if (mix < 0.60) {
      String zone = zone();
      long seconds = 1 + random.nextInt(600);
      generated =
          new Generated(
              seq,
              id,
              account,
              Kind.VOICE,
              zone,
              json(id, account, "VOICE", date, seconds, "s", zone));
    } else if (mix < 0.85) {
      String zone = zone();
      generated =
          new Generated(
              seq, id, account, Kind.SMS, zone, json(id, account, "SMS", date, 1, "event", zone));
    } else {
      // log-uniform between 1 KiB and 50 MiB: many small sessions, a few large ones
      double exponent = random.nextDouble();
      long bytes =
          Math.round(KIB * Math.pow((double) MAX_DATA_BYTES / KIB, exponent)); // 1 KiB..50 MiB
      generated =
          new Generated(
              seq, id, account, Kind.DATA, null, json(id, account, "DATA", date, bytes, "B", null));
    }
    recent[(int) (recentCount % RECENT)] = generated;
    recentCount++;
    return generated;
  }

  private String zone() {
    double z = random.nextDouble();
    return z < 0.80 ? "NATIONAL" : z < 0.95 ? "EU" : "WORLD";
  }

  private static String json(
      String id,
      int account,
      String usageType,
      Instant date,
      long quantity,
      String unit,
      String zone) {
    StringBuilder b = new StringBuilder(224);
    b.append("{\"id\":\"")
        .append(id)
        .append("\",\"source\":\"")
        .append(SOURCE)
        .append("\",\"serviceId\":\"")
        .append(msisdn(account))
        .append("\",\"usageType\":\"")
        .append(usageType)
        .append("\",\"usageDate\":\"")
        .append(date)
        .append("\",\"quantity\":")
        .append(quantity)
        .append(",\"unit\":\"")
        .append(unit)
        .append('"');
    if (zone != null) {
      b.append(",\"attributes\":{\"zone\":\"").append(zone).append("\"}");
    }
    return b.append('}').toString();
  }
}
