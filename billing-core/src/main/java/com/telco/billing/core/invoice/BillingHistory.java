package com.telco.billing.core.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an account remembers between invoices so that the next invoice bills correctly: the service
 * days charged in advance (to credit them on termination, plan change or suspension), how many bill
 * periods each subscription was charged for (discounts apply to the first {@code n}), which
 * one-time charges were billed, which periods are invoiced, and the usage line totals already
 * billed (late usage is billed as the difference). Plain records, String-keyed maps and lists, so
 * it persists as it is. Immutable; {@link InvoiceCalculator} returns the history after each
 * invoice.
 *
 * <p>Bounded (docs/invoicing.md, "History and its bounds"): charge records of periods before the
 * correction window of the last invoice (its look-back), one-time records triggered before it and
 * usage totals of periods older than {@link InvoiceCalculator#LATE_USAGE_HORIZON_DAYS} days before
 * the cycle date are dropped.
 *
 * @param firstPeriodStart the first date of the first invoiced (closed) period, or {@code null}
 * @param lastCycleDate the cycle date (issue date) of the last invoice, or {@code null}
 * @param recentPeriods the first dates of the invoiced periods that can still receive late usage
 * @param charges the recurring charges billed for the periods from {@code recordsFrom} on
 * @param periodsCharged per subscription id, the highest bill period ordinal it was charged for
 * @param oneTimeCharges the one-time charges billed for triggers from {@code recordsFrom} on
 * @param billedUsage per usage line key ({@code period|subscription|usageType|zone|band}, plus
 *     {@code |offering|charge} for lines kept per charge), the totals already billed
 * @param recordsFrom the first date from which {@code charges} and {@code oneTimeCharges} are
 *     complete; {@code null} for a history never invoiced (nothing was charged) or one written
 *     before corrections looked back (then {@link #correctableFrom()} is its last closed period)
 * @param changesSeen per subscription id, how many entries of its lifecycle history the invoices
 *     have seen (entries are only ever appended); empty in a history written before corrections
 *     looked back
 * @param ordinalsFrom the first period start whose charge records carry a period ordinal counted
 *     from the subscription's lifecycle; records of earlier periods were charged when the ordinal
 *     counted the periods charged, and keep theirs; {@code null} when all records do
 */
public record BillingHistory(
    LocalDate firstPeriodStart,
    LocalDate lastCycleDate,
    Set<LocalDate> recentPeriods,
    List<ChargedService> charges,
    Map<String, Integer> periodsCharged,
    List<BilledOneTimeCharge> oneTimeCharges,
    Map<String, BilledUsage> billedUsage,
    LocalDate recordsFrom,
    Map<String, Integer> changesSeen,
    LocalDate ordinalsFrom) {

  /** The history of an account that was never invoiced. */
  public static final BillingHistory EMPTY =
      new BillingHistory(
          null, null, Set.of(), List.of(), Map.of(), List.of(), Map.of(), null, Map.of(), null);

  public BillingHistory {
    if ((firstPeriodStart == null) != (lastCycleDate == null)) {
      throw new IllegalArgumentException("firstPeriodStart and lastCycleDate go together");
    }
    if (lastCycleDate == null && recordsFrom != null) {
      throw new IllegalArgumentException("recordsFrom needs an invoiced period");
    }
    recentPeriods = Set.copyOf(recentPeriods);
    charges = List.copyOf(charges);
    periodsCharged = Map.copyOf(periodsCharged);
    oneTimeCharges = List.copyOf(oneTimeCharges);
    billedUsage = Map.copyOf(billedUsage);
    changesSeen = Map.copyOf(changesSeen);
  }

  /**
   * A history as written before corrections looked back: its records cover only the last closed and
   * advance periods ({@link #correctableFrom()}), and every lifecycle entry counts as seen.
   */
  public BillingHistory(
      LocalDate firstPeriodStart,
      LocalDate lastCycleDate,
      Set<LocalDate> recentPeriods,
      List<ChargedService> charges,
      Map<String, Integer> periodsCharged,
      List<BilledOneTimeCharge> oneTimeCharges,
      Map<String, BilledUsage> billedUsage) {
    this(
        firstPeriodStart,
        lastCycleDate,
        recentPeriods,
        charges,
        periodsCharged,
        oneTimeCharges,
        billedUsage,
        null,
        Map.of(),
        null);
  }

  /**
   * The first date a correction may reach: nothing was ever charged ({@code null}, no limit) when
   * never invoiced; {@link #recordsFrom()} when set; else (a history written before corrections
   * looked back) the first date of the last closed period, whose records it still holds.
   */
  public LocalDate correctableFrom() {
    if (lastCycleDate == null) {
      return null;
    }
    return recordsFrom != null ? recordsFrom : lastCycleDate.minusMonths(1);
  }

  /** True for a history written before corrections looked back (no lifecycle entries counted). */
  public boolean predatesLookBack() {
    return lastCycleDate != null && recordsFrom == null;
  }

  /**
   * Whether the bill period starting on {@code periodStart} is invoiced (closed): it lies between
   * the first invoiced period and the last cycle date. Usage of such a period is rated late
   * (docs/billing-rules.md, "Records that are refused or held"); use it as {@code
   * RatingContext.of(account, subscriptions, history::invoiced)}.
   */
  public boolean invoiced(LocalDate periodStart) {
    return firstPeriodStart != null
        && !periodStart.isBefore(firstPeriodStart)
        && periodStart.isBefore(lastCycleDate);
  }

  /**
   * The first dates of the invoiced periods that can still receive usage (those within {@link
   * InvoiceCalculator#LATE_USAGE_HORIZON_DAYS} days before the last cycle date), sorted. Older
   * invoiced periods are still answered by {@link #invoiced}.
   */
  public Set<LocalDate> invoicedPeriods() {
    return new TreeSet<>(recentPeriods);
  }

  /**
   * A recurring charge billed for some days of one bill period of one subscription, with the
   * discounts billed on it and the days since credited.
   *
   * @param subscriptionId the subscription
   * @param periodStart first date of the bill period the days belong to
   * @param periodEnd first date after that bill period
   * @param periodOrdinal which bill period of the subscription's charged periods it is (1-based)
   * @param offeringId the offering charged
   * @param chargeId the recurring charge
   * @param catalogVersion the catalog version it was priced with
   * @param description the line's description
   * @param taxCategory the charge's tax category (also its discounts')
   * @param glCode the charge's GL code
   * @param from first date charged
   * @param until first date after the dates charged
   * @param amount the rounded amount charged for {@code [from, until)}
   * @param discounts the discount lines billed on it
   * @param creditedDates the dates of {@code [from, until)} credited since, sorted
   */
  public record ChargedService(
      String subscriptionId,
      LocalDate periodStart,
      LocalDate periodEnd,
      int periodOrdinal,
      String offeringId,
      String chargeId,
      String catalogVersion,
      String description,
      String taxCategory,
      String glCode,
      LocalDate from,
      LocalDate until,
      BigDecimal amount,
      List<ChargedDiscount> discounts,
      List<LocalDate> creditedDates) {

    public ChargedService {
      Objects.requireNonNull(subscriptionId, "subscriptionId");
      Objects.requireNonNull(periodStart, "periodStart");
      Objects.requireNonNull(periodEnd, "periodEnd");
      Objects.requireNonNull(offeringId, "offeringId");
      Objects.requireNonNull(chargeId, "chargeId");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(until, "until");
      Objects.requireNonNull(amount, "amount");
      discounts = List.copyOf(discounts);
      creditedDates = List.copyOf(new TreeSet<>(creditedDates));
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ChargedService other
          && subscriptionId.equals(other.subscriptionId)
          && periodStart.equals(other.periodStart)
          && periodEnd.equals(other.periodEnd)
          && periodOrdinal == other.periodOrdinal
          && offeringId.equals(other.offeringId)
          && chargeId.equals(other.chargeId)
          && Objects.equals(catalogVersion, other.catalogVersion)
          && Objects.equals(description, other.description)
          && Objects.equals(taxCategory, other.taxCategory)
          && Objects.equals(glCode, other.glCode)
          && from.equals(other.from)
          && until.equals(other.until)
          && Amounts.same(amount, other.amount)
          && discounts.equals(other.discounts)
          && creditedDates.equals(other.creditedDates);
    }

    @Override
    public int hashCode() {
      return Objects.hash(
          subscriptionId, periodStart, chargeId, from, until, Amounts.hash(amount), creditedDates);
    }
  }

  /**
   * A discount line billed on a {@link ChargedService}.
   *
   * @param discountId the catalog discount
   * @param description the line's description
   * @param glCode the discount's GL code
   * @param amount the rounded (negative) amount billed
   */
  public record ChargedDiscount(
      String discountId, String description, String glCode, BigDecimal amount) {
    public ChargedDiscount {
      Objects.requireNonNull(discountId, "discountId");
      Objects.requireNonNull(amount, "amount");
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ChargedDiscount other
          && discountId.equals(other.discountId)
          && Objects.equals(description, other.description)
          && Objects.equals(glCode, other.glCode)
          && Amounts.same(amount, other.amount);
    }

    @Override
    public int hashCode() {
      return Objects.hash(discountId, Amounts.hash(amount));
    }
  }

  /**
   * A one-time charge billed for one trigger.
   *
   * @param subscriptionId the subscription
   * @param chargeId the one-time charge
   * @param trigger the trigger's name ({@code ACTIVATION}, ...)
   * @param triggerDate the lifecycle date that triggered it
   */
  public record BilledOneTimeCharge(
      String subscriptionId, String chargeId, String trigger, LocalDate triggerDate) {
    public BilledOneTimeCharge {
      Objects.requireNonNull(subscriptionId, "subscriptionId");
      Objects.requireNonNull(chargeId, "chargeId");
      Objects.requireNonNull(trigger, "trigger");
      Objects.requireNonNull(triggerDate, "triggerDate");
    }
  }

  /**
   * The totals of one usage line already billed (on its period's invoice and as late usage since).
   *
   * @param quantity rounded quantity, base units
   * @param chargeableQuantity chargeable quantity, base units
   * @param records number of records
   * @param amount the sum of the rated amounts, scale 6 (unrounded)
   */
  public record BilledUsage(
      long quantity, long chargeableQuantity, long records, BigDecimal amount) {
    public BilledUsage {
      Objects.requireNonNull(amount, "amount");
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof BilledUsage other
          && quantity == other.quantity
          && chargeableQuantity == other.chargeableQuantity
          && records == other.records
          && Amounts.same(amount, other.amount);
    }

    @Override
    public int hashCode() {
      return Objects.hash(quantity, chargeableQuantity, records, Amounts.hash(amount));
    }
  }
}
