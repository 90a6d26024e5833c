package com.telco.billing.core.creditnote;

import com.telco.billing.core.invoice.TaxItem;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The amounts of a credit note, all positive (what is credited; documents show them with the
 * opposite sign of the invoice's).
 *
 * @param lines the credited lines, in the order asked
 * @param taxItems the tax reversed, per rate (rate order), each with the credited net base
 * @param taxExcludedAmount sum of the credited net amounts
 * @param taxAmount sum of the tax reversed
 * @param taxIncludedAmount the credit: net plus tax
 */
public record CreditNoteDraft(
    List<CreditedLine> lines,
    List<TaxItem> taxItems,
    BigDecimal taxExcludedAmount,
    BigDecimal taxAmount,
    BigDecimal taxIncludedAmount) {
  public CreditNoteDraft {
    lines = List.copyOf(lines);
    taxItems = List.copyOf(taxItems);
    Objects.requireNonNull(taxExcludedAmount, "taxExcludedAmount");
    Objects.requireNonNull(taxAmount, "taxAmount");
    Objects.requireNonNull(taxIncludedAmount, "taxIncludedAmount");
  }
}
