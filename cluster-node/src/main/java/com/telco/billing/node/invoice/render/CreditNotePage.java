package com.telco.billing.node.invoice.render;

import com.telco.billing.core.creditnote.CreditNoteDraft;
import com.telco.billing.core.creditnote.CreditedLine;
import com.telco.billing.core.invoice.TaxItem;
import com.telco.billing.protocol.invoice.CreditNoteView;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

/**
 * What the credit note page shows, every value already in its printed form: amounts with the
 * currency's minor units and the sign of their effect on what the customer owes (credits are
 * negative), ISO dates.
 */
record CreditNotePage(
    String number,
    String invoiceNumber,
    String accountId,
    String accountName,
    String legalEntity,
    String currency,
    String issueDate,
    String reason,
    String description,
    List<Row> rows,
    List<Tax> taxes,
    String net,
    String tax,
    String total,
    String allocated,
    String refunded) {

  /** One credited line. */
  record Row(String line, String description, String taxCategory, String quantity, String amount) {}

  /** The tax reversed at one rate. */
  record Tax(String categories, String rate, String base, String amount) {}

  static CreditNotePage of(CreditNoteView view) {
    Currency cur = view.account().currency();
    CreditNoteDraft d = view.draft();
    List<Row> rows =
        d.lines().stream()
            .map(
                (CreditedLine l) ->
                    new Row(
                        view.invoiceNumber() + "-" + l.line(),
                        l.description(),
                        l.taxCategory(),
                        l.quantity() == null ? "" : InvoiceFormat.decimal(l.quantity()),
                        negative(l.amount(), cur)))
            .toList();
    List<Tax> taxes =
        d.taxItems().stream()
            .map(
                (TaxItem t) ->
                    new Tax(
                        String.join(", ", t.taxCategories()),
                        InvoiceFormat.percent(t.rate()),
                        negative(t.taxableAmount(), cur),
                        negative(t.taxAmount(), cur)))
            .toList();
    return new CreditNotePage(
        view.number(),
        view.invoiceNumber(),
        view.account().accountId(),
        view.account().name(),
        view.account().legalEntity(),
        cur.getCurrencyCode(),
        view.issueDate().toString(),
        view.reason().wire().replace('_', ' '),
        view.description() == null ? "" : view.description(),
        rows,
        taxes,
        negative(d.taxExcludedAmount(), cur),
        negative(d.taxAmount(), cur),
        negative(d.taxIncludedAmount(), cur),
        InvoiceFormat.amount(view.allocated(), cur),
        InvoiceFormat.amount(view.refunded(), cur));
  }

  private static String negative(BigDecimal amount, Currency cur) {
    return InvoiceFormat.amount(amount.negate(), cur);
  }
}
