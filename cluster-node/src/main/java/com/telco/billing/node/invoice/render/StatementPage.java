package com.telco.billing.node.invoice.render;

import com.telco.billing.core.receivable.Statement;
import com.telco.billing.protocol.payment.StatementView;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * What the statement page shows, every value already in its printed form: amounts with exactly the
 * currency's minor units, ISO dates.
 *
 * @param rows the entries in date order, each with the running balance after it
 */
record StatementPage(
    String accountId,
    String accountName,
    String currency,
    String from,
    String to,
    String opening,
    List<Row> rows,
    String closing) {

  /** One entry of the statement. */
  record Row(
      String date,
      String type,
      String reference,
      String paymentId,
      String amount,
      String balance) {}

  static StatementPage of(StatementView view) {
    Currency cur = view.profile().currency();
    Statement s = view.statement();
    List<Row> rows =
        s.entries().stream()
            .map(
                e ->
                    new Row(
                        e.date().toString(),
                        label(e.kind()),
                        e.reference(),
                        e.paymentId(),
                        InvoiceFormat.amount(e.amount(), cur),
                        InvoiceFormat.amount(e.balance(), cur)))
            .toList();
    return new StatementPage(
        view.profile().accountId(),
        view.profile().name(),
        cur.getCurrencyCode(),
        s.from().toString(),
        s.to().toString(),
        InvoiceFormat.amount(s.opening(), cur),
        rows,
        InvoiceFormat.amount(s.closing(), cur));
  }

  /** The entry's kind for people: {@code CHARGEBACK_WON} is "Chargeback won". */
  static String label(Statement.Kind kind) {
    String words = kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
