package com.telco.billing.core.creditnote;

import com.telco.billing.core.invoice.InvoiceDraft;
import com.telco.billing.core.invoice.InvoiceLine;
import com.telco.billing.core.invoice.LineType;
import com.telco.billing.core.invoice.TaxItem;
import com.telco.billing.core.period.BillPeriod;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Invoices to credit in tests, their tax computed as the invoice rules do. */
final class CreditNoteSamples {
  private CreditNoteSamples() {}

  static final Currency EUR = Currency.getInstance("EUR");
  static final LocalDate ISSUED = LocalDate.of(2026, 3, 1);

  static InvoiceLine line(LineType type, String amount, String quantity, String category) {
    return new InvoiceLine(
        type,
        type + " " + amount,
        "S1",
        "O1",
        "C1",
        "1",
        ISSUED.minusMonths(1),
        ISSUED,
        quantity == null ? null : new BigDecimal(quantity),
        quantity == null ? null : "unit",
        null,
        new BigDecimal(amount),
        category,
        "4000",
        null,
        null,
        null,
        null,
        null,
        type == LineType.DISCOUNT);
  }

  /** An invoice of {@code lines} with tax per rate ({@code rates} by category; none: exempt). */
  static InvoiceDraft invoice(
      Currency currency, Map<String, BigDecimal> rates, List<InvoiceLine> lines) {
    int minor = currency.getDefaultFractionDigits();
    Map<BigDecimal, BigDecimal> base = new TreeMap<>();
    Map<BigDecimal, List<String>> categories = new TreeMap<>();
    BigDecimal net = BigDecimal.ZERO.setScale(minor);
    for (InvoiceLine l : lines) {
      net = net.add(l.amount());
      BigDecimal rate = rates.get(l.taxCategory());
      if (rate != null) {
        base.merge(rate, l.amount(), BigDecimal::add);
        List<String> c = categories.computeIfAbsent(rate, k -> new ArrayList<>());
        if (!c.contains(l.taxCategory())) {
          c.add(l.taxCategory());
        }
      }
    }
    List<TaxItem> items = new ArrayList<>();
    BigDecimal tax = BigDecimal.ZERO.setScale(minor);
    for (var e : base.entrySet()) {
      BigDecimal t = e.getValue().multiply(e.getKey()).setScale(minor, RoundingMode.HALF_UP);
      items.add(new TaxItem(categories.get(e.getKey()), e.getKey(), e.getValue(), t));
      tax = tax.add(t);
    }
    return new InvoiceDraft(
        "ACC-1",
        "ACME",
        currency,
        ISSUED,
        ISSUED.plusDays(14),
        new BillPeriod(ISSUED.minusMonths(1), ISSUED),
        lines,
        items,
        net,
        tax,
        net.add(tax));
  }
}
