package com.telco.billing.protocol.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.telco.billing.core.receivable.Statement;
import com.telco.billing.protocol.payment.StatementView;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /accounts/{id}/statement}: the balance brought forward, every invoice, payment,
 * refund, chargeback and bank return of the range with the running balance, and the closing
 * balance. An entry's amount raises the balance (invoice, refund, chargeback, return) or lowers it
 * (payment, chargeback won).
 */
public record StatementResponse(
    String accountId,
    String accountName,
    String currency,
    LocalDate from,
    LocalDate to,
    MoneyValue openingBalance,
    List<Entry> entries,
    MoneyValue closingBalance) {

  /**
   * @param type {@code invoice}, {@code payment}, {@code refund}, {@code chargeback}, {@code
   *     chargeback_won}, {@code return} or {@code credit_note}
   * @param reference the invoice number, payment, refund, dispute or return id
   * @param paymentId the payment a refund, chargeback or return belongs to
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Entry(
      LocalDate date,
      String type,
      String reference,
      String paymentId,
      MoneyValue amount,
      MoneyValue balance) {}

  public static StatementResponse of(StatementView view) {
    Currency currency = view.profile().currency();
    Statement s = view.statement();
    List<Entry> entries = new ArrayList<>();
    for (Statement.Entry e : s.entries()) {
      entries.add(
          new Entry(
              e.date(),
              e.kind().name().toLowerCase(Locale.ROOT),
              e.reference(),
              e.paymentId(),
              MoneyValue.of(e.amount(), currency),
              MoneyValue.of(e.balance(), currency)));
    }
    return new StatementResponse(
        view.profile().accountId(),
        view.profile().name(),
        currency.getCurrencyCode(),
        s.from(),
        s.to(),
        MoneyValue.of(s.opening(), currency),
        entries,
        MoneyValue.of(s.closing(), currency));
  }
}
