package com.telco.billing.node.invoice.render;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.core.invoice.InvoiceDraft;
import com.telco.billing.core.invoice.InvoiceLine;
import com.telco.billing.core.invoice.TaxItem;
import java.util.ArrayList;
import java.util.List;

/**
 * The printed content of an invoice, as text, shared by {@link InvoiceHtml} and {@link InvoicePdf}
 * so that both show the same thing. Service periods are shown with both dates inclusive (the last
 * date is the exclusive end minus one day). Amounts have the currency's minor units.
 */
record InvoiceView(
    String seller,
    String customerName,
    String accountId,
    String number,
    List<Field> fields,
    String currency,
    List<Row> lines,
    List<TaxRow> taxes,
    String taxNote,
    String net,
    String tax,
    String total,
    String paymentTerms) {

  /** A labelled header value (invoice number, dates, period, ...). */
  record Field(String label, String value) {}

  /** One invoice line. {@code details} may be empty. */
  record Row(
      String type,
      String description,
      String details,
      String servicePeriod,
      String quantity,
      String unitPrice,
      String amount) {}

  /** The tax at one rate. */
  record TaxRow(String rate, String categories, String taxable, String tax) {}

  static final String SEP = " \u00b7 ";

  static InvoiceView of(InvoiceDocument doc) {
    InvoiceDraft inv = doc.invoice();
    AccountProfile account = doc.account();
    var cur = inv.currency();
    List<Field> fields =
        List.of(
            new Field("Invoice number", doc.number()),
            new Field("Issue date", inv.issueDate().toString()),
            new Field("Due date", inv.dueDate().toString()),
            new Field(
                "Billing period",
                InvoiceFormat.inclusivePeriod(
                    inv.billingPeriod().start(), inv.billingPeriod().end())),
            new Field("Currency", cur.getCurrencyCode()));
    List<Row> rows = new ArrayList<>(inv.lines().size());
    for (InvoiceLine l : inv.lines()) {
      rows.add(row(l, cur));
    }
    List<TaxRow> taxes = new ArrayList<>(inv.taxItems().size());
    for (TaxItem t : inv.taxItems()) {
      taxes.add(
          new TaxRow(
              InvoiceFormat.percent(t.rate()),
              String.join(", ", t.taxCategories()),
              InvoiceFormat.amount(t.taxableAmount(), cur),
              InvoiceFormat.amount(t.taxAmount(), cur)));
    }
    String taxNote =
        !taxes.isEmpty()
            ? ""
            : account.taxExempt() ? "Tax-exempt account: no tax charged." : "No tax charged.";
    String total = InvoiceFormat.amount(inv.taxIncludedAmount(), cur);
    String terms =
        (account.paymentTermsDays() == 0
                ? "Payable on receipt"
                : "Payable within " + account.paymentTermsDays() + " days of the issue date")
            + ": please pay "
            + total
            + " "
            + cur.getCurrencyCode()
            + " by "
            + inv.dueDate()
            + ", quoting invoice number "
            + doc.number()
            + ".";
    return new InvoiceView(
        inv.legalEntity(),
        account.name(),
        account.accountId(),
        doc.number(),
        fields,
        cur.getCurrencyCode(),
        rows,
        taxes,
        taxNote,
        InvoiceFormat.amount(inv.taxExcludedAmount(), cur),
        InvoiceFormat.amount(inv.taxAmount(), cur),
        total,
        terms);
  }

  private static Row row(InvoiceLine l, java.util.Currency cur) {
    String type = InvoiceFormat.typeLabel(l.type()) + (l.credit() ? " (credit)" : "");
    List<String> details = new ArrayList<>();
    if (l.subscriptionId() != null) {
      details.add("Subscription " + l.subscriptionId());
    }
    if (l.usageType() != null) {
      StringBuilder u = new StringBuilder(l.usageType());
      if (l.zone() != null) {
        u.append(" / ").append(l.zone());
      }
      if (l.band() != null) {
        u.append(" / ").append(l.band());
      }
      details.add(u.toString());
    }
    if (l.records() != null) {
      details.add(l.records() + (l.records() == 1 ? " record" : " records"));
    }
    if (l.originalPeriodStart() != null) {
      details.add("usage of the period from " + l.originalPeriodStart());
    }
    details.add("tax " + l.taxCategory());
    String quantity =
        l.quantity() == null
            ? ""
            : InvoiceFormat.decimal(l.quantity()) + (l.unit() == null ? "" : " " + l.unit());
    return new Row(
        type,
        l.description(),
        String.join(SEP, details),
        InvoiceFormat.inclusivePeriod(l.servicePeriodStart(), l.servicePeriodEnd()),
        quantity,
        l.unitPrice() == null ? "" : InvoiceFormat.unitPrice(l.unitPrice(), cur),
        InvoiceFormat.amount(l.amount(), cur));
  }
}
