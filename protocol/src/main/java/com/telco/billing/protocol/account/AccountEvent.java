package com.telco.billing.protocol.account;

import com.telco.billing.protocol.CborSerializable;
import com.telco.billing.protocol.Origin;
import com.telco.billing.protocol.account.journal.AccountProfileRecord;
import com.telco.billing.protocol.account.journal.ActivationRecord;
import com.telco.billing.protocol.account.journal.BillingHistoryRecord;
import com.telco.billing.protocol.account.journal.IssuedInvoiceRecord;
import com.telco.billing.protocol.account.journal.RatedUsageRecord;
import com.telco.billing.protocol.account.journal.SubscriptionChangeRecord;
import com.telco.billing.protocol.invoice.InvoiceEntry;
import com.telco.billing.protocol.journal.ServiceClaimRecord;
import com.telco.billing.protocol.journal.ServiceReleaseRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Events of the Account entity, persisted in the journal. Named in the past tense. They are made of
 * the journal records of {@link com.telco.billing.protocol.account.journal}; the entity maps them
 * from and to its domain values in {@code AccountJournal}.
 *
 * <p>The events a request causes carry its {@link Origin} (who asked, the request id); {@code null}
 * on events written before origins were recorded, and on those no request caused.
 */
public sealed interface AccountEvent extends CborSerializable
    permits AccountEvent.AccountOpened,
        AccountEvent.SubscriptionActivated,
        AccountEvent.SubscriptionChanged,
        AccountEvent.UsageRated,
        AccountEvent.UsageRerated,
        AccountEvent.InvoiceIssued,
        AccountEvent.InvoiceIssuedWithHistory,
        AccountEvent.InvoiceRegistered,
        AccountEvent.BillPeriodClosed,
        AccountEvent.CollectionScheduled,
        AccountEvent.ReceivablesChanged,
        AccountEvent.DunningChanged {

  /** The account was opened with this profile at {@code openedAt}. */
  record AccountOpened(AccountProfileRecord profile, Instant openedAt, Origin origin)
      implements AccountEvent {}

  /**
   * A subscription was activated. {@code claims} are the service identifiers it holds from the
   * start of its activation date in the account's zone: the guiding index is kept from them.
   */
  record SubscriptionActivated(
      ActivationRecord activation,
      List<ServiceClaimRecord> claims,
      Instant recordedAt,
      Origin origin)
      implements AccountEvent {
    public SubscriptionActivated {
      claims = List.copyOf(claims);
    }
  }

  /**
   * A subscription changed. {@code releases} is non-empty for a termination: the identifiers the
   * subscription gives up from the start of its termination date.
   */
  record SubscriptionChanged(
      String subscriptionId,
      SubscriptionChangeRecord change,
      List<ServiceReleaseRecord> releases,
      Instant recordedAt,
      Origin origin)
      implements AccountEvent {
    public SubscriptionChanged {
      releases = List.copyOf(releases);
    }
  }

  /**
   * Usage records of one request were rated and accepted, in arrival order. {@code dedupeCutoff} is
   * {@code now - maxUsageAge} when they were rated: the dedupe memory forgets record ids older than
   * that. {@code origins} names the requests the records came with, a span of consecutive records
   * per request (records of several requests share an event when their commands were merged), not a
   * field per record; empty on events written before origins were recorded.
   */
  record UsageRated(
      List<RatedUsageRecord> usage,
      Instant dedupeCutoff,
      Instant recordedAt,
      List<Origin.Span> origins)
      implements AccountEvent {
    public UsageRated {
      usage = List.copyOf(usage);
      origins = origins == null ? List.of() : List.copyOf(origins);
    }
  }

  /**
   * Usage records were rated again by the re-rating job {@code jobId} (docs/rerating.md): each
   * record's rating before and after, in journal order. Records of periods not invoiced change
   * their usage lines; those of invoiced periods name the adjustment line (a {@code ChargeAdded}
   * receivable fact persisted in the same write) that bills their difference. Not tagged, like
   * {@link UsageRated}.
   */
  record UsageRerated(
      String jobId,
      List<com.telco.billing.protocol.account.journal.ReratedUsageRecord> records,
      Instant recordedAt,
      Origin origin)
      implements AccountEvent {
    public UsageRerated {
      records = List.copyOf(records);
    }
  }

  /**
   * The invoice of a bill period was issued: the account's record of the whole invoice, and the
   * document {@code GET /invoices/{number}} serves. Persisted in one atomic write of three events:
   * the {@link BillPeriodClosed} of its period (the billing history after it), this one, and the
   * {@link InvoiceRegistered} entry the invoice read side reads. Not tagged: its document is
   * written to the journal only. Version 2 of the event; version 1 events are read as this one or,
   * when they carry the billing history, as an {@link InvoiceIssuedWithHistory}.
   */
  record InvoiceIssued(IssuedInvoiceRecord invoice, Instant recordedAt) implements AccountEvent {}

  /**
   * An invoice issued together with the billing history after it: the first form of {@link
   * InvoiceIssued}, with no {@link BillPeriodClosed} before it. Never written now; journals written
   * before the two were split (and tagged: the invoice read side registers them) hold it, and it is
   * applied as a {@code BillPeriodClosed} followed by an {@code InvoiceIssued}.
   */
  record InvoiceIssuedWithHistory(
      IssuedInvoiceRecord invoice, BillingHistoryRecord billingAfter, Instant recordedAt)
      implements AccountEvent {
    public InvoiceIssuedWithHistory {
      Objects.requireNonNull(billingAfter, "billingAfter");
    }
  }

  /**
   * The register entry of an issued invoice, written right after its {@link InvoiceIssued} in the
   * same atomic write: tagged for the invoice read side, which keeps the invoice by number and
   * finds the document in the journal at {@code entry.journalSequenceNr()}. Changes nothing in the
   * state.
   */
  record InvoiceRegistered(InvoiceEntry entry, Instant recordedAt) implements AccountEvent {}

  /**
   * The bill period ending on {@code cycleDate} was closed; {@code billingAfter} is what the
   * account remembers of its billing from now on (what was charged in advance, discounts used,
   * invoiced periods). {@code reason} is {@code null} when an {@link InvoiceIssued} follows in the
   * same write, else why no invoice was issued (e.g. nothing to bill); either way the period counts
   * as invoiced for late usage. {@code uncorrected} lists what the invoice could not correct (a
   * change dated before its look-back, days no catalog version prices), for revenue assurance;
   * absent (read as empty) in events written before corrections looked back.
   */
  record BillPeriodClosed(
      LocalDate cycleDate,
      String reason,
      BillingHistoryRecord billingAfter,
      Instant recordedAt,
      List<UncorrectedChangeRecord> uncorrected)
      implements AccountEvent {
    public BillPeriodClosed {
      uncorrected = uncorrected == null ? List.of() : List.copyOf(uncorrected);
    }
  }

  /**
   * A change an invoice could not correct.
   *
   * @param subscriptionId the subscription
   * @param change the lifecycle change ({@code ACTIVATED}, {@code TERMINATED}, ...)
   * @param effectiveDate when it took effect
   * @param correctableFrom the first date the invoice could correct
   * @param reason {@code beyond_look_back} or {@code not_priceable}
   */
  record UncorrectedChangeRecord(
      String subscriptionId,
      String change,
      LocalDate effectiveDate,
      LocalDate correctableFrom,
      String reason) {}

  /**
   * The account wants the invoice {@code invoiceNumber} collected automatically on {@code
   * collectOn} (its collection date, or the date of a retry): the collection driver's read side
   * keeps one row per such event and sends {@code CollectDue} on that date. Tagged with the
   * account's tag.
   */
  record CollectionScheduled(
      String invoiceNumber, LocalDate collectOn, Instant recordedAt, Origin origin)
      implements AccountEvent {}

  /**
   * The account's receivables changed: a payment, a refund, a chargeback, a collection attempt, a
   * payment method. One event holds what one command changed, in order. Tagged with the account's
   * tag (the notification outbox reads it).
   */
  record ReceivablesChanged(
      List<com.telco.billing.protocol.account.journal.ReceivableFact> facts,
      Instant recordedAt,
      Origin origin)
      implements AccountEvent {
    public ReceivablesChanged {
      facts = List.copyOf(facts);
    }
  }

  /**
   * The account's dunning state changed: an episode started or ended, steps fired, a hold, the next
   * evaluation date. One event holds what one command changed, in order. Tagged with the account's
   * tag (the dunning driver and the notification outbox read it).
   */
  record DunningChanged(
      List<com.telco.billing.protocol.account.journal.DunningFact> facts,
      Instant recordedAt,
      Origin origin)
      implements AccountEvent {
    public DunningChanged {
      facts = List.copyOf(facts);
    }
  }
}
