package com.telco.billing.protocol.account.journal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * The account's rated usage in its snapshot: the counters rating continues from and the usage lines
 * invoicing bills.
 *
 * @param counters by counter key ({@code subscription|usageType|periodStart})
 * @param lines by line key ({@code periodStart|subscription|usageType|zone|band|offering|charge},
 *     without offering and charge for lines kept before lines were split per charge)
 */
public record UsageBookRecord(Map<String, Counters> counters, Map<String, Line> lines) {

  public UsageBookRecord {
    counters = Map.copyOf(counters);
    lines = Map.copyOf(lines);
  }

  /** The quantities rated against one counter. */
  public record Counters(long roundedQuantity, long allowanceUsed, long chargeableQuantity) {}

  /**
   * The totals of one usage line.
   *
   * @param zone the zone, or {@code null}
   * @param band the time band, or {@code null}
   * @param offeringId the offering whose charge priced the records; absent ({@code null}) in lines
   *     kept before lines were split per charge
   * @param chargeId the usage charge that priced the records, absent with {@code offeringId}
   */
  public record Line(
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
      String chargeId) {}
}
