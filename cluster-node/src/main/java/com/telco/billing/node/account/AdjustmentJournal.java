package com.telco.billing.node.account;

import com.telco.billing.core.adjustment.OneOffCharge;
import com.telco.billing.core.adjustment.OneOffCharges;
import com.telco.billing.core.receivable.Dispute;
import com.telco.billing.core.receivable.Disputes;
import com.telco.billing.protocol.account.journal.ReceivableFact;
import java.util.List;
import java.util.Optional;

/**
 * Maps the journal's adjustment facts (one-off charges, disputes, write-offs; docs/adjustments.md)
 * to {@code billing-core}'s {@link OneOffCharges} and {@link Disputes}. They are receivable facts:
 * the account's receivable history (kept in its snapshots) holds them, and the charges and disputes
 * are read from it, so the snapshot has no field of its own for them. A write-off also changes the
 * payment book ({@link PaymentJournal#apply}).
 */
final class AdjustmentJournal {
  private AdjustmentJournal() {}

  /** Whether {@code fact} is a charge or dispute fact (no change of the payment book). */
  static boolean isAdjustment(ReceivableFact fact) {
    return fact instanceof ReceivableFact.ChargeAdded
        || fact instanceof ReceivableFact.ChargesBilled
        || fact instanceof ReceivableFact.DisputeOpened
        || fact instanceof ReceivableFact.DisputeResolved;
  }

  /** The one-off charges {@code history} records. */
  static OneOffCharges chargesOf(List<ReceivableFact> history) {
    OneOffCharges charges = OneOffCharges.NONE;
    for (ReceivableFact fact : history) {
      if (fact instanceof ReceivableFact.ChargeAdded f) {
        charges =
            charges.add(
                new OneOffCharge(
                    f.chargeId(),
                    f.date(),
                    f.amount(),
                    f.description(),
                    f.taxCategory(),
                    f.glCode(),
                    null));
      } else if (fact instanceof ReceivableFact.ChargesBilled f) {
        charges = charges.billed(f.invoiceNumber(), f.chargeIds());
      }
    }
    return charges;
  }

  /** The disputes {@code history} records. */
  static Disputes disputesOf(List<ReceivableFact> history) {
    Disputes disputes = Disputes.NONE;
    for (ReceivableFact fact : history) {
      if (fact instanceof ReceivableFact.DisputeOpened f) {
        disputes =
            disputes.open(
                Dispute.opened(f.disputeId(), f.invoiceNumber(), f.amount(), f.reason(), f.date()));
      } else if (fact instanceof ReceivableFact.DisputeResolved f) {
        disputes = disputes.resolve(f.disputeId(), statusOf(f.outcome()), f.date(), f.remaining());
      }
    }
    return disputes;
  }

  /** The status a resolution's wire name stands for: {@code released} or {@code upheld}. */
  static Dispute.Status statusOf(String outcome) {
    for (Dispute.Status status : Dispute.Status.values()) {
      if (status.wireName().equals(outcome)) {
        return status;
      }
    }
    throw new IllegalArgumentException("unknown dispute outcome " + outcome);
  }

  /** The charge fact of {@code chargeId}, if recorded. */
  static Optional<ReceivableFact.ChargeAdded> chargeFact(
      List<ReceivableFact> history, String chargeId) {
    return history.stream()
        .filter(ReceivableFact.ChargeAdded.class::isInstance)
        .map(ReceivableFact.ChargeAdded.class::cast)
        .filter(f -> f.chargeId().equals(chargeId))
        .findFirst();
  }

  /** The dispute fact of {@code disputeId}, if recorded. */
  static Optional<ReceivableFact.DisputeOpened> disputeFact(
      List<ReceivableFact> history, String disputeId) {
    return history.stream()
        .filter(ReceivableFact.DisputeOpened.class::isInstance)
        .map(ReceivableFact.DisputeOpened.class::cast)
        .filter(f -> f.disputeId().equals(disputeId))
        .findFirst();
  }

  /** The credit note the dispute {@code disputeId} was upheld with, if any. */
  static Optional<String> creditNoteOf(List<ReceivableFact> history, String disputeId) {
    return history.stream()
        .filter(ReceivableFact.DisputeResolved.class::isInstance)
        .map(ReceivableFact.DisputeResolved.class::cast)
        .filter(f -> f.disputeId().equals(disputeId) && f.creditNoteNumber() != null)
        .map(ReceivableFact.DisputeResolved::creditNoteNumber)
        .findFirst();
  }

  /** The write-off fact of {@code writeOffId}, if recorded. */
  static Optional<ReceivableFact.InvoiceWrittenOff> writeOffFact(
      List<ReceivableFact> history, String writeOffId) {
    return history.stream()
        .filter(ReceivableFact.InvoiceWrittenOff.class::isInstance)
        .map(ReceivableFact.InvoiceWrittenOff.class::cast)
        .filter(f -> f.writeOffId().equals(writeOffId))
        .findFirst();
  }
}
