package com.telco.billing.node.adjustment;

import com.telco.billing.core.validation.Validated;
import com.telco.billing.node.invoice.InvoicingService;
import com.telco.billing.node.payment.PaymentIds;
import com.telco.billing.node.payment.PaymentService;
import com.telco.billing.protocol.Origin;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.account.AccountCommand;
import com.telco.billing.protocol.adjustment.ChargeList;
import com.telco.billing.protocol.adjustment.ChargeResult;
import com.telco.billing.protocol.adjustment.DisputeList;
import com.telco.billing.protocol.adjustment.DisputeResult;
import com.telco.billing.protocol.adjustment.DisputeView;
import com.telco.billing.protocol.adjustment.WriteOffResult;
import com.telco.billing.protocol.http.ChargeRequest;
import com.telco.billing.protocol.http.DisputeRequest;
import com.telco.billing.protocol.http.DisputeResolutionRequest;
import com.telco.billing.protocol.http.WriteOffRequest;
import com.telco.billing.sharding.EntityKeys;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.pattern.StatusReply;

/**
 * The adjustment operations behind the HTTP API (docs/adjustments.md): validates input, derives the
 * ids of idempotent requests from their {@code Idempotency-Key}, finds the account of an invoice in
 * the invoice register, asks the account and answers its result; a refusal fails the answer with a
 * {@code RefusedException}. No money logic lives here.
 */
public final class AdjustmentService {
  private final ClusterSharding sharding;
  private final InvoicingService invoicing;
  private final com.telco.billing.node.invoice.CreditNoteService creditNotes;
  private final Duration askTimeout;

  public AdjustmentService(ActorSystem<?> system, InvoicingService invoicing, Duration askTimeout) {
    this.sharding = ClusterSharding.get(system);
    this.invoicing = invoicing;
    this.creditNotes = invoicing.creditNotes();
    this.askTimeout = askTimeout;
  }

  private EntityRef<AccountCommand> account(String accountId) {
    return sharding.entityRefFor(EntityKeys.ACCOUNT, accountId);
  }

  private static <T> CompletionStage<T> refused(Refusal refusal) {
    return CompletableFuture.failedFuture(refusal.toException());
  }

  /** The account whose invoice {@code number} is; 404 {@code invoice_not_found} if none. */
  private CompletionStage<String> accountOf(String number) {
    return invoicing.invoice(number).thenApply(issued -> issued.invoice().accountId());
  }

  /**
   * Asks the account whose invoice {@code number} is (404 {@code invoice_not_found} if none) with
   * the command {@code command} builds.
   */
  private <T> CompletionStage<T> askOwnerOf(
      String number, Function<ActorRef<StatusReply<T>>, AccountCommand> command) {
    return accountOf(number)
        .thenCompose(accountId -> account(accountId).askWithStatus(command::apply, askTimeout));
  }

  /** The id of the charge made under {@code key} for {@code accountId}. */
  static String chargeId(String accountId, String key) {
    return "CH-" + PaymentIds.digest("charge|" + accountId + "|" + key);
  }

  /** The id of the dispute opened under {@code key} of invoice {@code number}. */
  static String disputeId(String number, String key) {
    return "DSP-" + PaymentIds.digest("dispute|" + number + "|" + key);
  }

  /** The id of the write-off made under {@code key} of invoice {@code number}; it names it. */
  static String writeOffId(String number, String key) {
    return "WO-" + PaymentIds.digest("write-off|" + number + "|" + key) + "-" + number;
  }

  /** Charges a one-off debit billed on the account's next invoice. */
  public CompletionStage<ChargeResult> charge(
      String accountId, String key, ChargeRequest request, Origin origin) {
    Optional<Refusal> badKey = PaymentService.keyRefusal(key);
    if (badKey.isPresent()) {
      return refused(badKey.get());
    }
    Validated<ChargeRequest.Valid> valid = request.validate();
    if (!valid.isValid()) {
      return refused(Refusal.invalid(valid.errors()));
    }
    ChargeRequest.Valid c = valid.value();
    return account(accountId)
        .askWithStatus(
            replyTo ->
                new AccountCommand.AddCharge(
                    chargeId(accountId, key),
                    c.fingerprint(),
                    c.amount().amount(),
                    c.amount().currency(),
                    c.description(),
                    c.taxCategory(),
                    c.glCode(),
                    origin,
                    replyTo),
            askTimeout);
  }

  public CompletionStage<ChargeList> charges(String accountId) {
    return account(accountId).askWithStatus(AccountCommand.GetCharges::new, askTimeout);
  }

  /** Disputes part of an invoice: on hold, not overdue, until resolved. */
  public CompletionStage<DisputeResult> dispute(
      String number, String key, DisputeRequest request, Origin origin) {
    Optional<Refusal> badKey = PaymentService.keyRefusal(key);
    if (badKey.isPresent()) {
      return refused(badKey.get());
    }
    Validated<DisputeRequest.Valid> valid = request.validate();
    if (!valid.isValid()) {
      return refused(Refusal.invalid(valid.errors()));
    }
    DisputeRequest.Valid d = valid.value();
    return askOwnerOf(
        number,
        replyTo ->
            new AccountCommand.OpenDispute(
                number,
                disputeId(number, key),
                d.fingerprint(),
                d.amount().amount(),
                d.amount().currency(),
                d.reason(),
                origin,
                replyTo));
  }

  /** The idempotency key of the credit note that upholds the dispute {@code disputeId}. */
  static String creditNoteKey(String disputeId) {
    return "dispute-credit-" + disputeId;
  }

  /**
   * Resolves a dispute: released, or upheld and credited. For {@code credit} the credit note is
   * issued first (under a key derived from the dispute, so a request repeated after a failure
   * issues it once), then the dispute is recorded as upheld by it; a dispute resolved already is
   * answered (or refused for the other outcome) by the account without a credit note.
   */
  public CompletionStage<DisputeView> resolve(
      String number, String disputeId, DisputeResolutionRequest request, Origin origin) {
    Validated<DisputeResolutionRequest.Valid> valid = request.validate();
    if (!valid.isValid()) {
      return refused(Refusal.invalid(valid.errors()));
    }
    DisputeResolutionRequest.Valid r = valid.value();
    if (r.creditNote() == null) {
      return ask(number, disputeId, r, null, origin);
    }
    // the credit note is checked before anything happens, its fields named inside creditNote
    var creditNote = r.creditNote().validate(number);
    if (!creditNote.isValid()) {
      return refused(
          Refusal.invalid(
              creditNote.errors().stream()
                  .map(
                      e ->
                          new com.telco.billing.core.validation.FieldError(
                              e.code(),
                              e.field() == null ? "creditNote" : "creditNote." + e.field(),
                              e.message()))
                  .toList()));
    }
    return disputes(number)
        .thenCompose(
            list -> {
              boolean open =
                  list.disputes().stream()
                      .anyMatch(d -> d.id().equals(disputeId) && d.status().equals("open"));
              if (!open) {
                return ask(number, disputeId, r, null, origin);
              }
              return creditNotes
                  .issue(number, creditNoteKey(disputeId), r.creditNote(), origin)
                  .thenCompose(
                      issued -> ask(number, disputeId, r, issued.creditNote().number(), origin));
            });
  }

  private CompletionStage<DisputeView> ask(
      String number,
      String disputeId,
      DisputeResolutionRequest.Valid r,
      String creditNoteNumber,
      Origin origin) {
    return askOwnerOf(
        number,
        replyTo ->
            new AccountCommand.ResolveDispute(
                number, disputeId, r.status(), r.note(), creditNoteNumber, origin, replyTo));
  }

  public CompletionStage<DisputeList> disputes(String number) {
    return askOwnerOf(number, replyTo -> new AccountCommand.GetDisputes(number, replyTo));
  }

  /** Writes off what an invoice still owes. */
  public CompletionStage<WriteOffResult> writeOff(
      String number, String key, WriteOffRequest request, Origin origin) {
    Optional<Refusal> badKey = PaymentService.keyRefusal(key);
    if (badKey.isPresent()) {
      return refused(badKey.get());
    }
    Validated<WriteOffRequest.Valid> valid = request.validate();
    if (!valid.isValid()) {
      return refused(Refusal.invalid(valid.errors()));
    }
    WriteOffRequest.Valid w = valid.value();
    return askOwnerOf(
        number,
        replyTo ->
            new AccountCommand.WriteOff(
                number, writeOffId(number, key), w.fingerprint(), w.reason(), origin, replyTo));
  }
}
