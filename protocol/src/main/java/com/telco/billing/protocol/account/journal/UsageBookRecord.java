package com.telco.billing.protocol.account.journal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * The account's rated usage in its snapshot: the counters rating continues from and the usage lines
 * invoicing bills.
 *
 * @param counters by counter key ({@code subscription|usageType|periodStart})
 * @param lines by line key ({@code periodStart|subscription|usageType|zone|band})
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
      BigDecimal amount) {}
}
