package com.telco.billing.protocol.account.journal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What an account remembers of its billing between invoices, in the journal.
 *
 * @param firstPeriodStart the first date of the first invoiced period, or {@code null} (never
 *     invoiced)
 * @param lastCycleDate the cycle date of the last invoice, or {@code null} (never invoiced)
 * @param recentPeriods the first dates of the invoiced periods that can still receive late usage,
 *     in date order
 * @param billedUsage per usage line key, the totals already billed
 * @param recordsFrom the first date from which the charge and one-time records are complete; absent
 *     ({@code null}) in histories written before corrections looked back
 * @param changesSeen per subscription, the number of its lifecycle entries the invoices saw; absent
 *     (read as empty) in histories written before corrections looked back
 */
public record BillingHistoryRecord(
    LocalDate firstPeriodStart,
    LocalDate lastCycleDate,
    List<LocalDate> recentPeriods,
    List<ChargedService> charges,
    Map<String, Integer> periodsCharged,
    List<BilledOneTimeCharge> oneTimeCharges,
    Map<String, BilledUsage> billedUsage,
    LocalDate recordsFrom,
    Map<String, Integer> changesSeen,
    LocalDate ordinalsFrom) {

  public BillingHistoryRecord {
    changesSeen = changesSeen == null ? Map.of() : Map.copyOf(changesSeen);
    // a set on the domain side: kept in date order so that equal histories are equal records
    recentPeriods = recentPeriods.stream().sorted().toList();
    charges = List.copyOf(charges);
    periodsCharged = Map.copyOf(periodsCharged);
    oneTimeCharges = List.copyOf(oneTimeCharges);
    billedUsage = Map.copyOf(billedUsage);
  }

  /** A recurring charge billed for a period. */
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
      discounts = List.copyOf(discounts);
      creditedDates = List.copyOf(creditedDates);
    }
  }

  /** A discount applied to a charged service. */
  public record ChargedDiscount(
      String discountId, String description, String glCode, BigDecimal amount) {}

  /** A one-time charge billed for its trigger. */
  public record BilledOneTimeCharge(
      String subscriptionId, String chargeId, String trigger, LocalDate triggerDate) {}

  /** The totals of a usage line already billed. */
  public record BilledUsage(
      long quantity, long chargeableQuantity, long records, BigDecimal amount) {}
}
