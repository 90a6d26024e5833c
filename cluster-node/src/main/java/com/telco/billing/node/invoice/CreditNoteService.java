package com.telco.billing.node.invoice;

import com.telco.billing.core.validation.Validated;
import com.telco.billing.node.payment.PaymentService;
import com.telco.billing.protocol.Origin;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusalCode;
import com.telco.billing.protocol.account.AccountCommand;
import com.telco.billing.protocol.http.CreditNoteRequest;
import com.telco.billing.protocol.invoice.CreditNoteList;
import com.telco.billing.protocol.invoice.CreditNoteOrder;
import com.telco.billing.protocol.invoice.CreditNotePrepared;
import com.telco.billing.protocol.invoice.CreditNoteResult;
import com.telco.billing.protocol.invoice.CreditNoteView;
import com.telco.billing.protocol.invoice.SeriesCommand;
import com.telco.billing.sharding.EntityKeys;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues and reads credit notes (docs/credit-notes.md). Issuing is the invoice's way: the account
 * checks the request, the credit note series ({@link InvoiceSeriesEntity} under the key {@code
 * CN-<legal entity>-<year>}) assigns the number to the request's key, persisted before it answers,
 * the account issues the credit note with it, then the series forgets the key. A retry of the same
 * request, after any failure, gets the same number.
 *
 * <p>The invoice register says which account an invoice belongs to, and which account issued a
 * credit note (its entry follows the issue within seconds).
 */
public final class CreditNoteService {
  private static final Logger log = LoggerFactory.getLogger(CreditNoteService.class);

  private final ClusterSharding sharding;
  private final BillingTables tables;
  private final Duration timeout;
  private final Duration readTimeout;

  public CreditNoteService(
      ActorSystem<?> system, BillingTables tables, Duration timeout, Duration readTimeout) {
    this.sharding = ClusterSharding.get(system);
    this.tables = tables;
    this.timeout = timeout;
    this.readTimeout = readTimeout;
  }

  /** Issues a credit note of invoice {@code invoiceNumber}; a replay answers the first one. */
  public CompletionStage<CreditNoteResult> issue(
      String invoiceNumber, String idempotencyKey, CreditNoteRequest request, Origin origin) {
    Optional<Refusal> badKey = PaymentService.keyRefusal(idempotencyKey);
    if (badKey.isPresent()) {
      return refused(badKey.get());
    }
    Validated<CreditNoteRequest.Valid> valid = request.validate(invoiceNumber);
    if (!valid.isValid()) {
      return refused(Refusal.invalid(valid.errors()));
    }
    CreditNoteRequest.Valid v = valid.value();
    CreditNoteOrder order =
        new CreditNoteOrder(
            invoiceNumber,
            idempotencyKey,
            v.fingerprint(),
            v.reason(),
            v.description(),
            v.lines(),
            v.currency(),
            v.refund());
    return accountOfInvoice(invoiceNumber)
        .thenCompose(
            accountId ->
                account(accountId)
                    .<CreditNotePrepared>askWithStatus(
                        replyTo -> new AccountCommand.PrepareCreditNote(order, replyTo), timeout)
                    .thenCompose(
                        prepared -> {
                          if (prepared instanceof CreditNotePrepared.Existing existing) {
                            return CompletableFuture.completedFuture(
                                new CreditNoteResult(existing.creditNote(), false));
                          }
                          return issue(
                              accountId, order, (CreditNotePrepared.NumberNeeded) prepared, origin);
                        }));
  }

  private CompletionStage<CreditNoteResult> issue(
      String accountId,
      CreditNoteOrder order,
      CreditNotePrepared.NumberNeeded needed,
      Origin origin) {
    EntityRef<SeriesCommand> series =
        sharding.entityRefFor(EntityKeys.INVOICE_SERIES, needed.seriesId());
    return series
        .<SeriesCommand.AssignedNumbers>askWithStatus(
            replyTo -> new SeriesCommand.AssignNumbers(List.of(needed.requestKey()), replyTo),
            timeout)
        .thenCompose(
            assigned ->
                account(accountId)
                    .<CreditNoteResult>askWithStatus(
                        replyTo ->
                            new AccountCommand.IssueCreditNote(
                                order,
                                needed.issueDate(),
                                assigned.sequences().get(0),
                                origin,
                                replyTo),
                        timeout))
        .thenApply(
            result -> {
              series
                  .<Done>askWithStatus(
                      replyTo ->
                          new SeriesCommand.ConfirmNumbers(List.of(needed.requestKey()), replyTo),
                      timeout)
                  .whenComplete(
                      (done, failure) -> {
                        if (failure != null) {
                          // harmless: the key stays pending and is answered the same number
                          log.warn(
                              "confirming credit note number of {} failed: {}",
                              needed.requestKey(),
                              failure.toString());
                        }
                      });
              return result;
            });
  }

  /** The credit notes of invoice {@code invoiceNumber}, oldest first. */
  public CompletionStage<List<CreditNoteView>> ofInvoice(String invoiceNumber) {
    return accountOfInvoice(invoiceNumber)
        .thenCompose(
            accountId ->
                account(accountId)
                    .<CreditNoteList>askWithStatus(
                        replyTo -> new AccountCommand.GetCreditNotes(invoiceNumber, null, replyTo),
                        readTimeout))
        .thenApply(CreditNoteList::creditNotes);
  }

  /** The credit note numbered {@code number}; 404 {@code credit_note_not_found} when unknown. */
  public CompletionStage<CreditNoteView> creditNote(String number) {
    return tables
        .registeredCreditNote(number)
        .thenCompose(
            entry -> {
              if (entry.isEmpty()) {
                return refused(
                    Refusal.of(
                        RefusalCode.CREDIT_NOTE_NOT_FOUND,
                        "number",
                        "no credit note with this number"));
              }
              return account(entry.get().entry().accountId())
                  .<CreditNoteList>askWithStatus(
                      replyTo -> new AccountCommand.GetCreditNotes(null, number, replyTo),
                      readTimeout)
                  .thenApply(list -> list.creditNotes().get(0));
            });
  }

  private CompletionStage<String> accountOfInvoice(String invoiceNumber) {
    return tables
        .registered(invoiceNumber)
        .thenCompose(
            entry ->
                entry.isPresent()
                    ? CompletableFuture.completedFuture(entry.get().entry().accountId())
                    : refused(
                        Refusal.of(
                            RefusalCode.INVOICE_NOT_FOUND,
                            "number",
                            "no invoice with this number")));
  }

  private EntityRef<AccountCommand> account(String accountId) {
    return sharding.entityRefFor(EntityKeys.ACCOUNT, accountId);
  }

  private static <T> CompletionStage<T> refused(Refusal refusal) {
    return CompletableFuture.failedFuture(refusal.toException());
  }
}
