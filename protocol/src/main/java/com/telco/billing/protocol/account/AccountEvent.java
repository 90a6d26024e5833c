package com.telco.billing.protocol.account;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.core.invoice.BillingHistory;
import com.telco.billing.core.rating.RatedUsage;
import com.telco.billing.core.subscription.ActivateSubscription;
import com.telco.billing.core.subscription.ServiceClaim;
import com.telco.billing.core.subscription.ServiceRelease;
import com.telco.billing.core.subscription.SubscriptionChange;
import com.telco.billing.protocol.CborSerializable;
import com.telco.billing.protocol.invoice.InvoiceEntry;
import com.telco.billing.protocol.invoice.IssuedInvoice;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Events of the Account entity, persisted in the journal. Named in the past tense. */
public sealed interface AccountEvent extends CborSerializable
    permits AccountEvent.AccountOpened,
        AccountEvent.SubscriptionActivated,
        AccountEvent.SubscriptionChanged,
        AccountEvent.UsageRated,
        AccountEvent.InvoiceIssued,
        AccountEvent.InvoiceRegistered,
        AccountEvent.BillPeriodClosed {

  /** The account was opened with this profile at {@code openedAt}. */
  record AccountOpened(AccountProfile profile, Instant openedAt) implements AccountEvent {}

  /**
   * A subscription was activated. {@code claims} are the service identifiers it holds from the
   * start of its activation date in the account's zone: the guiding index is kept from them.
   */
  record SubscriptionActivated(
      ActivateSubscription activation, List<ServiceClaim> claims, Instant recordedAt)
      implements AccountEvent {}

  /**
   * A subscription changed. {@code releases} is non-empty for a termination: the identifiers the
   * subscription gives up from the start of its termination date.
   */
  record SubscriptionChanged(
      String subscriptionId,
      SubscriptionChange change,
      List<ServiceRelease> releases,
      Instant recordedAt)
      implements AccountEvent {}

  /**
   * Usage records of one request were rated and accepted, in arrival order. {@code dedupeCutoff} is
   * {@code now - maxUsageAge} when they were rated: the dedupe memory forgets record ids older than
   * that.
   */
  record UsageRated(List<RatedUsage> usage, Instant dedupeCutoff, Instant recordedAt)
      implements AccountEvent {}

  /**
   * The invoice of a bill period was issued: the account's record of the whole invoice, and the
   * document {@code GET /invoices/{number}} serves. Persisted in one atomic write of three events:
   * the {@link BillPeriodClosed} of its period (the billing history after it), this one, and the
   * {@link InvoiceRegistered} entry the invoice read side reads. Since 2026-11-27 it is not tagged
   * (its document is written to the journal only); events written before were tagged, hold the same
   * invoice, and the read side registers them as they are.
   *
   * @param billingAfter {@code null}; set only in events written before 2026-11-26, which carried
   *     the history themselves (no {@code BillPeriodClosed} before them), and is applied then
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record InvoiceIssued(IssuedInvoice invoice, BillingHistory billingAfter, Instant recordedAt)
      implements AccountEvent {

    /** The event as written now: the history is in the {@link BillPeriodClosed} before it. */
    public InvoiceIssued(IssuedInvoice invoice, Instant recordedAt) {
      this(invoice, null, recordedAt);
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
   * as invoiced for late usage.
   */
  record BillPeriodClosed(
      LocalDate cycleDate, String reason, BillingHistory billingAfter, Instant recordedAt)
      implements AccountEvent {}
}
