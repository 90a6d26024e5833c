package com.telco.billing.protocol.account.journal;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One change of an account's accounts receivable, as the journal records it (inside {@code
 * AccountEvent.ReceivablesChanged}) and as the account's snapshot keeps its receivable history.
 * Amounts are exact decimals in the account's currency. The entity maps them to {@code
 * billing-core}'s {@code PaymentBook} in {@code PaymentJournal}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "fact")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ReceivableFact.InvoiceOpened.class, name = "invoice_opened"),
  @JsonSubTypes.Type(value = ReceivableFact.MethodSet.class, name = "method_set"),
  @JsonSubTypes.Type(value = ReceivableFact.PaymentReceived.class, name = "payment_received"),
  @JsonSubTypes.Type(value = ReceivableFact.RefundRequested.class, name = "refund_requested"),
  @JsonSubTypes.Type(value = ReceivableFact.RefundSucceeded.class, name = "refund_succeeded"),
  @JsonSubTypes.Type(value = ReceivableFact.RefundFailed.class, name = "refund_failed"),
  @JsonSubTypes.Type(value = ReceivableFact.PaymentReversed.class, name = "payment_reversed"),
  @JsonSubTypes.Type(value = ReceivableFact.AttemptStarted.class, name = "attempt_started"),
  @JsonSubTypes.Type(value = ReceivableFact.AttemptAnswered.class, name = "attempt_answered"),
  @JsonSubTypes.Type(
      value = ReceivableFact.DirectDebitScheduled.class,
      name = "direct_debit_scheduled"),
  @JsonSubTypes.Type(value = ReceivableFact.GatewayEventSeen.class, name = "gateway_event_seen"),
  @JsonSubTypes.Type(value = ReceivableFact.CreditNoteIssued.class, name = "credit_note_issued"),
  @JsonSubTypes.Type(value = ReceivableFact.ChargeAdded.class, name = "charge_added"),
  @JsonSubTypes.Type(value = ReceivableFact.ChargesBilled.class, name = "charges_billed"),
  @JsonSubTypes.Type(value = ReceivableFact.DisputeOpened.class, name = "dispute_opened"),
  @JsonSubTypes.Type(value = ReceivableFact.DisputeResolved.class, name = "dispute_resolved"),
  @JsonSubTypes.Type(value = ReceivableFact.InvoiceWrittenOff.class, name = "invoice_written_off")
})
public sealed interface ReceivableFact
    permits ReceivableFact.InvoiceOpened,
        ReceivableFact.MethodSet,
        ReceivableFact.PaymentReceived,
        ReceivableFact.RefundRequested,
        ReceivableFact.RefundSucceeded,
        ReceivableFact.RefundFailed,
        ReceivableFact.PaymentReversed,
        ReceivableFact.AttemptStarted,
        ReceivableFact.AttemptAnswered,
        ReceivableFact.DirectDebitScheduled,
        ReceivableFact.GatewayEventSeen,
        ReceivableFact.CreditNoteIssued,
        ReceivableFact.ChargeAdded,
        ReceivableFact.ChargesBilled,
        ReceivableFact.DisputeOpened,
        ReceivableFact.DisputeResolved,
        ReceivableFact.InvoiceWrittenOff {

  /**
   * An invoice became an open item (recorded in snapshots; the journal has its {@code
   * InvoiceIssued} event).
   */
  record InvoiceOpened(String number, LocalDate issueDate, LocalDate dueDate, BigDecimal total)
      implements ReceivableFact {}

  /**
   * The payment method changed.
   *
   * @param kind {@code token}, {@code direct_debit} or {@code manual}
   */
  record MethodSet(
      String kind,
      String token,
      String iban,
      String bic,
      String mandateId,
      LocalDate mandateSignedOn,
      String debtorName)
      implements ReceivableFact {
    @Override
    public String toString() {
      return "MethodSet[" + kind + "]";
    }
  }

  /**
   * A payment was received and allocated.
   *
   * @param method {@code bank_transfer}, {@code card} or {@code direct_debit}
   * @param fingerprint digest of the request that recorded it, or {@code null}
   * @param gatewayRef the PaymentIntent id or the direct debit's end-to-end id
   */
  record PaymentReceived(
      String paymentId,
      String method,
      String reference,
      String fingerprint,
      String gatewayRef,
      String invoiceNumber,
      LocalDate date,
      BigDecimal amount)
      implements ReceivableFact {}

  /** A gateway refund was asked for with {@code idempotencyKey}. */
  record RefundRequested(
      String refundId,
      String paymentId,
      BigDecimal amount,
      String reason,
      String fingerprint,
      LocalDate date,
      String idempotencyKey)
      implements ReceivableFact {}

  /** A refund succeeded: taken back from the payment. */
  record RefundSucceeded(
      String refundId,
      String paymentId,
      BigDecimal amount,
      String reason,
      String fingerprint,
      LocalDate date,
      String gatewayRefundId)
      implements ReceivableFact {}

  /** A gateway refund failed. */
  record RefundFailed(String refundId, String code) implements ReceivableFact {}

  /**
   * A chargeback, a chargeback won or a bank return.
   *
   * @param kind {@code CHARGEBACK}, {@code CHARGEBACK_WON} or {@code RETURN}
   * @param reason the dispute reason or the bank's return reason code
   */
  record PaymentReversed(
      String paymentId, String reversalId, String kind, LocalDate date, String reason)
      implements ReceivableFact {}

  /** A collection attempt through the gateway started. */
  record AttemptStarted(
      String invoiceNumber,
      int number,
      String paymentId,
      String idempotencyKey,
      BigDecimal amount,
      String token,
      LocalDate startedOn)
      implements ReceivableFact {
    @Override
    public String toString() {
      return "AttemptStarted[" + invoiceNumber + " #" + number + " " + paymentId + "]";
    }
  }

  /**
   * The gateway answered a collection attempt.
   *
   * @param status {@code PROCESSING}, {@code SUCCEEDED} or {@code DECLINED}
   * @param nextAttemptOn the retry planned after a decline, or {@code null}
   * @param stopped no more attempts after this decline
   */
  record AttemptAnswered(
      String invoiceNumber,
      String paymentId,
      String status,
      String intentId,
      String code,
      LocalDate date,
      LocalDate nextAttemptOn,
      boolean stopped)
      implements ReceivableFact {}

  /**
   * A direct debit of an invoice was scheduled (a {@link PaymentReceived} comes with it), with the
   * mandate it collects under: its file instruction is rebuilt from this alone, whatever the
   * account's payment method is later.
   */
  record DirectDebitScheduled(
      String invoiceNumber,
      String paymentId,
      String endToEndId,
      LocalDate collectionDate,
      BigDecimal amount,
      String mandateId,
      String sequenceType,
      String iban,
      String bic,
      LocalDate mandateSignedOn,
      String debtorName)
      implements ReceivableFact {
    @Override
    public String toString() {
      return "DirectDebitScheduled[" + invoiceNumber + " " + endToEndId + "]";
    }
  }

  /** A gateway event was applied (deliveries are deduplicated by its id). */
  record GatewayEventSeen(String eventId) implements ReceivableFact {}

  /**
   * A credit note was issued: the whole document (snapshots keep it with the receivable history)
   * and its credit, allocated to its invoice's remaining amount first. Amounts are positive (what
   * is credited).
   *
   * @param requestKey the invoice number and the request's idempotency key
   * @param fingerprint digest of the request
   * @param reason a {@code CreditReason} wire name, e.g. {@code service_outage}
   * @param lines the credited invoice lines
   * @param taxItems the tax reversed per rate
   * @param refunded what of the credit was paid back (refunds of the invoice's payments, recorded
   *     before this fact in the same event); zero when no refund was asked
   */
  record CreditNoteIssued(
      String number,
      String invoiceNumber,
      String requestKey,
      String fingerprint,
      String reason,
      String description,
      LocalDate issueDate,
      java.time.Instant issuedAt,
      List<CreditedLineRecord> lines,
      List<InvoiceRecord.TaxItem> taxItems,
      BigDecimal taxExcludedAmount,
      BigDecimal taxAmount,
      BigDecimal taxIncludedAmount,
      BigDecimal refunded)
      implements ReceivableFact {
    public CreditNoteIssued {
      lines = List.copyOf(lines);
      taxItems = List.copyOf(taxItems);
    }
  }

  /**
   * Finance charged a one-off debit; the next invoice bills it as an adjustment line
   * (docs/adjustments.md).
   *
   * @param fingerprint digest of the request that charged it (idempotent replays)
   * @param date the date charged, in the account's zone
   * @param amount the net amount
   * @param glCode the general-ledger account of its line
   */
  record ChargeAdded(
      String chargeId,
      String fingerprint,
      LocalDate date,
      BigDecimal amount,
      String description,
      String taxCategory,
      String glCode)
      implements ReceivableFact {}

  /** The invoice {@code invoiceNumber} billed the pending one-off charges {@code chargeIds}. */
  record ChargesBilled(String invoiceNumber, java.util.List<String> chargeIds)
      implements ReceivableFact {
    public ChargesBilled {
      chargeIds = java.util.List.copyOf(chargeIds);
    }
  }

  /**
   * One credited invoice line.
   *
   * @param line the invoice line's position, from 1
   * @param quantity the quantity credited, {@code null} when credited by amount
   * @param amount the net amount credited
   */
  record CreditedLineRecord(
      int line, String description, String taxCategory, BigDecimal quantity, BigDecimal amount) {}

  /**
   * Part of an invoice was disputed: {@code amount} is on hold (owed, not overdue) until the
   * dispute is resolved.
   *
   * @param fingerprint digest of the request that opened it (idempotent replays)
   * @param date the date opened, in the account's zone
   */
  record DisputeOpened(
      String disputeId,
      String invoiceNumber,
      String fingerprint,
      LocalDate date,
      BigDecimal amount,
      String reason)
      implements ReceivableFact {}

  /**
   * A dispute was resolved.
   *
   * @param outcome {@code released} (owed and chased again) or {@code upheld} (to be credited by a
   *     credit note; on hold until the invoice's remaining falls by the amount)
   * @param remaining the invoice's remaining amount at the resolution
   * @param creditNoteNumber the credit note an upheld dispute was credited by; {@code null} for a
   *     release, and in facts written before resolutions issued the credit note
   */
  record DisputeResolved(
      String disputeId,
      String invoiceNumber,
      String outcome,
      LocalDate date,
      BigDecimal remaining,
      String note,
      String creditNoteNumber)
      implements ReceivableFact {

    /** A resolution without a credit note (a release, or one recorded before they were linked). */
    public DisputeResolved(
        String disputeId,
        String invoiceNumber,
        String outcome,
        LocalDate date,
        BigDecimal remaining,
        String note) {
      this(disputeId, invoiceNumber, outcome, date, remaining, note, null);
    }
  }

  /**
   * What an invoice still owed was written off: its remaining amount is zero, settled by the
   * write-off. Carries what the bad-debt posting of the ledger needs.
   *
   * @param fingerprint digest of the request that wrote it off (idempotent replays)
   * @param date the date written off, in the account's zone
   * @param amount the amount written off (the remaining amount then)
   * @param currency the account's currency (ISO 4217)
   */
  record InvoiceWrittenOff(
      String writeOffId,
      String invoiceNumber,
      String fingerprint,
      LocalDate date,
      BigDecimal amount,
      String currency,
      String reason)
      implements ReceivableFact {}
}
