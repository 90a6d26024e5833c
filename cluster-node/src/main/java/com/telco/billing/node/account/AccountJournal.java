package com.telco.billing.node.account;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.core.dedupe.DedupeSnapshot;
import com.telco.billing.core.dedupe.DedupeWindow;
import com.telco.billing.core.invoice.BillingHistory;
import com.telco.billing.core.invoice.InvoiceDraft;
import com.telco.billing.core.invoice.InvoiceLine;
import com.telco.billing.core.invoice.LineType;
import com.telco.billing.core.invoice.TaxItem;
import com.telco.billing.core.invoice.UncorrectedChange;
import com.telco.billing.core.money.Money;
import com.telco.billing.core.period.BillPeriod;
import com.telco.billing.core.rating.RatedUsage;
import com.telco.billing.core.rating.UsageCounters;
import com.telco.billing.core.subscription.ActivateSubscription;
import com.telco.billing.core.subscription.ChangeKind;
import com.telco.billing.core.subscription.ServiceClaim;
import com.telco.billing.core.subscription.ServiceRelease;
import com.telco.billing.core.subscription.StatusChange;
import com.telco.billing.core.subscription.Subscription;
import com.telco.billing.core.subscription.SubscriptionChange;
import com.telco.billing.core.subscription.SubscriptionStatus;
import com.telco.billing.core.usage.UsageBook;
import com.telco.billing.node.guiding.GuidingJournal;
import com.telco.billing.protocol.Origin;
import com.telco.billing.protocol.account.AccountEvent;
import com.telco.billing.protocol.account.AccountEvent.AccountOpened;
import com.telco.billing.protocol.account.AccountEvent.BillPeriodClosed;
import com.telco.billing.protocol.account.AccountEvent.InvoiceIssued;
import com.telco.billing.protocol.account.AccountEvent.InvoiceIssuedWithHistory;
import com.telco.billing.protocol.account.AccountEvent.SubscriptionActivated;
import com.telco.billing.protocol.account.AccountEvent.SubscriptionChanged;
import com.telco.billing.protocol.account.AccountEvent.UsageRated;
import com.telco.billing.protocol.account.journal.AccountProfileRecord;
import com.telco.billing.protocol.account.journal.AccountSnapshot;
import com.telco.billing.protocol.account.journal.ActivationRecord;
import com.telco.billing.protocol.account.journal.BillingHistoryRecord;
import com.telco.billing.protocol.account.journal.DedupeRecord;
import com.telco.billing.protocol.account.journal.InvoiceRecord;
import com.telco.billing.protocol.account.journal.IssuedInvoiceRecord;
import com.telco.billing.protocol.account.journal.MoneyRecord;
import com.telco.billing.protocol.account.journal.RatedUsageRecord;
import com.telco.billing.protocol.account.journal.ReceivableFact;
import com.telco.billing.protocol.account.journal.SubscriptionChangeRecord;
import com.telco.billing.protocol.account.journal.SubscriptionRecord;
import com.telco.billing.protocol.account.journal.UsageBookRecord;
import com.telco.billing.protocol.invoice.IssuedInvoice;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.persistence.typed.SnapshotAdapter;

/**
 * The one place the Account entity's journal records are mapped from and to {@code billing-core}
 * values: the entity builds its events here and reads them back through here, so the persisted
 * schema ({@link AccountEvent}, {@code protocol.account.journal}) does not move when a domain type
 * does, and the same for its snapshots ({@link AccountSnapshot}). {@code toRecord} writes a domain
 * value as its journal record; {@code toX} reads one back.
 */
public final class AccountJournal {
  private AccountJournal() {}

  // ---- events

  public static AccountOpened accountOpened(AccountProfile profile, Instant at, Origin origin) {
    return new AccountOpened(toRecord(profile), at, origin);
  }

  public static SubscriptionActivated subscriptionActivated(
      ActivateSubscription activation, List<ServiceClaim> claims, Instant at, Origin origin) {
    return new SubscriptionActivated(
        toRecord(activation), GuidingJournal.toClaimRecords(claims), at, origin);
  }

  public static SubscriptionChanged subscriptionChanged(
      String subscriptionId,
      SubscriptionChange change,
      List<ServiceRelease> releases,
      Instant at,
      Origin origin) {
    return new SubscriptionChanged(
        subscriptionId, toRecord(change), GuidingJournal.toReleaseRecords(releases), at, origin);
  }

  /**
   * @param origins the requests the rated records came with, a span per request over {@code rated}
   */
  public static UsageRated usageRated(
      List<RatedUsage> rated, Instant dedupeCutoff, Instant at, List<Origin.Span> origins) {
    List<RatedUsageRecord> records = new ArrayList<>(rated.size());
    for (RatedUsage usage : rated) {
      records.add(toRecord(usage));
    }
    return new UsageRated(records, dedupeCutoff, at, origins);
  }

  public static BillPeriodClosed billPeriodClosed(
      LocalDate cycleDate,
      String reason,
      BillingHistory billingAfter,
      Instant at,
      List<UncorrectedChange> uncorrected) {
    return new BillPeriodClosed(
        cycleDate,
        reason,
        toRecord(billingAfter),
        at,
        uncorrected.stream()
            .map(
                u ->
                    new AccountEvent.UncorrectedChangeRecord(
                        u.subscriptionId(),
                        u.change(),
                        u.effectiveDate(),
                        u.correctableFrom(),
                        u.reason()))
            .toList());
  }

  public static InvoiceIssued invoiceIssued(IssuedInvoice invoice, Instant at) {
    return new InvoiceIssued(toRecord(invoice), at);
  }

  /** The invoice an {@code InvoiceIssued} event (of either form) holds, if it is one. */
  public static Optional<IssuedInvoice> issuedInvoiceOf(AccountEvent event) {
    if (event instanceof InvoiceIssued issued) {
      return Optional.of(toIssuedInvoice(issued.invoice()));
    }
    if (event instanceof InvoiceIssuedWithHistory issued) {
      return Optional.of(toIssuedInvoice(issued.invoice()));
    }
    return Optional.empty();
  }

  // ---- profile

  public static AccountProfileRecord toRecord(AccountProfile profile) {
    return new AccountProfileRecord(
        profile.accountId(),
        profile.name(),
        profile.currency().getCurrencyCode(),
        profile.billCycleDay(),
        profile.timeZone().getId(),
        profile.taxJurisdiction(),
        profile.taxExempt(),
        profile.paymentTermsDays(),
        profile.paymentMethodRef(),
        profile.legalEntity(),
        profile.email(),
        profile.segment(),
        profile.dunningExempt());
  }

  public static AccountProfile toProfile(AccountProfileRecord record) {
    return new AccountProfile(
        record.accountId(),
        record.name(),
        Currency.getInstance(record.currency()),
        record.billCycleDay(),
        ZoneId.of(record.timeZone()),
        record.taxJurisdiction(),
        record.taxExempt(),
        record.paymentTermsDays(),
        record.paymentMethodRef(),
        record.legalEntity(),
        record.email(),
        record.segment(),
        record.dunningExempt());
  }

  // ---- subscriptions

  public static ActivationRecord toRecord(ActivateSubscription activation) {
    return new ActivationRecord(
        activation.subscriptionId(),
        activation.offeringId(),
        activation.serviceIds().stream().map(GuidingJournal::toRecord).toList(),
        activation.activationDate());
  }

  public static ActivateSubscription toActivation(ActivationRecord record) {
    return new ActivateSubscription(
        record.subscriptionId(),
        record.offeringId(),
        record.serviceIds().stream().map(GuidingJournal::toServiceId).toList(),
        record.activationDate());
  }

  public static SubscriptionChangeRecord toRecord(SubscriptionChange change) {
    if (change instanceof SubscriptionChange.ChangeOffering offering) {
      return new SubscriptionChangeRecord.ChangeOffering(
          offering.offeringId(), offering.effectiveDate());
    }
    if (change instanceof SubscriptionChange.Suspend) {
      return new SubscriptionChangeRecord.Suspend(change.effectiveDate());
    }
    if (change instanceof SubscriptionChange.Resume) {
      return new SubscriptionChangeRecord.Resume(change.effectiveDate());
    }
    return new SubscriptionChangeRecord.Terminate(change.effectiveDate());
  }

  public static SubscriptionChange toChange(SubscriptionChangeRecord record) {
    if (record instanceof SubscriptionChangeRecord.ChangeOffering offering) {
      return new SubscriptionChange.ChangeOffering(offering.offeringId(), offering.effectiveDate());
    }
    if (record instanceof SubscriptionChangeRecord.Suspend suspend) {
      return new SubscriptionChange.Suspend(suspend.effectiveDate());
    }
    if (record instanceof SubscriptionChangeRecord.Resume resume) {
      return new SubscriptionChange.Resume(resume.effectiveDate());
    }
    return new SubscriptionChange.Terminate(
        ((SubscriptionChangeRecord.Terminate) record).effectiveDate());
  }

  // ---- usage

  public static RatedUsageRecord toRecord(RatedUsage usage) {
    return new RatedUsageRecord(
        usage.recordId(),
        usage.source(),
        usage.subscriptionId(),
        usage.offeringId(),
        usage.catalogVersion(),
        usage.chargeId(),
        usage.usageType(),
        usage.zone(),
        usage.band(),
        usage.usageDate(),
        usage.periodStart(),
        usage.roundedQuantity(),
        usage.allowanceUsed(),
        usage.chargeableQuantity(),
        new MoneyRecord(usage.amount().amount(), usage.amount().currency().getCurrencyCode()),
        usage.late());
  }

  public static RatedUsage toRatedUsage(RatedUsageRecord record) {
    return new RatedUsage(
        record.recordId(),
        record.source(),
        record.subscriptionId(),
        record.offeringId(),
        record.catalogVersion(),
        record.chargeId(),
        record.usageType(),
        record.zone(),
        record.band(),
        record.usageDate(),
        record.periodStart(),
        record.roundedQuantity(),
        record.allowanceUsed(),
        record.chargeableQuantity(),
        new Money(record.amount().amount(), Currency.getInstance(record.amount().currency())),
        record.late());
  }

  public static List<RatedUsage> toRatedUsage(List<RatedUsageRecord> records) {
    List<RatedUsage> usage = new ArrayList<>(records.size());
    for (RatedUsageRecord record : records) {
      usage.add(toRatedUsage(record));
    }
    return usage;
  }

  // ---- billing history

  public static BillingHistoryRecord toRecord(BillingHistory history) {
    return new BillingHistoryRecord(
        history.firstPeriodStart(),
        history.lastCycleDate(),
        List.copyOf(history.recentPeriods()),
        history.charges().stream().map(AccountJournal::toRecord).toList(),
        history.periodsCharged(),
        history.oneTimeCharges().stream()
            .map(
                c ->
                    new BillingHistoryRecord.BilledOneTimeCharge(
                        c.subscriptionId(), c.chargeId(), c.trigger(), c.triggerDate()))
            .toList(),
        mapValues(
            history.billedUsage(),
            u ->
                new BillingHistoryRecord.BilledUsage(
                    u.quantity(), u.chargeableQuantity(), u.records(), u.amount())),
        history.recordsFrom(),
        history.changesSeen(),
        history.ordinalsFrom());
  }

  private static BillingHistoryRecord.ChargedService toRecord(
      BillingHistory.ChargedService charged) {
    return new BillingHistoryRecord.ChargedService(
        charged.subscriptionId(),
        charged.periodStart(),
        charged.periodEnd(),
        charged.periodOrdinal(),
        charged.offeringId(),
        charged.chargeId(),
        charged.catalogVersion(),
        charged.description(),
        charged.taxCategory(),
        charged.glCode(),
        charged.from(),
        charged.until(),
        charged.amount(),
        charged.discounts().stream()
            .map(
                d ->
                    new BillingHistoryRecord.ChargedDiscount(
                        d.discountId(), d.description(), d.glCode(), d.amount()))
            .toList(),
        charged.creditedDates());
  }

  public static BillingHistory toHistory(BillingHistoryRecord record) {
    return new BillingHistory(
        record.firstPeriodStart(),
        record.lastCycleDate(),
        new HashSet<>(record.recentPeriods()),
        record.charges().stream().map(AccountJournal::toChargedService).toList(),
        record.periodsCharged(),
        record.oneTimeCharges().stream()
            .map(
                c ->
                    new BillingHistory.BilledOneTimeCharge(
                        c.subscriptionId(), c.chargeId(), c.trigger(), c.triggerDate()))
            .toList(),
        mapValues(
            record.billedUsage(),
            u ->
                new BillingHistory.BilledUsage(
                    u.quantity(), u.chargeableQuantity(), u.records(), u.amount())),
        record.recordsFrom(),
        record.changesSeen(),
        record.ordinalsFrom());
  }

  private static BillingHistory.ChargedService toChargedService(
      BillingHistoryRecord.ChargedService record) {
    return new BillingHistory.ChargedService(
        record.subscriptionId(),
        record.periodStart(),
        record.periodEnd(),
        record.periodOrdinal(),
        record.offeringId(),
        record.chargeId(),
        record.catalogVersion(),
        record.description(),
        record.taxCategory(),
        record.glCode(),
        record.from(),
        record.until(),
        record.amount(),
        record.discounts().stream()
            .map(
                d ->
                    new BillingHistory.ChargedDiscount(
                        d.discountId(), d.description(), d.glCode(), d.amount()))
            .toList(),
        record.creditedDates());
  }

  // ---- invoices

  public static IssuedInvoiceRecord toRecord(IssuedInvoice issued) {
    InvoiceDraft draft = issued.invoice();
    return new IssuedInvoiceRecord(
        issued.number(),
        new InvoiceRecord(
            draft.accountId(),
            draft.legalEntity(),
            draft.currency().getCurrencyCode(),
            draft.issueDate(),
            draft.dueDate(),
            new InvoiceRecord.Period(draft.billingPeriod().start(), draft.billingPeriod().end()),
            draft.lines().stream().map(AccountJournal::toRecord).toList(),
            draft.taxItems().stream()
                .map(
                    t ->
                        new InvoiceRecord.TaxItem(
                            t.taxCategories(), t.rate(), t.taxableAmount(), t.taxAmount()))
                .toList(),
            draft.taxExcludedAmount(),
            draft.taxAmount(),
            draft.taxIncludedAmount()),
        issued.state(),
        issued.issuedAt());
  }

  private static InvoiceRecord.Line toRecord(InvoiceLine line) {
    return new InvoiceRecord.Line(
        line.type().name(),
        line.description(),
        line.subscriptionId(),
        line.offeringId(),
        line.chargeId(),
        line.catalogVersion(),
        line.servicePeriodStart(),
        line.servicePeriodEnd(),
        line.quantity(),
        line.unit(),
        line.unitPrice(),
        line.amount(),
        line.taxCategory(),
        line.glCode(),
        line.usageType(),
        line.zone(),
        line.band(),
        line.records(),
        line.originalPeriodStart(),
        line.credit());
  }

  public static IssuedInvoice toIssuedInvoice(IssuedInvoiceRecord record) {
    InvoiceRecord invoice = record.invoice();
    return new IssuedInvoice(
        record.number(),
        new InvoiceDraft(
            invoice.accountId(),
            invoice.legalEntity(),
            Currency.getInstance(invoice.currency()),
            invoice.issueDate(),
            invoice.dueDate(),
            new BillPeriod(invoice.billingPeriod().start(), invoice.billingPeriod().end()),
            invoice.lines().stream().map(AccountJournal::toLine).toList(),
            invoice.taxItems().stream()
                .map(
                    t -> new TaxItem(t.taxCategories(), t.rate(), t.taxableAmount(), t.taxAmount()))
                .toList(),
            invoice.taxExcludedAmount(),
            invoice.taxAmount(),
            invoice.taxIncludedAmount()),
        record.state(),
        record.issuedAt());
  }

  private static InvoiceLine toLine(InvoiceRecord.Line line) {
    return new InvoiceLine(
        LineType.valueOf(line.type()),
        line.description(),
        line.subscriptionId(),
        line.offeringId(),
        line.chargeId(),
        line.catalogVersion(),
        line.servicePeriodStart(),
        line.servicePeriodEnd(),
        line.quantity(),
        line.unit(),
        line.unitPrice(),
        line.amount(),
        line.taxCategory(),
        line.glCode(),
        line.usageType(),
        line.zone(),
        line.band(),
        line.records(),
        line.originalPeriodStart(),
        line.credit());
  }

  // ---- snapshots

  /** Snapshots of the entity's state as {@link AccountSnapshot} records. */
  static final SnapshotAdapter<AccountState> SNAPSHOTS =
      new SnapshotAdapter<>() {
        @Override
        public Object toJournal(AccountState state) {
          return toSnapshot(state);
        }

        @Override
        public AccountState fromJournal(Object snapshot) {
          return fromSnapshot((AccountSnapshot) snapshot);
        }
      };

  public static AccountSnapshot toSnapshot(AccountState state) {
    if (!(state instanceof AccountState.Open open)) {
      return AccountSnapshot.Unopened.INSTANCE;
    }
    Map<String, SubscriptionRecord> subscriptions = new LinkedHashMap<>();
    open.subscriptions()
        .forEach((id, subscription) -> subscriptions.put(id, toRecord(subscription)));
    return new AccountSnapshot.Open(
        toRecord(open.profile()),
        open.openedAt(),
        subscriptions,
        toRecord(open.usage()),
        toRecord(open.dedupe()),
        toRecord(open.billing()),
        open.invoices().stream().map(AccountJournal::toRecord).toList(),
        open.receivableHistory(),
        DunningJournal.toRecord(open.dunning()));
  }

  public static AccountState fromSnapshot(AccountSnapshot snapshot) {
    if (!(snapshot instanceof AccountSnapshot.Open open)) {
      return AccountState.Unopened.INSTANCE;
    }
    Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    open.subscriptions()
        .forEach((id, subscription) -> subscriptions.put(id, toSubscription(subscription)));
    AccountProfile profile = toProfile(open.profile());
    List<IssuedInvoice> invoices =
        open.invoices().stream().map(AccountJournal::toIssuedInvoice).toList();
    // snapshots written before receivables were kept: every kept invoice is open and unpaid
    List<ReceivableFact> history =
        open.receivables() != null ? open.receivables() : PaymentJournal.invoicesOpened(invoices);
    return new AccountState.Open(
        profile,
        open.openedAt(),
        subscriptions,
        toUsageBook(open.usage()),
        toDedupeWindow(open.dedupe()),
        toHistory(open.billing()),
        invoices,
        PaymentJournal.bookOf(profile, history),
        history,
        DunningJournal.toState(open.dunning()));
  }

  private static SubscriptionRecord toRecord(Subscription subscription) {
    return new SubscriptionRecord(
        subscription.subscriptionId(),
        subscription.serviceIds().stream().map(GuidingJournal::toRecord).toList(),
        subscription.activationDate(),
        subscription.history().stream()
            .map(
                c ->
                    new SubscriptionRecord.StatusChange(
                        c.effectiveDate(), c.kind().name(), c.status().name(), c.offeringId()))
            .toList());
  }

  private static Subscription toSubscription(SubscriptionRecord record) {
    return new Subscription(
        record.subscriptionId(),
        record.serviceIds().stream().map(GuidingJournal::toServiceId).toList(),
        record.activationDate(),
        record.history().stream()
            .map(
                c ->
                    new StatusChange(
                        c.effectiveDate(),
                        ChangeKind.valueOf(c.kind()),
                        SubscriptionStatus.valueOf(c.status()),
                        c.offeringId()))
            .toList());
  }

  private static UsageBookRecord toRecord(UsageBook book) {
    return new UsageBookRecord(
        mapValues(
            book.counters(),
            c ->
                new UsageBookRecord.Counters(
                    c.roundedQuantity(), c.allowanceUsed(), c.chargeableQuantity())),
        mapValues(
            book.lines(),
            l ->
                new UsageBookRecord.Line(
                    l.periodStart(),
                    l.subscriptionId(),
                    l.usageType(),
                    l.zone(),
                    l.band(),
                    l.quantity(),
                    l.chargeableQuantity(),
                    l.records(),
                    l.amount(),
                    l.offeringId(),
                    l.chargeId())));
  }

  private static UsageBook toUsageBook(UsageBookRecord record) {
    return new UsageBook(
        mapValues(
            record.counters(),
            c -> new UsageCounters(c.roundedQuantity(), c.allowanceUsed(), c.chargeableQuantity())),
        mapValues(
            record.lines(),
            l ->
                new UsageBook.UsageLine(
                    l.periodStart(),
                    l.subscriptionId(),
                    l.usageType(),
                    l.zone(),
                    l.band(),
                    l.quantity(),
                    l.chargeableQuantity(),
                    l.records(),
                    l.amount(),
                    l.offeringId(),
                    l.chargeId())));
  }

  private static DedupeRecord toRecord(DedupeWindow window) {
    DedupeSnapshot snapshot = window.toSnapshot();
    return new DedupeRecord(
        snapshot.horizonDay(),
        snapshot.days().stream()
            .map(d -> new DedupeRecord.DayIds(d.epochDay(), d.fingerprints()))
            .toList());
  }

  private static DedupeWindow toDedupeWindow(DedupeRecord record) {
    return DedupeWindow.fromSnapshot(
        new DedupeSnapshot(
            record.horizonDay(),
            record.days().stream()
                .map(d -> new DedupeSnapshot.DayIds(d.epochDay(), d.fingerprints()))
                .toList()));
  }

  private static <K, A, B> Map<K, B> mapValues(
      Map<K, A> map, java.util.function.Function<A, B> value) {
    Map<K, B> mapped = new LinkedHashMap<>();
    map.forEach((key, a) -> mapped.put(key, value.apply(a)));
    return mapped;
  }
}
