package com.telco.billing.node.payment.directdebit;

import java.util.concurrent.CompletionStage;

/**
 * Where a bank return of a direct debit goes: the debtor's account reverses the payment {@link
 * FileEntry#paymentId()} recorded and reopens the invoice it paid ({@code POST
 * /direct-debits/{fileId}/returns}).
 *
 * <p>Called at most once per file and end-to-end id in the normal course; after a crash between the
 * call and the recording of its outcome it is called again for the same entry, so an implementation
 * answers a repeated return of the same payment with {@link ReturnOutcome.Status#ALREADY_REVERSED}
 * rather than reverse it twice. A failed stage (e.g. a refusal) records nothing; the bank's return
 * can be posted again.
 */
public interface DirectDebitReturns {
  /**
   * @param entry the returned transaction
   * @param reasonCode its ISO 20022 external return reason code (e.g. {@code AC04}), already
   *     checked
   */
  CompletionStage<ReturnOutcome> returned(FileEntry entry, String reasonCode);
}
