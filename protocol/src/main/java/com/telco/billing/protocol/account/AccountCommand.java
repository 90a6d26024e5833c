package com.telco.billing.protocol.account;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.core.rating.UsageRecord;
import com.telco.billing.core.subscription.SubscriptionChange;
import com.telco.billing.protocol.CborSerializable;
import com.telco.billing.protocol.Origin;
import com.telco.billing.protocol.invoice.AccountInvoices;
import com.telco.billing.protocol.invoice.CloseBillPeriodResult;
import com.telco.billing.protocol.invoice.IssuedInvoice;
import com.telco.billing.protocol.usage.CurrentUsage;
import com.telco.billing.protocol.usage.RateUsageResult;
import java.time.LocalDate;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;

/**
 * Commands of the Account entity, one entity per customer account. The commands that record a
 * change carry the {@link Origin} of the request behind it, which the entity stores on the events
 * it persists ({@code null} when none is known).
 */
public sealed interface AccountCommand extends CborSerializable
    permits AccountCommand.OpenAccount,
        AccountCommand.GetAccount,
        AccountCommand.PlanActivation,
        AccountCommand.ActivateSubscription,
        AccountCommand.ChangeSubscription,
        AccountCommand.RateUsage,
        AccountCommand.RerateUsage,
        AccountCommand.RerateLoaded,
        AccountCommand.GetCurrentUsage,
        AccountCommand.CloseBillPeriod,
        AccountCommand.IssueInvoice,
        AccountCommand.GetInvoices,
        AccountCommand.PreviewInvoice,
        AccountCommand.CollectDue,
        AccountCommand.SetPaymentMethod,
        AccountCommand.GetPaymentMethod,
        AccountCommand.RecordPayment,
        AccountCommand.RefundPayment,
        AccountCommand.GetPayment,
        AccountCommand.GetPayments,
        AccountCommand.GetBalance,
        AccountCommand.GetStatement,
        AccountCommand.GetSettlement,
        AccountCommand.ApplyGatewayNotice,
        AccountCommand.ReturnDirectDebit,
        AccountCommand.ChargeAnswered,
        AccountCommand.RefundAnswered,
        AccountCommand.EvaluateDunning,
        AccountCommand.PlaceDunningHold,
        AccountCommand.ReleaseDunningHold,
        AccountCommand.GetDunning,
        AccountCommand.PrepareCreditNote,
        AccountCommand.IssueCreditNote,
        AccountCommand.GetCreditNotes,
        AccountCommand.AddCharge,
        AccountCommand.GetCharges,
        AccountCommand.OpenDispute,
        AccountCommand.ResolveDispute,
        AccountCommand.GetDisputes,
        AccountCommand.WriteOff {

  /**
   * Opens the account with the given profile. Repeating it with the same profile answers the
   * existing account ({@code created = false}); a different profile for an open account is refused
   * with {@code account_conflict}.
   */
  record OpenAccount(
      AccountProfile profile, Origin origin, ActorRef<StatusReply<OpenAccountResult>> replyTo)
      implements AccountCommand {}

  /** Reads the account; refused with {@code account_not_found} when it was never opened. */
  record GetAccount(ActorRef<StatusReply<AccountView>> replyTo) implements AccountCommand {}

  /**
   * Checks an activation against the account's rules without recording anything, and answers the
   * service identifier claims it needs (the account's zone turns the activation date into an
   * instant). Sent before the identifiers are claimed in the guiding index.
   */
  record PlanActivation(
      com.telco.billing.core.subscription.ActivateSubscription activation,
      ActorRef<StatusReply<ActivationPlan>> replyTo)
      implements AccountCommand {}

  /**
   * Records a subscription activated by fulfilment (TMF622 order completed / TMF637 product
   * created). Idempotent for the same data; refused by the lifecycle rules otherwise.
   */
  record ActivateSubscription(
      com.telco.billing.core.subscription.ActivateSubscription activation,
      Origin origin,
      ActorRef<StatusReply<SubscriptionResult>> replyTo)
      implements AccountCommand {}

  /** Records a change (offering, suspend, resume, terminate) of one subscription. */
  record ChangeSubscription(
      String subscriptionId,
      SubscriptionChange change,
      Origin origin,
      ActorRef<StatusReply<SubscriptionResult>> replyTo)
      implements AccountCommand {}

  /**
   * Rates the records of one request that were guided to this account, in arrival order, and
   * persists the accepted ones as one event; duplicates (by source and id) are never charged again.
   * {@code origins} covers {@code records} with a span per request they came with (several when the
   * commands of concurrent requests were merged), or is empty when no request is known.
   */
  record RateUsage(
      List<UsageRecord> records,
      List<Origin.Span> origins,
      ActorRef<StatusReply<RateUsageResult>> replyTo)
      implements AccountCommand {
    public RateUsage {
      origins = origins == null ? List.of() : List.copyOf(origins);
    }
  }

  /** The open period's rated usage (bill so far). */
  record GetCurrentUsage(ActorRef<StatusReply<CurrentUsage>> replyTo) implements AccountCommand {}

  /**
   * Closes the bill period that ends on {@code cycleDate} (the invoice's issue date): answers
   * INVOICED when an invoice for it exists, SKIPPED (recording the period as closed) when there is
   * nothing to bill, else NUMBER_NEEDED with the series and key to ask a number for. Refused with
   * {@code not_a_cycle_date} or {@code period_not_ended}.
   */
  record CloseBillPeriod(LocalDate cycleDate, ActorRef<StatusReply<CloseBillPeriodResult>> replyTo)
      implements AccountCommand {}

  /**
   * Issues the invoice of the period ending on {@code cycleDate} with the number of {@code
   * sequence} in the account's series, which the series assigned to this account and period.
   * Idempotent: an invoiced period answers its invoice.
   */
  record IssueInvoice(
      LocalDate cycleDate, long sequence, ActorRef<StatusReply<IssuedInvoice>> replyTo)
      implements AccountCommand {}

  /** The invoices the account has issued. */
  record GetInvoices(ActorRef<StatusReply<AccountInvoices.InvoiceList>> replyTo)
      implements AccountCommand {}

  /** What the open period's invoice would be now, through the same code; persists nothing. */
  record PreviewInvoice(ActorRef<StatusReply<AccountInvoices.Preview>> replyTo)
      implements AccountCommand {}

  /**
   * Sent by the collection driver on an invoice's collection date (and on each date the account
   * asked to be asked again): the account collects what remains of the invoice through its payment
   * method, if it has an automatic one, and says what it did. Idempotent: an attempt under way is
   * never started twice, and a settled invoice answers {@code NothingToCollect}.
   *
   * @param today the driver's date in UTC; the account reads it in its own zone
   */
  record CollectDue(
      String invoiceNumber,
      java.time.LocalDate today,
      ActorRef<StatusReply<com.telco.billing.protocol.payment.CollectionStatus>> replyTo)
      implements AccountCommand {}

  /** Replaces the account's payment method (already validated). */
  record SetPaymentMethod(
      com.telco.billing.core.payment.PaymentMethod method,
      Origin origin,
      ActorRef<StatusReply<com.telco.billing.protocol.payment.PaymentMethodView>> replyTo)
      implements AccountCommand {}

  /** Reads the account's payment method, the IBAN masked. */
  record GetPaymentMethod(
      ActorRef<StatusReply<com.telco.billing.protocol.payment.PaymentMethodView>> replyTo)
      implements AccountCommand {}

  /**
   * Records a payment finance received (bank transfer). {@code paymentId} is derived from the
   * request's idempotency key: the same id with the same {@code fingerprint} answers the payment
   * recorded first ({@code created = false}); with another fingerprint it is refused with {@code
   * idempotency_key_reused}.
   */
  record RecordPayment(
      String paymentId,
      String fingerprint,
      java.math.BigDecimal amount,
      java.util.Currency currency,
      String method,
      String reference,
      java.time.LocalDate receivedOn,
      Origin origin,
      ActorRef<StatusReply<com.telco.billing.protocol.payment.PaymentResult>> replyTo)
      implements AccountCommand {}

  /**
   * Refunds part or all of a payment; a card payment through the gateway (answered once the gateway
   * answered). Idempotent by {@code refundId} and {@code fingerprint} like {@link RecordPayment}.
   */
  record RefundPayment(
      String paymentId,
      String refundId,
      String fingerprint,
      java.math.BigDecimal amount,
      java.util.Currency currency,
      String reason,
      Origin origin,
      ActorRef<StatusReply<com.telco.billing.protocol.payment.RefundResult>> replyTo)
      implements AccountCommand {}

  /** Reads one payment; {@code payment_not_found} when the account has none with this id. */
  record GetPayment(
      String paymentId,
      ActorRef<StatusReply<com.telco.billing.protocol.payment.PaymentView>> replyTo)
      implements AccountCommand {}

  /** Reads the account's payments, newest first. */
  record GetPayments(ActorRef<StatusReply<com.telco.billing.protocol.payment.PaymentList>> replyTo)
      implements AccountCommand {}

  /** Reads the account's balance today in its zone. */
  record GetBalance(ActorRef<StatusReply<com.telco.billing.protocol.payment.BalanceView>> replyTo)
      implements AccountCommand {}

  /** Reads the account's statement from {@code from} to {@code to}, dates of its zone. */
  record GetStatement(
      java.time.LocalDate from,
      java.time.LocalDate to,
      ActorRef<StatusReply<com.telco.billing.protocol.payment.StatementView>> replyTo)
      implements AccountCommand {}

  /** Where the invoice {@code number} stands in accounts receivable, with the account's profile. */
  record GetSettlement(
      String number,
      ActorRef<StatusReply<com.telco.billing.protocol.invoice.AccountInvoices.Settled>> replyTo)
      implements AccountCommand {}

  /** Applies a verified payment gateway event about this account; deduplicated by its id. */
  record ApplyGatewayNotice(
      com.telco.billing.protocol.payment.GatewayNotice notice,
      ActorRef<StatusReply<String>> replyTo)
      implements AccountCommand {}

  /**
   * The bank returned the direct debit {@code endToEndId} with {@code reasonCode}: the payment is
   * reversed and the invoice reopened. Answers the payment; repeating it changes nothing.
   */
  record ReturnDirectDebit(
      String endToEndId,
      String reasonCode,
      Origin origin,
      ActorRef<StatusReply<com.telco.billing.protocol.payment.PaymentView>> replyTo)
      implements AccountCommand {}

  /**
   * Rates again the account's usage records of {@code [from, to)} (of {@code offeringId} only, when
   * given) with the catalog in effect (docs/rerating.md). The account reads its own journal for its
   * records; a second command for the same job and range changes nothing. {@code catalogVersions}
   * is how many versions (ordinary and corrections) the catalog had when the job started: a node
   * whose copy has fewer refuses ({@code catalog_behind}) rather than rate with an older catalog.
   */
  record RerateUsage(
      String jobId,
      java.time.Instant from,
      java.time.Instant to,
      String offeringId,
      int catalogVersions,
      Origin origin,
      ActorRef<StatusReply<com.telco.billing.protocol.rerating.RerateResult>> replyTo)
      implements AccountCommand {}

  /**
   * The account's records read from its journal through {@code throughSequenceNr}, each as last
   * rated, in journal order, for {@code request} (the account sends it to itself), with what the
   * same job already changed ({@code earlier}: its records rated again, {@code earlierAdjustments}:
   * its adjustment lines). {@code failure} says why the journal could not be read ({@code null}
   * when it was).
   */
  record RerateLoaded(
      RerateUsage request,
      List<com.telco.billing.protocol.account.journal.RatedUsageRecord> records,
      List<com.telco.billing.protocol.account.journal.ReratedUsageRecord> earlier,
      List<com.telco.billing.protocol.account.journal.ReceivableFact.ChargeAdded>
          earlierAdjustments,
      long throughSequenceNr,
      int attempt,
      String failure)
      implements AccountCommand {
    public RerateLoaded {
      records = records == null ? List.of() : List.copyOf(records);
      earlier = earlier == null ? List.of() : List.copyOf(earlier);
      earlierAdjustments = earlierAdjustments == null ? List.of() : List.copyOf(earlierAdjustments);
    }
  }

  /** The gateway's answer to a collection attempt (the account sends it to itself). */
  record ChargeAnswered(
      String invoiceNumber,
      String paymentId,
      com.telco.billing.protocol.payment.GatewayAnswer answer)
      implements AccountCommand {}

  /** The gateway's answer to a refund (the account sends it to itself). */
  record RefundAnswered(String refundId, com.telco.billing.protocol.payment.GatewayAnswer answer)
      implements AccountCommand {}

  /**
   * Evaluates the account's dunning on {@code date} (the dunning driver's date; the account uses
   * the earlier of it and its own date today): fires the steps due, ends an episode whose overdue
   * amount fell below the minimum. Idempotent per account and date.
   */
  record EvaluateDunning(
      java.time.LocalDate date,
      ActorRef<StatusReply<com.telco.billing.protocol.dunning.DunningOutcome>> replyTo)
      implements AccountCommand {}

  /** Pauses dunning steps until {@code until} (inclusive, a date of the account's zone). */
  record PlaceDunningHold(
      String holdId,
      java.time.LocalDate until,
      String reason,
      Origin origin,
      ActorRef<StatusReply<com.telco.billing.protocol.dunning.DunningView>> replyTo)
      implements AccountCommand {}

  /** Releases the hold {@code holdId} before its end. */
  record ReleaseDunningHold(
      String holdId,
      Origin origin,
      ActorRef<StatusReply<com.telco.billing.protocol.dunning.DunningView>> replyTo)
      implements AccountCommand {}

  /** Reads the account's dunning state. */
  record GetDunning(ActorRef<StatusReply<com.telco.billing.protocol.dunning.DunningView>> replyTo)
      implements AccountCommand {}

  /**
   * Checks a credit note of invoice {@code invoiceNumber} (docs/credit-notes.md): answers the
   * credit note issued before under {@code requestKey} (the same {@code fingerprint}; another is
   * refused with {@code idempotency_key_reused}), a refusal (e.g. {@code credit_exceeds_line}), or
   * the number series to ask for its number. Nothing is persisted.
   */
  record PrepareCreditNote(
      com.telco.billing.protocol.invoice.CreditNoteOrder order,
      ActorRef<StatusReply<com.telco.billing.protocol.invoice.CreditNotePrepared>> replyTo)
      implements AccountCommand {}

  /**
   * Issues the credit note of {@code order} with the {@code sequence} its series assigned, dated
   * {@code issueDate} (what {@link PrepareCreditNote} answered); a request issued before answers
   * its credit note ({@code created = false}).
   */
  record IssueCreditNote(
      com.telco.billing.protocol.invoice.CreditNoteOrder order,
      java.time.LocalDate issueDate,
      long sequence,
      Origin origin,
      ActorRef<StatusReply<com.telco.billing.protocol.invoice.CreditNoteResult>> replyTo)
      implements AccountCommand {}

  /**
   * Reads the account's credit notes: those of invoice {@code invoiceNumber}, or the one numbered
   * {@code number} (refused with {@code credit_note_not_found} when the account has none such).
   */
  record GetCreditNotes(
      String invoiceNumber,
      String number,
      ActorRef<StatusReply<com.telco.billing.protocol.invoice.CreditNoteList>> replyTo)
      implements AccountCommand {}

  /**
   * Charges a one-off debit billed on the next invoice (docs/adjustments.md). Idempotent by {@code
   * chargeId} (derived from the idempotency key) and {@code fingerprint} like {@link
   * RecordPayment}.
   */
  record AddCharge(
      String chargeId,
      String fingerprint,
      java.math.BigDecimal amount,
      java.util.Currency currency,
      String description,
      String taxCategory,
      String glCode,
      Origin origin,
      ActorRef<StatusReply<com.telco.billing.protocol.adjustment.ChargeResult>> replyTo)
      implements AccountCommand {}

  /** Reads the account's one-off charges, pending and billed. */
  record GetCharges(ActorRef<StatusReply<com.telco.billing.protocol.adjustment.ChargeList>> replyTo)
      implements AccountCommand {}

  /**
   * Disputes {@code amount} of invoice {@code invoiceNumber}: on hold until resolved. Idempotent by
   * {@code disputeId} (derived from the idempotency key) and {@code fingerprint}.
   */
  record OpenDispute(
      String invoiceNumber,
      String disputeId,
      String fingerprint,
      java.math.BigDecimal amount,
      java.util.Currency currency,
      String reason,
      Origin origin,
      ActorRef<StatusReply<com.telco.billing.protocol.adjustment.DisputeResult>> replyTo)
      implements AccountCommand {}

  /**
   * Resolves a dispute of invoice {@code invoiceNumber}: {@code released} or {@code upheld} (by the
   * credit note {@code creditNoteNumber}, already issued). The same outcome again answers the
   * dispute; another is refused.
   */
  record ResolveDispute(
      String invoiceNumber,
      String disputeId,
      String outcome,
      String note,
      String creditNoteNumber,
      Origin origin,
      ActorRef<StatusReply<com.telco.billing.protocol.adjustment.DisputeView>> replyTo)
      implements AccountCommand {}

  /** Reads the disputes of invoice {@code invoiceNumber}. */
  record GetDisputes(
      String invoiceNumber,
      ActorRef<StatusReply<com.telco.billing.protocol.adjustment.DisputeList>> replyTo)
      implements AccountCommand {}

  /**
   * Writes off what invoice {@code invoiceNumber} still owes. Idempotent by {@code writeOffId}
   * (derived from the idempotency key) and {@code fingerprint}.
   */
  record WriteOff(
      String invoiceNumber,
      String writeOffId,
      String fingerprint,
      String reason,
      Origin origin,
      ActorRef<StatusReply<com.telco.billing.protocol.adjustment.WriteOffResult>> replyTo)
      implements AccountCommand {}
}
