package com.telco.billing.node.payment;

import com.telco.billing.node.payment.directdebit.DirectDebitReturns;
import com.telco.billing.node.payment.directdebit.FileEntry;
import com.telco.billing.node.payment.directdebit.ReturnOutcome;
import java.util.concurrent.CompletionStage;

/**
 * Bank returns applied by the debtor's account: the payment of the direct debit reversed, the
 * invoice reopened. The account answers a repeated return with the payment already returned.
 */
public final class AccountDirectDebitReturns implements DirectDebitReturns {
  private final PaymentService payments;

  public AccountDirectDebitReturns(PaymentService payments) {
    this.payments = payments;
  }

  @Override
  public CompletionStage<ReturnOutcome> returned(FileEntry entry, String reasonCode) {
    return payments
        .returnDirectDebit(entry.accountId(), entry.endToEndId(), reasonCode, null)
        .thenApply(payment -> ReturnOutcome.reversed());
  }
}
