package com.telco.billing.protocol.rerating;

import com.telco.billing.protocol.CborSerializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What rating an account's usage again changed (docs/rerating.md).
 *
 * @param accountId the account
 * @param currency the account's currency
 * @param selected the records the job's selection chose
 * @param changed the selected records whose rating changed
 * @param unratable the selected records the catalog no longer rates (they keep their rating), by
 *     reason
 * @param openDifference the change of the rated amounts of periods not invoiced yet (scale 6)
 * @param adjustments the adjustment lines for invoiced periods, billed on the next invoice
 */
public record RerateResult(
    String accountId,
    String currency,
    long selected,
    long changed,
    Map<String, Long> unratable,
    BigDecimal openDifference,
    List<Adjustment> adjustments)
    implements CborSerializable {

  public RerateResult {
    unratable = Map.copyOf(unratable);
    adjustments = List.copyOf(adjustments);
  }

  /**
   * An adjustment line re-rating added.
   *
   * @param adjustmentId its id (the line's charge id)
   * @param amount its net amount: above zero a debit, below zero a credit
   * @param description its text
   * @param recordIds the records whose difference it bills
   */
  public record Adjustment(
      String adjustmentId, BigDecimal amount, String description, List<String> recordIds)
      implements CborSerializable {
    public Adjustment {
      recordIds = List.copyOf(recordIds);
    }
  }
}
