package com.telco.billing.core.ledger;

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

/**
 * A chart of accounts and invoices to post in tests, their tax computed as the invoice rules do.
 */
final class LedgerSamples {
  private LedgerSamples() {}

  static final String ENTITY = "ACME";
  static final String AR = "1200-AR";
  static final String BANK = "1000-BANK";
  static final String CARD = "1010-CARD-CLEARING";
  static final String DD = "1020-DD-CLEARING";
  static final String CREDIT = "2300-CUSTOMER-CREDIT";
  static final String DEFERRED = "2400-DEFERRED-REVENUE";
  static final String BAD_DEBT = "6900-BAD-DEBT";
  static final String FEES = "4800-FEES";

  /** Tax rates by category for each jurisdiction used in tests. */
  static final Map<String, Map<String, BigDecimal>> RATES =
      Map.of(
          "DE",
              Map.of(
                  "telecom", new BigDecimal("0.19"),
                  "reduced", new BigDecimal("0.07"),
                  "odd", new BigDecimal("0.205"),
                  "exempt", BigDecimal.ZERO),
          "JP", Map.of("telecom", new BigDecimal("0.10")),
          "BH", Map.of("telecom", new BigDecimal("0.10")));

  static ChartOfAccounts chart() {
    Map<TaxKey, String> tax = new java.util.HashMap<>();
    RATES.forEach(
        (jurisdiction, rates) ->
            rates.forEach(
                (category, rate) ->
                    tax.put(
                        new TaxKey(jurisdiction, category, rate),
                        "2500-TAX-" + jurisdiction + "-" + rate.toPlainString())));
    return new ChartOfAccounts(
        ENTITY,
        AR,
        Map.of("bank_transfer", BANK, "card", CARD, "direct_debit", DD),
        CREDIT,
        DEFERRED,
        tax,
        BAD_DEBT,
        FEES);
  }

  static String taxAccount(String jurisdiction, String rate) {
    return "2500-TAX-" + jurisdiction + "-" + new BigDecimal(rate).toPlainString();
  }

  static InvoiceLine line(
      LineType type,
      String amount,
      LocalDate from,
      LocalDate until,
      String category,
      String glCode,
      boolean credit) {
    return new InvoiceLine(
        type,
        type + " " + amount,
        "S1",
        "O1",
        "C-" + glCode,
        "1",
        from,
        until,
        null,
        null,
        null,
        new BigDecimal(amount),
        category,
        glCode,
        null,
        null,
        null,
        null,
        null,
        credit);
  }

  static InvoiceLine line(
      LineType type,
      String amount,
      LocalDate from,
      LocalDate until,
      String category,
      String glCode) {
    return line(type, amount, from, until, category, glCode, false);
  }

  /**
   * An invoice issued on {@code issued} with tax per rate of {@code jurisdiction} (null: exempt).
   */
  static InvoiceDraft invoice(
      Currency currency, LocalDate issued, String jurisdiction, List<InvoiceLine> lines) {
    int minor = currency.getDefaultFractionDigits();
    Map<String, BigDecimal> rates = jurisdiction == null ? Map.of() : RATES.get(jurisdiction);
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
      List<String> sorted = new ArrayList<>(categories.get(e.getKey()));
      sorted.sort(null);
      items.add(new TaxItem(sorted, e.getKey(), e.getValue(), t));
      tax = tax.add(t);
    }
    return new InvoiceDraft(
        "ACC-1",
        ENTITY,
        currency,
        issued,
        issued.plusDays(14),
        new BillPeriod(issued.minusMonths(1), issued),
        lines,
        items,
        net,
        tax,
        net.add(tax));
  }

  static PostingSource source(String id, Currency currency, LocalDate date, String document) {
    return new PostingSource(id, ENTITY, currency, date, "ACC-1", document);
  }

  static BigDecimal dec(String s) {
    return new BigDecimal(s);
  }

  static InvoiceAmount inv(String number, String amount) {
    return new InvoiceAmount(number, new BigDecimal(amount));
  }
}
