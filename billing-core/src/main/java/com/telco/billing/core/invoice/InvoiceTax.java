package com.telco.billing.core.invoice;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.core.catalog.TaxRate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The tax of an invoice, one item per rate.
 *
 * <p>docs/billing-rules.md, "Tax": each line's rate is the rate of (account jurisdiction, line tax
 * category) in effect on the issue date; {@code tax = HALF_UP(sum of the rounded net lines at that
 * rate * rate)} to the currency's minor units; negative lines lower the base of their rate; a
 * tax-exempt account has no tax at all. Project choices in docs/invoicing.md, "Tax": two categories
 * at one rate share one {@link TaxItem}; items are ordered by rate.
 */
final class InvoiceTax {
  private InvoiceTax() {}

  /**
   * The tax items of {@code lines}, ordered by rate; none for a tax-exempt account.
   *
   * @throws IllegalArgumentException when a line's tax category has no rate on the issue date
   */
  static List<TaxItem> compute(InvoiceContext context, List<InvoiceLine> lines) {
    AccountProfile account = context.account();
    if (account.taxExempt()) {
      return List.of();
    }
    Map<BigDecimal, BigDecimal> taxable = new TreeMap<>();
    Map<BigDecimal, Set<String>> categories = new TreeMap<>();
    // one lookup per category: the table is scanned once for each, not once per line
    Map<String, Optional<TaxRate>> rates = new HashMap<>();
    for (InvoiceLine line : lines) {
      TaxRate rate =
          rates
              .computeIfAbsent(
                  line.taxCategory(),
                  category ->
                      context
                          .catalog()
                          .taxRate(account.taxJurisdiction(), category, context.cycleDate()))
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "no tax rate for ("
                              + account.taxJurisdiction()
                              + ", "
                              + line.taxCategory()
                              + ") on "
                              + context.cycleDate()));
      taxable.merge(rate.rate(), line.amount(), BigDecimal::add);
      categories.computeIfAbsent(rate.rate(), k -> new TreeSet<>()).add(line.taxCategory());
    }
    List<TaxItem> items = new ArrayList<>();
    taxable.forEach(
        (rate, base) ->
            items.add(
                new TaxItem(
                    List.copyOf(categories.get(rate)),
                    rate,
                    base,
                    base.multiply(rate).setScale(context.minorUnits(), InvoiceContext.HALF_UP))));
    return items;
  }
}
