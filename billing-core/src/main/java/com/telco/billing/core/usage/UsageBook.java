package com.telco.billing.core.usage;

import com.telco.billing.core.rating.CounterKey;
import com.telco.billing.core.rating.RatedUsage;
import com.telco.billing.core.rating.UsageCounters;
import com.telco.billing.core.rerating.ReratedRecord;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An account's rated usage by bill period: the rating counters per (subscription, usage type,
 * period), which allowances and tiers continue from (docs/billing-rules.md, "Rating a usage
 * record", steps 4 and 5), and the usage lines per (period, subscription, usage type, zone, band,
 * offering and charge) that the bill so far shows and the invoice will aggregate the same way
 * ("Invoices": usage lines are aggregated per subscription, usage type, zone and band, with the
 * record count; "Corrections of late and backdated changes": per charge that priced the records).
 *
 * <p>Immutable; keys are strings ({@link #counterKey}, {@link #lineKey}) so the book persists as
 * plain maps.
 *
 * @param counters by {@link #counterKey}
 * @param lines by {@link #lineKey}
 */
public record UsageBook(Map<String, UsageCounters> counters, Map<String, UsageLine> lines) {

  public static final UsageBook EMPTY = new UsageBook(Map.of(), Map.of());

  /** How long before the dedupe cutoff a period's figures are kept (late usage needs them). */
  static final int KEEP_DAYS_BEFORE_CUTOFF = 31;

  private static final char SEP = '|';

  public UsageBook {
    counters = Map.copyOf(counters);
    lines = Map.copyOf(lines);
  }

  /**
   * Rated usage of one period, subscription, usage type, zone and band.
   *
   * @param quantity rounded quantity in base units
   * @param chargeableQuantity the part not covered by the allowance
   * @param amount the sum of the rated amounts, scale 6
   * @param offeringId the offering whose charge priced the records; {@code null} in a line kept
   *     before lines were split per charge (its key has no offering and charge)
   * @param chargeId the usage charge that priced the records, {@code null} with {@code offeringId}
   */
  public record UsageLine(
      LocalDate periodStart,
      String subscriptionId,
      String usageType,
      String zone,
      String band,
      long quantity,
      long chargeableQuantity,
      long records,
      BigDecimal amount,
      String offeringId,
      String chargeId) {

    public UsageLine {
      Objects.requireNonNull(periodStart, "periodStart");
      Objects.requireNonNull(amount, "amount");
      if ((offeringId == null) != (chargeId == null)) {
        throw new IllegalArgumentException("offeringId and chargeId go together");
      }
    }

    /** A line of all charges of its usage type, as kept before lines were split per charge. */
    public UsageLine(
        LocalDate periodStart,
        String subscriptionId,
        String usageType,
        String zone,
        String band,
        long quantity,
        long chargeableQuantity,
        long records,
        BigDecimal amount) {
      this(
          periodStart,
          subscriptionId,
          usageType,
          zone,
          band,
          quantity,
          chargeableQuantity,
          records,
          amount,
          null,
          null);
    }

    UsageLine minus(RatedUsage usage) {
      return new UsageLine(
          periodStart,
          subscriptionId,
          usageType,
          zone,
          band,
          Math.max(0, quantity - usage.roundedQuantity()),
          Math.max(0, chargeableQuantity - usage.chargeableQuantity()),
          Math.max(0, records - 1),
          amount.subtract(usage.amount().amount()),
          offeringId,
          chargeId);
    }

    UsageLine plus(RatedUsage usage) {
      return new UsageLine(
          periodStart,
          subscriptionId,
          usageType,
          zone,
          band,
          Math.addExact(quantity, usage.roundedQuantity()),
          Math.addExact(chargeableQuantity, usage.chargeableQuantity()),
          records + 1,
          amount.add(usage.amount().amount()),
          offeringId,
          chargeId);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof UsageLine other
          && periodStart.equals(other.periodStart)
          && Objects.equals(subscriptionId, other.subscriptionId)
          && Objects.equals(usageType, other.usageType)
          && Objects.equals(zone, other.zone)
          && Objects.equals(band, other.band)
          && quantity == other.quantity
          && chargeableQuantity == other.chargeableQuantity
          && records == other.records
          && amount.compareTo(other.amount) == 0
          && Objects.equals(offeringId, other.offeringId)
          && Objects.equals(chargeId, other.chargeId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(periodStart, subscriptionId, usageType, zone, band, quantity, records);
    }
  }

  /** The key of a rating counter. */
  public static String counterKey(CounterKey key) {
    return key.subscriptionId() + SEP + key.usageType() + SEP + key.periodStart();
  }

  /**
   * The key of the usage line a rated record adds to: {@code
   * period|subscription|usageType|zone|band|offering|charge}.
   */
  public static String lineKey(RatedUsage usage) {
    return usage.periodStart().toString()
        + SEP
        + usage.subscriptionId()
        + SEP
        + usage.usageType()
        + SEP
        + Objects.toString(usage.zone(), "")
        + SEP
        + Objects.toString(usage.band(), "")
        + SEP
        + usage.offeringId()
        + SEP
        + usage.chargeId();
  }

  /**
   * The key of {@code line}: as {@link #lineKey(RatedUsage)}, without offering and charge for a
   * line kept before lines were split per charge.
   */
  public static String lineKey(UsageLine line) {
    String base = baseKey(line);
    return line.chargeId() == null ? base : base + SEP + line.offeringId() + SEP + line.chargeId();
  }

  /**
   * The key of {@code line} without offering and charge, {@code
   * period|subscription|usageType|zone|band}: shared by the lines of every charge of one usage
   * type.
   */
  public static String baseKey(UsageLine line) {
    return line.periodStart().toString()
        + SEP
        + line.subscriptionId()
        + SEP
        + line.usageType()
        + SEP
        + Objects.toString(line.zone(), "")
        + SEP
        + Objects.toString(line.band(), "");
  }

  /** The counters of a key so far, or null when nothing was rated against it. */
  public UsageCounters countersOf(CounterKey key) {
    return counters.get(counterKey(key));
  }

  /**
   * The book after {@code rated} (in arrival order): counters advance by each record's quantities,
   * lines add up; periods that ended more than {@value #KEEP_DAYS_BEFORE_CUTOFF} days before {@code
   * cutoffDate} are dropped.
   */
  public UsageBook with(List<RatedUsage> rated, LocalDate cutoffDate) {
    Map<String, UsageCounters> nextCounters = new HashMap<>(counters);
    Map<String, UsageLine> nextLines = new HashMap<>(lines);
    for (RatedUsage usage : rated) {
      String counterKey = counterKey(usage.counterKey());
      nextCounters.put(
          counterKey, nextCounters.getOrDefault(counterKey, UsageCounters.ZERO).plus(usage));
      String lineKey = lineKey(usage);
      UsageLine line = nextLines.get(lineKey);
      if (line == null) {
        line =
            new UsageLine(
                usage.periodStart(),
                usage.subscriptionId(),
                usage.usageType(),
                usage.zone(),
                usage.band(),
                0,
                0,
                0,
                BigDecimal.ZERO,
                usage.offeringId(),
                usage.chargeId());
      }
      nextLines.put(lineKey, line.plus(usage));
    }
    LocalDate keepFrom = cutoffDate.minusDays(KEEP_DAYS_BEFORE_CUTOFF);
    nextLines.values().removeIf(line -> line.periodStart().isBefore(keepFrom));
    nextCounters.keySet().removeIf(key -> periodOf(key).isBefore(keepFrom));
    return new UsageBook(nextCounters, nextLines);
  }

  /**
   * The book after records were rated again (docs/rerating.md): each pair's old rating leaves its
   * line and counters, the new one joins its own. Only periods the book still keeps change; a line
   * left with no record is dropped. Lines are changed only for {@code linesToo} pairs (periods not
   * invoiced, whose lines the next invoice bills); counters for every pair (late usage of an
   * invoiced period continues from them).
   *
   * @param changes the old and new rating of each record, in journal order
   * @param linesToo whether a record of the bill period starting on that date changes the lines
   */
  public UsageBook rerated(
      List<ReratedRecord> changes, java.util.function.Predicate<LocalDate> linesToo) {
    Map<String, UsageCounters> nextCounters = new HashMap<>(counters);
    Map<String, UsageLine> nextLines = new HashMap<>(lines);
    for (ReratedRecord change : changes) {
      RatedUsage before = change.before();
      RatedUsage after = change.after();
      String oldCounter = counterKey(before.counterKey());
      String newCounter = counterKey(after.counterKey());
      if (nextCounters.containsKey(oldCounter) && nextCounters.containsKey(newCounter)) {
        nextCounters.put(oldCounter, minus(nextCounters.get(oldCounter), before));
        nextCounters.put(newCounter, nextCounters.get(newCounter).plus(after));
      }
      if (!linesToo.test(before.periodStart()) || !linesToo.test(after.periodStart())) {
        continue;
      }
      String oldKey = lineKey(before);
      if (!nextLines.containsKey(oldKey)) {
        // a line kept before lines were split per charge holds it
        oldKey = oldKey.substring(0, oldKey.lastIndexOf(SEP, oldKey.lastIndexOf(SEP) - 1));
      }
      UsageLine old = nextLines.get(oldKey);
      if (old == null) {
        continue;
      }
      UsageLine left = old.minus(before);
      if (left.records() == 0) {
        nextLines.remove(oldKey);
      } else {
        nextLines.put(oldKey, left);
      }
      String newKey = lineKey(after);
      UsageLine line = nextLines.get(newKey);
      if (line == null) {
        line =
            new UsageLine(
                after.periodStart(),
                after.subscriptionId(),
                after.usageType(),
                after.zone(),
                after.band(),
                0,
                0,
                0,
                BigDecimal.ZERO,
                after.offeringId(),
                after.chargeId());
      }
      nextLines.put(newKey, line.plus(after));
    }
    return new UsageBook(nextCounters, nextLines);
  }

  private static UsageCounters minus(UsageCounters counters, RatedUsage usage) {
    return new UsageCounters(
        Math.max(0, counters.roundedQuantity() - usage.roundedQuantity()),
        Math.max(0, counters.allowanceUsed() - usage.allowanceUsed()),
        Math.max(0, counters.chargeableQuantity() - usage.chargeableQuantity()));
  }

  /** The lines of the period starting on {@code periodStart}. */
  public List<UsageLine> linesOf(LocalDate periodStart) {
    return lines.values().stream()
        .filter(line -> line.periodStart().equals(periodStart))
        .sorted(
            java.util.Comparator.comparing(UsageLine::subscriptionId)
                .thenComparing(UsageLine::usageType)
                .thenComparing(line -> Objects.toString(line.zone(), ""))
                .thenComparing(line -> Objects.toString(line.band(), ""))
                .thenComparing(line -> Objects.toString(line.offeringId(), ""))
                .thenComparing(line -> Objects.toString(line.chargeId(), "")))
        .toList();
  }

  private static LocalDate periodOf(String counterKey) {
    return LocalDate.parse(counterKey.substring(counterKey.lastIndexOf(SEP) + 1));
  }
}
