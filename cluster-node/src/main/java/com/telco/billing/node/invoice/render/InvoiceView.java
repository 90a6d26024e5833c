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
 * date is the exclusive end minus one day). Amounts have the currency's minor units. Texts taken
 * from the invoice or the account are {@linkplain #text made printable}. When unallocated credit of
 * the account was applied to the invoice, the totals go on with "Credit applied" and "Amount due",
 * and the payment terms ask for the amount due.
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
    String creditApplied,
    String amountDue,
    String paymentTerms) {

  InvoiceView {
    seller = text(seller);
    customerName = text(customerName);
    accountId = text(accountId);
    number = text(number);
    currency = text(currency);
    taxNote = text(taxNote);
    creditApplied = text(creditApplied);
    amountDue = text(amountDue);
    paymentTerms = text(paymentTerms);
  }

  /** A labelled header value (invoice number, dates, period, ...). */
  record Field(String label, String value) {
    Field {
      label = text(label);
      value = text(value);
    }
  }

  /** One invoice line. {@code details} may be empty. */
  record Row(
      String type,
      String description,
      String details,
      String servicePeriod,
      String quantity,
      String unitPrice,
      String amount) {
    Row {
      type = text(type);
      description = text(description);
      details = text(details);
      servicePeriod = text(servicePeriod);
      quantity = text(quantity);
      unitPrice = text(unitPrice);
      amount = text(amount);
    }
  }

  /** The tax at one rate. */
  record TaxRow(String rate, String categories, String taxable, String tax) {
    TaxRow {
      rate = text(rate);
      categories = text(categories);
      taxable = text(taxable);
      tax = text(tax);
    }
  }

  static final String SEP = " \u00b7 ";

  /** Whether an issued invoice has nothing left to pay. */
  private static boolean settled(InvoiceDocument doc) {
    return !doc.isPreview()
        && doc.settlement().state() == com.telco.billing.core.receivable.ItemState.SETTLED;
  }

  /** Whether the totals show the credit applied and the amount due. */
  boolean hasCreditApplied() {
    return !creditApplied.isEmpty();
  }

  /** The printed state of a document: {@code Preview}, {@code Sent}, {@code Partially paid}, ... */
  static String stateLabel(InvoiceDocument doc) {
    if (doc.isPreview()) {
      return "Preview";
    }
    return switch (doc.settlement().state()) {
      case SENT -> "Sent";
      case PARTIALLY_PAID -> "Partially paid";
      case SETTLED -> "Settled";
      case ON_HOLD -> "On hold";
    };
  }

  /**
   * {@code text} with the characters HTML and XML 1.0 do not allow in a document (control
   * characters other than tab, line feed and carriage return, unpaired surrogates, U+FFFE, U+FFFF)
   * replaced by U+FFFD, so that every page is well-formed. {@code null} is the empty string.
   */
  static String text(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean allowed;
      if (Character.isHighSurrogate(c)) {
        allowed = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        if (allowed) {
          if (out != null) {
            out.append(c);
          }
          c = text.charAt(++i);
        }
      } else {
        allowed =
            !Character.isLowSurrogate(c)
                && (c >= 0x20 || c == '\t' || c == '\n' || c == '\r')
                && (c < 0x7f || c > 0x9f)
                && c != '\uFFFE'
                && c != '\uFFFF';
      }
      if (!allowed && out == null) {
        out = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (out != null) {
        out.append(allowed ? c : '\uFFFD');
      }
    }
    return out == null ? text : out.toString();
  }

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
            new Field("Currency", cur.getCurrencyCode()),
            new Field("State", stateLabel(doc)));
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
    boolean credited = doc.hasCreditApplied();
    String amountDue = InvoiceFormat.amount(doc.settlement().amountDue(), cur);
    String terms =
        settled(doc)
            ? "Nothing to pay: this invoice is settled."
            : (account.paymentTermsDays() == 0
                    ? "Payable on receipt"
                    : "Payable within " + account.paymentTermsDays() + " days of the issue date")
                + ": please pay "
                + (credited ? amountDue : total)
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
        credited ? InvoiceFormat.amount(doc.settlement().creditApplied().negate(), cur) : "",
        credited ? amountDue : "",
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
