package com.telco.billing.protocol.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.telco.billing.core.receivable.Balance;
import com.telco.billing.protocol.payment.BalanceView;
import java.time.LocalDate;

/**
 * {@code GET /accounts/{id}/balance}: where the account stands today in its zone.
 *
 * @param receivable what its open invoices still owe
 * @param overdueAmount the part of it past due
 * @param daysPastDue days since the due date of the oldest invoice past due and unpaid (0: none)
 * @param oldestPastDueInvoice that invoice's number
 * @param unallocatedCredit money received that no invoice has yet
 * @param balance receivable less unallocated credit (negative: the account is in credit)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BalanceResponse(
    String accountId,
    LocalDate asOf,
    MoneyValue receivable,
    MoneyValue overdueAmount,
    long daysPastDue,
    String oldestPastDueInvoice,
    MoneyValue unallocatedCredit,
    MoneyValue balance) {

  public static BalanceResponse of(BalanceView view) {
    Balance b = view.balance();
    return new BalanceResponse(
        view.accountId(),
        b.asOf(),
        MoneyValue.of(b.receivable(), view.currency()),
        MoneyValue.of(b.overdue(), view.currency()),
        b.daysPastDue(),
        b.oldestPastDue(),
        MoneyValue.of(b.unallocatedCredit(), view.currency()),
        MoneyValue.of(b.balance(), view.currency()));
  }
}
