package com.telco.billing.protocol.payment;

import com.telco.billing.protocol.CborSerializable;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The account's answer to the collection driver's {@code CollectDue} for one invoice: what it did
 * and when, if ever, the driver should ask again.
 */
public sealed interface CollectionStatus extends CborSerializable
    permits CollectionStatus.NothingToCollect,
        CollectionStatus.Collected,
        CollectionStatus.Pending,
        CollectionStatus.Failed,
        CollectionStatus.DirectDebitScheduled {

  /**
   * Nothing to collect automatically: the invoice is settled, or the account pays by bank transfer
   * or has no payment method. The driver forgets the invoice.
   *
   * @param reason {@code settled}, {@code manual}, {@code no_payment_method}, {@code
   *     unknown_invoice}
   */
  record NothingToCollect(String reason) implements CollectionStatus {}

  /** The gateway captured the payment {@code paymentId}. The driver forgets the invoice. */
  record Collected(String paymentId) implements CollectionStatus {}

  /**
   * An attempt is under way (a gateway answer not yet had, or {@code processing} awaiting its
   * webhook), or the invoice's collection date has not come ({@code paymentId} null): the driver
   * asks again on {@code askAgainOn} (today: on its next round).
   */
  record Pending(String paymentId, LocalDate askAgainOn) implements CollectionStatus {
    public Pending {
      Objects.requireNonNull(askAgainOn, "askAgainOn");
    }
  }

  /**
   * The attempt was declined. {@code nextAttemptOn} is the date of the next attempt of the retry
   * schedule, or {@code null} when there is none (a hard decline, or the schedule is exhausted).
   */
  record Failed(String code, LocalDate nextAttemptOn) implements CollectionStatus {}

  /**
   * The account pays by SEPA direct debit: the collection goes into the direct debit file of its
   * legal entity and collection date. The same instruction comes back for the same invoice until it
   * is filed.
   */
  record DirectDebitScheduled(DirectDebitInstruction instruction) implements CollectionStatus {
    public DirectDebitScheduled {
      Objects.requireNonNull(instruction, "instruction");
    }
  }
}
