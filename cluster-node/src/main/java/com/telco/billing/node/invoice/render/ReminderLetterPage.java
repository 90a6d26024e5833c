package com.telco.billing.node.invoice.render;

import java.util.Currency;
import java.util.List;

/**
 * What the reminder letter page ({@code src/main/jte/reminder-letter.jte}) shows, every value in
 * its printed form: amounts with exactly the currency's minor units, ISO dates, texts stripped of
 * control characters.
 */
record ReminderLetterPage(
    String accountId,
    String accountName,
    String seller,
    String currency,
    String stepName,
    String reference,
    String date,
    List<Row> rows,
    String totalOverdue,
    long daysPastDue,
    String paymentInstructions) {

  /** One open invoice past due. */
  record Row(
      String number,
      String issueDate,
      String dueDate,
      long daysPastDue,
      String total,
      String remaining) {}

  static ReminderLetterPage of(ReminderLetterView v) {
    Currency cur = v.currency();
    List<Row> rows =
        v.items().stream()
            .map(
                i ->
                    new Row(
                        InvoiceView.text(i.number()),
                        i.issueDate().toString(),
                        i.dueDate().toString(),
                        i.daysPastDue(),
                        InvoiceFormat.amount(i.total(), cur),
                        InvoiceFormat.amount(i.remaining(), cur)))
            .toList();
    String total = InvoiceFormat.amount(v.totalOverdue(), cur);
    String reference = reference(v);
    return new ReminderLetterPage(
        InvoiceView.text(v.accountId()),
        InvoiceView.text(v.accountName()),
        InvoiceView.text(v.legalEntity()),
        cur.getCurrencyCode(),
        InvoiceView.text(v.stepName()),
        InvoiceView.text(reference),
        v.letterDate().toString(),
        rows,
        total,
        v.daysPastDue(),
        "Please pay "
            + total
            + " "
            + cur.getCurrencyCode()
            + " now, quoting your account "
            + InvoiceView.text(v.accountId())
            + " and the reference "
            + InvoiceView.text(reference)
            + ". If you have paid in the meantime, please disregard this letter.");
  }

  /** The letter's reference: account, episode and step, as in the route that serves it. */
  static String reference(ReminderLetterView v) {
    return "R-" + v.accountId() + "-" + v.episode() + "-" + v.stepIndex();
  }
}
