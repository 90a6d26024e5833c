package com.telco.billing.protocol.usage;

import com.telco.billing.protocol.CborSerializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The open bill period's rated usage of an account ("bill so far"): per subscription, usage type,
 * zone and band the quantity, record count and amount, the allowance used and left, and the running
 * total. Amounts are the sums of the rated amounts at scale 6; the invoice rounds each line once.
 */
public record CurrentUsage(
    String accountId,
    LocalDate periodStart,
    LocalDate periodEnd,
    String currency,
    List<Line> lines,
    List<Allowance> allowances,
    BigDecimal total)
    implements CborSerializable {

  /** Rated usage of one subscription, usage type, zone and band in the period. */
  public record Line(
      String subscriptionId,
      String usageType,
      String zone,
      String band,
      long quantity,
      long chargeableQuantity,
      long records,
      BigDecimal amount) {}

  /** Included allowance of one subscription and usage type in the period. */
  public record Allowance(
      String subscriptionId, String usageType, long included, long used, long left) {}
}
