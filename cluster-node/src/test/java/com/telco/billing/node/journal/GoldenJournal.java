package com.telco.billing.node.journal;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.core.dedupe.DatedKey;
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
import com.telco.billing.core.subscription.ActivateSubscription;
import com.telco.billing.core.subscription.Decision;
import com.telco.billing.core.subscription.ServiceClaim;
import com.telco.billing.core.subscription.ServiceHoldings;
import com.telco.billing.core.subscription.ServiceId;
import com.telco.billing.core.subscription.ServiceRelease;
import com.telco.billing.core.subscription.Subscription;
import com.telco.billing.core.subscription.SubscriptionChange;
import com.telco.billing.core.usage.UsageBook;
import com.telco.billing.node.account.AccountJournal;
import com.telco.billing.node.account.AccountState;
import com.telco.billing.node.billrun.AccountsDue;
import com.telco.billing.node.billrun.BillRunJournal;
import com.telco.billing.node.billrun.BillRunState;
import com.telco.billing.node.catalog.CatalogJournal;
import com.telco.billing.node.catalog.CatalogState;
import com.telco.billing.node.catalog.SampleCatalog;
import com.telco.billing.node.guiding.GuidingJournal;
import com.telco.billing.node.guiding.ServiceGuideState;
import com.telco.billing.node.invoice.InvoiceSeriesEntity;
import com.telco.billing.node.invoice.SeriesJournal;
import com.telco.billing.node.rerating.ReratingState;
import com.telco.billing.protocol.Origin;
import com.telco.billing.protocol.account.AccountEvent;
import com.telco.billing.protocol.account.journal.AccountSnapshot;
import com.telco.billing.protocol.account.journal.ReratedUsageRecord;
import com.telco.billing.protocol.billrun.BillRunEvent;
import com.telco.billing.protocol.billrun.journal.BillRunSnapshot;
import com.telco.billing.protocol.catalog.PublishedVersion;
import com.telco.billing.protocol.dunning.DunningPolicyEvent;
import com.telco.billing.protocol.dunning.journal.DunningPolicyRecord;
import com.telco.billing.protocol.guiding.journal.ServiceGuideSnapshot;
import com.telco.billing.protocol.http.OpenAccountRequest;
import com.telco.billing.protocol.invoice.InvoiceEntry;
import com.telco.billing.protocol.invoice.InvoiceState;
import com.telco.billing.protocol.invoice.IssuedInvoice;
import com.telco.billing.protocol.invoice.SeriesEvent;
import com.telco.billing.protocol.invoice.journal.SeriesSnapshot;
import com.telco.billing.protocol.rerating.ReratingEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The golden journal: one representative value of every persisted event and every snapshot type of
 * every event-sourced entity, by fixture name ({@code Type-variant}). {@link GoldenJournalWriter}
 * wrote the fixtures under {@code src/test/resources/golden-journal/} from these values with the
 * code of the day; {@link GoldenJournalTest} reads the fixtures with today's code and expects these
 * values. When the journal schema changes, the values here change with it and the fixtures stay.
 *
 * <p>Variants fill optional fields and leave them empty where the type has them.
 */
final class GoldenJournal {
  private GoldenJournal() {}

  static final String DIRECTORY = "golden-journal";

  private static final Instant AT = Instant.parse("2026-12-01T10:15:30.123456Z");
  private static final LocalDate CYCLE = LocalDate.of(2026, 12, 1);
  private static final ServiceId MSISDN = ServiceId.msisdn("+4915100000001");
  private static final ServiceId IMSI = ServiceId.imsi("262011234567890");
  private static final Origin ORIGIN = new Origin("order-management-1", "req-5e0b7a");

  /**
   * Fixtures written as an older version of the code wrote them: the value's form today without
   * these fields (snapshots taken before invoicing existed have neither billing nor invoices).
   */
  static Map<String, List<String>> writtenWithout() {
    return Map.of(
        "AccountState.Open-beforeInvoicing",
        List.of("billing", "invoices", "receivables"),
        "AccountState.Open-filled",
        List.of("receivables"),
        "AccountState.Open-fresh",
        List.of("receivables"));
  }

  /** The expected value of every fixture, by fixture name, in a stable order. */
  static Map<String, Object> expected() {
    Map<String, Object> all = new LinkedHashMap<>();
    collect(all, new LinkedHashMap<>());
    return all;
  }

  /**
   * The entity state each snapshot fixture recovers, by fixture name: its expected value is this
   * state as the entity's snapshot adapter writes it.
   */
  static Map<String, Object> recoveredStates() {
    Map<String, Object> states = new LinkedHashMap<>();
    collect(new LinkedHashMap<>(), states);
    return states;
  }

  /** The entity state a snapshot as read recovers (through the entity's snapshot adapter). */
  static Object recover(Object snapshot) {
    if (snapshot instanceof AccountSnapshot account) {
      return AccountJournal.fromSnapshot(account);
    }
    if (snapshot instanceof ServiceGuideSnapshot guide) {
      return GuidingJournal.fromSnapshot(guide);
    }
    if (snapshot instanceof SeriesSnapshot series) {
      return SeriesJournal.fromSnapshot(series);
    }
    if (snapshot instanceof BillRunSnapshot billRun) {
      return BillRunJournal.fromSnapshot(billRun);
    }
    return snapshot;
  }

  private static void collect(Map<String, Object> all, Map<String, Object> states) {
    account(all, states);
    guiding(all, states);
    catalog(all);
    dunningPolicies(all);
    series(all, states);
    billRun(all, states);
    rerating(all);
  }

  private static void rerating(Map<String, Object> all) {
    String jobId = "RJ-5c1e0a9b7d3f2e61";
    all.put(
        "ReratingEvent.JobStarted-accounts",
        new ReratingEvent.JobStarted(
            jobId,
            "acc-1|acc-2||2026-11-05T00:00:00Z|2026-12-05T00:00:00Z|SMS price",
            List.of("acc-1", "acc-2"),
            null,
            CYCLE.minusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
            CYCLE.atStartOfDay(ZoneOffset.UTC).toInstant(),
            "SMS price",
            ORIGIN,
            AT,
            2));
    all.put(
        "ReratingEvent.JobStarted-offering",
        new ReratingEvent.JobStarted(
            "RJ-0000000000000002",
            "|MOBILE_S|2026-11-05T00:00:00Z|2026-12-05T00:00:00Z|SMS price",
            null,
            "MOBILE_S",
            CYCLE.minusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
            CYCLE.atStartOfDay(ZoneOffset.UTC).toInstant(),
            "SMS price",
            ORIGIN,
            AT,
            2));
    all.put(
        "ReratingEvent.StepRecorded",
        new ReratingEvent.StepRecorded(
            jobId,
            2,
            1,
            null,
            false,
            2,
            14,
            5,
            1,
            Map.of("EUR", new BigDecimal("-0.040000")),
            Map.of("EUR", new BigDecimal("-0.08")),
            Map.of("acc-2", "timeout"),
            List.of(),
            false,
            2L,
            AT));
    all.put(
        "ReratingState-oneJob",
        new ReratingState(List.of())
            .apply((ReratingEvent) all.get("ReratingEvent.JobStarted-accounts"))
            .apply((ReratingEvent) all.get("ReratingEvent.StepRecorded")));
  }

  private static void accountSnapshot(
      Map<String, Object> all, Map<String, Object> states, String name, AccountState state) {
    all.put(name, AccountJournal.toSnapshot(state));
    states.put(name, state);
  }

  private static void account(Map<String, Object> all, Map<String, Object> states) {
    all.put(
        "AccountEvent.AccountOpened-paymentMethod",
        AccountJournal.accountOpened(profile(), AT, null));
    all.put(
        "AccountEvent.AccountOpened-noPaymentMethod",
        AccountJournal.accountOpened(profileWithoutPaymentMethod(), AT, null));
    all.put(
        "AccountEvent.SubscriptionActivated",
        AccountJournal.subscriptionActivated(activation(), claims(), AT, null));
    all.put(
        "AccountEvent.SubscriptionChanged-changeOffering",
        AccountJournal.subscriptionChanged(
            "sub-1",
            new SubscriptionChange.ChangeOffering("MOBILE_L", CYCLE),
            List.of(),
            AT,
            null));
    all.put(
        "AccountEvent.SubscriptionChanged-suspend",
        AccountJournal.subscriptionChanged(
            "sub-1", new SubscriptionChange.Suspend(CYCLE), List.of(), AT, null));
    all.put(
        "AccountEvent.SubscriptionChanged-resume",
        AccountJournal.subscriptionChanged(
            "sub-1", new SubscriptionChange.Resume(CYCLE.plusDays(3)), List.of(), AT, null));
    all.put(
        "AccountEvent.SubscriptionChanged-terminate",
        AccountJournal.subscriptionChanged(
            "sub-1", new SubscriptionChange.Terminate(CYCLE.plusDays(10)), releases(), AT, null));
    all.put(
        "AccountEvent.UsageRated",
        AccountJournal.usageRated(
            List.of(ratedUsage(), lateUsageWithoutZoneOrBand()),
            AT.minusSeconds(86400 * 45),
            AT,
            List.of()));
    originEvents(all);
    RatedUsage before = ratedUsage();
    RatedUsage after =
        new RatedUsage(
            before.recordId(),
            before.source(),
            before.subscriptionId(),
            before.offeringId(),
            "2026-11-fix",
            before.chargeId(),
            before.usageType(),
            before.zone(),
            before.band(),
            before.usageDate(),
            before.periodStart(),
            before.roundedQuantity(),
            before.allowanceUsed(),
            before.chargeableQuantity(),
            Money.of("0.050000", before.amount().currency().getCurrencyCode()),
            before.late());
    all.put(
        "AccountEvent.UsageRerated",
        new AccountEvent.UsageRerated(
            "RJ-5c1e0a9b7d3f2e61",
            List.of(
                new ReratedUsageRecord(
                    AccountJournal.toRecord(before),
                    AccountJournal.toRecord(after),
                    true,
                    "RR-RJ-5c1e0a9b7d3f2e61-8-1"),
                new ReratedUsageRecord(
                    AccountJournal.toRecord(lateUsageWithoutZoneOrBand()),
                    AccountJournal.toRecord(lateUsageWithoutZoneOrBand()),
                    false,
                    null)),
            AT,
            ORIGIN));
    all.put("AccountEvent.InvoiceIssued", AccountJournal.invoiceIssued(issuedInvoice(), AT));
    all.put(
        "AccountEvent.InvoiceIssued-version2", AccountJournal.invoiceIssued(issuedInvoice(), AT));
    all.put(
        "AccountEvent.InvoiceIssued-legacyBillingAfter",
        new AccountEvent.InvoiceIssuedWithHistory(
            AccountJournal.toRecord(issuedInvoice()), AccountJournal.toRecord(history()), AT));
    all.put(
        "AccountEvent.InvoiceRegistered",
        new AccountEvent.InvoiceRegistered(InvoiceEntry.of(issuedInvoice(), 12), AT));
    all.put(
        "AccountEvent.BillPeriodClosed-invoiced",
        AccountJournal.billPeriodClosed(CYCLE, null, history(), AT, List.of()));
    all.put(
        "AccountEvent.BillPeriodClosed-corrections",
        AccountJournal.billPeriodClosed(
            CYCLE,
            null,
            historyWithCorrections(),
            AT,
            List.of(
                new UncorrectedChange(
                    "sub-3",
                    "ACTIVATED",
                    CYCLE.minusMonths(14),
                    CYCLE.minusMonths(13),
                    UncorrectedChange.BEYOND_LOOK_BACK))));
    all.put(
        "AccountEvent.BillPeriodClosed-nothingToBill",
        AccountJournal.billPeriodClosed(
            CYCLE, "nothing_to_bill", BillingHistory.EMPTY, AT, List.of()));

    all.put(
        "AccountEvent.CollectionScheduled",
        com.telco.billing.node.PaymentSamples.collectionScheduled());
    all.put(
        "AccountEvent.ReceivablesChanged",
        com.telco.billing.node.PaymentSamples.receivablesChanged(ORIGIN));
    accountSnapshot(
        all,
        states,
        "AccountState.Open-receivables",
        openAccount().withReceivables(com.telco.billing.node.PaymentSamples.facts()));
    all.put(
        "AccountEvent.ReceivablesChanged-creditNote",
        com.telco.billing.node.CreditNoteSamples.creditNoteChanged(ORIGIN));
    accountSnapshot(
        all,
        states,
        "AccountState.Open-creditNote",
        openAccount()
            .withReceivables(com.telco.billing.node.PaymentSamples.facts())
            .withReceivables(
                com.telco.billing.node.CreditNoteSamples.creditNoteChanged(ORIGIN).facts()));

    all.put(
        "AccountEvent.ReceivablesChanged-adjustments",
        com.telco.billing.node.AdjustmentSamples.receivablesChanged(ORIGIN));
    accountSnapshot(
        all,
        states,
        "AccountState.Open-adjustments",
        openAccount()
            .withReceivables(com.telco.billing.node.PaymentSamples.facts())
            .withReceivables(com.telco.billing.node.AdjustmentSamples.facts()));

    all.put(
        "AccountEvent.DunningChanged",
        com.telco.billing.node.DunningSamples.dunningChanged(ORIGIN));
    AccountState.Open dunned =
        openAccount().withReceivables(com.telco.billing.node.PaymentSamples.facts());
    for (var fact : com.telco.billing.node.DunningSamples.underWay()) {
      dunned =
          dunned.withDunning(
              com.telco.billing.node.account.DunningJournal.apply(dunned.dunning(), fact));
    }
    accountSnapshot(all, states, "AccountState.Open-dunning", dunned);

    accountSnapshot(all, states, "AccountState.Unopened", AccountState.Unopened.INSTANCE);
    accountSnapshot(all, states, "AccountState.Open-filled", openAccount());
    AccountState.Open filledForCharges = openAccount();
    accountSnapshot(
        all,
        states,
        "AccountState.Open-usagePerCharge",
        new AccountState.Open(
            filledForCharges.profile(),
            filledForCharges.openedAt(),
            filledForCharges.subscriptions(),
            usagePerCharge(),
            filledForCharges.dedupe(),
            filledForCharges.billing(),
            filledForCharges.invoices()));
    AccountState.Open filled = openAccount();
    accountSnapshot(
        all,
        states,
        "AccountState.Open-beforeInvoicing",
        new AccountState.Open(
            filled.profile(),
            filled.openedAt(),
            filled.subscriptions(),
            filled.usage(),
            filled.dedupe(),
            BillingHistory.EMPTY,
            List.of()));
    accountSnapshot(
        all,
        states,
        "AccountState.Open-fresh",
        new AccountState.Open(
            profileWithoutPaymentMethod(),
            AT,
            Map.of(),
            UsageBook.EMPTY,
            DedupeWindow.empty(),
            BillingHistory.EMPTY,
            List.of()));
  }

  /** The account events that name the request behind them, as nodes write them since then. */
  private static void originEvents(Map<String, Object> all) {
    all.put(
        "AccountEvent.AccountOpened-origin", AccountJournal.accountOpened(profile(), AT, ORIGIN));
    all.put(
        "AccountEvent.SubscriptionActivated-origin",
        AccountJournal.subscriptionActivated(activation(), claims(), AT, ORIGIN));
    all.put(
        "AccountEvent.SubscriptionChanged-terminateOrigin",
        AccountJournal.subscriptionChanged(
            "sub-1", new SubscriptionChange.Terminate(CYCLE.plusDays(10)), releases(), AT, ORIGIN));
    all.put(
        "AccountEvent.UsageRated-origins",
        AccountJournal.usageRated(
            List.of(ratedUsage(), lateUsageWithoutZoneOrBand()),
            AT.minusSeconds(86400 * 45),
            AT,
            List.of(
                new Origin.Span(ORIGIN, 1),
                new Origin.Span(new Origin("mediation-feed-2", "req-c41d"), 1))));
  }

  private static void guiding(Map<String, Object> all, Map<String, Object> states) {
    all.put("ServiceEvent.ServiceClaimed", GuidingJournal.serviceClaimed(claims().get(0)));
    all.put("ServiceEvent.ServiceReleased", GuidingJournal.serviceReleased(releases().get(0)));
    ServiceHoldings claimed = applied(ServiceHoldings.none(MSISDN).claim(claims().get(0)));
    ServiceHoldings released = applied(claimed.release(releases().get(0)));
    guidingSnapshot(
        all,
        states,
        "ServiceGuideState-reclaimed",
        new ServiceGuideState(
            applied(
                released.claim(
                    new ServiceClaim(MSISDN, "acc-2", "sub-7", AT.plusSeconds(86400 * 30))))));
    guidingSnapshot(
        all, states, "ServiceGuideState-empty", new ServiceGuideState(ServiceHoldings.none(IMSI)));
  }

  private static void guidingSnapshot(
      Map<String, Object> all, Map<String, Object> states, String name, ServiceGuideState state) {
    all.put(name, GuidingJournal.toSnapshot(state));
    states.put(name, state);
  }

  private static void catalog(Map<String, Object> all) {
    var document = SampleCatalog.document();
    var version = SampleCatalog.validated(document);
    all.put(
        "CatalogEvent.CatalogVersionPublished",
        CatalogJournal.versionPublished(version, document, AT, null));
    all.put(
        "CatalogEvent.CatalogVersionPublished-origin",
        CatalogJournal.versionPublished(version, document, AT, ORIGIN));
    all.put(
        "CatalogState-oneVersion",
        new CatalogState(List.of(new PublishedVersion(version, document, AT, null))));
    all.put("CatalogState-empty", CatalogState.EMPTY);
    var correctionDocument =
        SampleCatalog.correction(
            "2026-03-fix",
            "2026-03-01T00:00:00Z",
            "2026-04-01T00:00:00Z",
            "SMS roaming rate of March was wrong");
    var correction = SampleCatalog.validated(correctionDocument);
    all.put(
        "CatalogEvent.CatalogVersionPublished-correction",
        CatalogJournal.versionPublished(correction, correctionDocument, AT, ORIGIN));
    all.put(
        "CatalogState-correction",
        new CatalogState(
            List.of(
                new PublishedVersion(version, document, AT, ORIGIN.subject()),
                new PublishedVersion(
                    correction, correctionDocument, AT.plusSeconds(60), ORIGIN.subject()))));
  }

  private static void dunningPolicies(Map<String, Object> all) {
    var eur = new DunningPolicyRecord.Amount("EUR", new BigDecimal("5.00"));
    var jpy = new DunningPolicyRecord.Amount("JPY", new BigDecimal("500"));
    var reminder = new DunningPolicyRecord.Step("reminder-1", 3, List.of("reminder"));
    var lateFee = new DunningPolicyRecord.Step("reminder-2", 10, List.of("reminder", "late_fee"));
    var terminate =
        new DunningPolicyRecord.Step("terminate", 45, List.of("terminate", "collections"));
    all.put(
        "DunningPolicyEvent.PolicyPublished",
        new DunningPolicyEvent.PolicyPublished(
            new DunningPolicyRecord(
                "standard",
                1,
                "DEFAULT",
                null,
                List.of(eur, jpy),
                List.of(reminder, lateFee, terminate),
                new DunningPolicyRecord.LateFee(
                    List.of(eur, jpy), null, "STANDARD", "Late payment fee"),
                AT),
            ORIGIN));
    all.put(
        "DunningPolicyEvent.PolicyPublished-segmentPercent",
        new DunningPolicyEvent.PolicyPublished(
            new DunningPolicyRecord(
                "business",
                3,
                "ENT-1",
                "business",
                List.of(new DunningPolicyRecord.Amount("EUR", new BigDecimal("0.00"))),
                List.of(lateFee),
                new DunningPolicyRecord.LateFee(
                    List.of(), new BigDecimal("2.5"), "STANDARD", "Late payment fee 2.5 %"),
                AT),
            null));
    all.put(
        "DunningPolicyEvent.PolicyPublished-noFee",
        new DunningPolicyEvent.PolicyPublished(
            new DunningPolicyRecord(
                "gentle", 1, "ENT-1", null, List.of(eur), List.of(reminder), null, AT),
            ORIGIN));
  }

  private static void series(Map<String, Object> all, Map<String, Object> states) {
    all.put(
        "SeriesEvent.NumbersAssigned",
        new SeriesEvent.NumbersAssigned(
            List.of(
                new SeriesEvent.Assignment("acc-1|2026-12-01", 7),
                new SeriesEvent.Assignment("acc-2|2026-12-01", 8))));
    all.put(
        "SeriesEvent.NumbersConfirmed",
        new SeriesEvent.NumbersConfirmed(List.of("acc-1|2026-12-01")));
    seriesSnapshot(
        all,
        states,
        "InvoiceSeriesEntity.State-pending",
        new InvoiceSeriesEntity.State(8, Map.of("acc-2|2026-12-01", 8L)));
    seriesSnapshot(
        all, states, "InvoiceSeriesEntity.State-empty", new InvoiceSeriesEntity.State(0, Map.of()));
    seriesSnapshot(
        all,
        states,
        "SeriesSnapshot-pending",
        new InvoiceSeriesEntity.State(
            12, Map.of("acc-1|2026-12-01", 11L, "acc-2|2026-12-01", 12L)));
  }

  private static void seriesSnapshot(
      Map<String, Object> all,
      Map<String, Object> states,
      String name,
      InvoiceSeriesEntity.State state) {
    all.put(name, SeriesJournal.toSnapshot(state));
    states.put(name, state);
  }

  private static void billRunSnapshot(
      Map<String, Object> all, Map<String, Object> states, String name, BillRunState state) {
    all.put(name, BillRunJournal.toSnapshot(state));
    states.put(name, state);
  }

  private static void billRun(Map<String, Object> all, Map<String, Object> states) {
    String runId = "BR-2026-12-01";
    all.put(
        "BillRunEvent.RunStarted", new BillRunEvent.RunStarted(runId, CYCLE, "schedule", AT, null));
    all.put(
        "BillRunEvent.RunStarted-manualOrigin",
        new BillRunEvent.RunStarted(runId + "-2", CYCLE, "manual", AT, ORIGIN));
    all.put(
        "BillRunEvent.RunStarted-billCycleOrigin",
        new BillRunEvent.RunStarted(runId, CYCLE, "schedule", AT, Origin.BILL_CYCLE));
    all.put("BillRunEvent.AccountsDueCounted", new BillRunEvent.AccountsDueCounted(runId, 10));
    all.put(
        "BillRunEvent.StepRecorded-scan",
        new BillRunEvent.StepRecorded(
            runId,
            "acc-9",
            10,
            8,
            1,
            Map.of("EUR", new BigDecimal("12.10"), "BHD", new BigDecimal("3.125")),
            Map.of("acc-3", "timeout"),
            List.of(),
            AT));
    all.put(
        "BillRunEvent.StepRecorded-retry",
        new BillRunEvent.StepRecorded(
            runId,
            null,
            1,
            1,
            0,
            Map.of("EUR", new BigDecimal("4.00")),
            Map.of(),
            List.of("acc-3"),
            AT.plusSeconds(60)));
    all.put("BillRunEvent.ScanCompleted", new BillRunEvent.ScanCompleted(runId, AT));
    all.put("BillRunEvent.RetryRoundCompleted", new BillRunEvent.RetryRoundCompleted(runId, 1, AT));
    all.put("BillRunEvent.RunCompleted", new BillRunEvent.RunCompleted(runId, AT));
    all.put("BillRunEvent.ScheduledThrough", new BillRunEvent.ScheduledThrough(CYCLE));

    BillRunState.Run retrying =
        new BillRunState.Run(
            runId,
            CYCLE,
            "manual",
            AT,
            BillRunState.Phase.RETRYING,
            1,
            "acc-9",
            new AccountsDue.Counted(10),
            10,
            8,
            1,
            Map.of("EUR", new BigDecimal("12.10")),
            Map.of("acc-3", "timeout"),
            AT,
            null);
    BillRunState.Run completed =
        new BillRunState.Run(
            "BR-2026-11-01",
            CYCLE.minusMonths(1),
            "schedule",
            AT.minusSeconds(86400 * 30),
            BillRunState.Phase.COMPLETED,
            0,
            "acc-9",
            AccountsDue.CountFailed.INSTANCE,
            3,
            2,
            1,
            Map.of(),
            Map.of(),
            AT.minusSeconds(86400 * 30 - 60),
            AT.minusSeconds(86400 * 30 - 60));
    billRunSnapshot(
        all, states, "BillRunState-runs", new BillRunState(CYCLE, List.of(completed, retrying)));
    billRunSnapshot(all, states, "BillRunState-empty", BillRunState.EMPTY);
    BillRunState.Run scanning =
        new BillRunState.Run(
            "BR-2026-12-02",
            CYCLE.plusDays(1),
            "schedule",
            AT.plusSeconds(86400),
            BillRunState.Phase.SCANNING,
            0,
            "",
            AccountsDue.NotCounted.INSTANCE,
            0,
            0,
            0,
            Map.of(),
            Map.of(),
            AT.plusSeconds(86400),
            null);
    billRunSnapshot(
        all,
        states,
        "BillRunSnapshot-notCounted",
        new BillRunState(CYCLE.plusDays(1), List.of(retrying, scanning)));
  }

  static AccountProfile profile() {
    return new OpenAccountRequest(
            "acc-1", "Jane Doe", "EUR", 1, "Europe/Berlin", "DE", false, 14, "pm-tok-42", "ENT-1")
        .validate()
        .value();
  }

  static AccountProfile profileWithoutPaymentMethod() {
    return new OpenAccountRequest(
            "acc-2", "Ali", "BHD", 28, "Asia/Bahrain", "BH", true, 0, null, "ENT-2")
        .validate()
        .value();
  }

  static ActivateSubscription activation() {
    return new ActivateSubscription(
        "sub-1", "MOBILE_S", List.of(MSISDN, IMSI), CYCLE.minusMonths(1));
  }

  static List<ServiceClaim> claims() {
    Instant from = Instant.parse("2026-10-31T23:00:00Z");
    return List.of(
        new ServiceClaim(MSISDN, "acc-1", "sub-1", from),
        new ServiceClaim(IMSI, "acc-1", "sub-1", from));
  }

  static List<ServiceRelease> releases() {
    Instant at = Instant.parse("2026-12-10T23:00:00Z");
    return List.of(
        new ServiceRelease(MSISDN, "acc-1", "sub-1", at),
        new ServiceRelease(IMSI, "acc-1", "sub-1", at));
  }

  static RatedUsage ratedUsage() {
    return new RatedUsage(
        "r-1",
        "msc-1",
        "sub-1",
        "MOBILE_S",
        "2026-01",
        "MOBILE_S_VOICE",
        "VOICE",
        "NATIONAL",
        "PEAK",
        Instant.parse("2026-12-03T10:00:00Z"),
        CYCLE,
        120,
        60,
        60,
        Money.of("0.090000", "EUR"),
        false);
  }

  static RatedUsage lateUsageWithoutZoneOrBand() {
    return new RatedUsage(
        "r-2",
        "sgsn-1",
        "sub-1",
        "MOBILE_S",
        "2026-01",
        "MOBILE_S_DATA",
        "DATA",
        null,
        null,
        Instant.parse("2026-11-20T08:00:00Z"),
        CYCLE.minusMonths(1),
        1048576,
        0,
        1048576,
        Money.of("0.500000", "EUR"),
        true);
  }

  static BillingHistory history() {
    BillingHistory.ChargedService charged =
        new BillingHistory.ChargedService(
            "sub-1",
            CYCLE,
            CYCLE.plusMonths(1),
            2,
            "MOBILE_S",
            "MOBILE_S_MONTHLY",
            "2026-01",
            "Mobile S monthly fee",
            "STANDARD",
            "4000-SUBSCRIPTIONS",
            CYCLE,
            CYCLE.plusMonths(1),
            new BigDecimal("9.99"),
            List.of(
                new BillingHistory.ChargedDiscount(
                    "WELCOME", "Welcome discount", "4900-DISCOUNTS", new BigDecimal("-2.00"))),
            List.of(CYCLE.plusDays(3), CYCLE.plusDays(4)));
    BillingHistory.ChargedService bare =
        new BillingHistory.ChargedService(
            "sub-2",
            CYCLE,
            CYCLE.plusMonths(1),
            1,
            "MOBILE_L",
            "MOBILE_L_MONTHLY",
            null,
            null,
            null,
            null,
            CYCLE.plusDays(5),
            CYCLE.plusMonths(1),
            new BigDecimal("15.000000"),
            List.of(),
            List.of());
    return new BillingHistory(
        CYCLE.minusMonths(2),
        CYCLE,
        Set.of(CYCLE.minusMonths(2), CYCLE.minusMonths(1)),
        List.of(charged, bare),
        Map.of("sub-1", 2, "sub-2", 1),
        List.of(
            new BillingHistory.BilledOneTimeCharge(
                "sub-1", "MOBILE_S_SETUP", "ACTIVATION", CYCLE.minusMonths(1))),
        Map.of(
            "2026-11-01|sub-1|VOICE|NATIONAL|PEAK",
            new BillingHistory.BilledUsage(120, 60, 1, new BigDecimal("0.090000"))));
  }

  /** A history that keeps the look-back's records: from a date, with the lifecycle entries seen. */
  static BillingHistory historyWithCorrections() {
    BillingHistory h = history();
    return new BillingHistory(
        h.firstPeriodStart(),
        h.lastCycleDate(),
        h.recentPeriods(),
        h.charges(),
        h.periodsCharged(),
        h.oneTimeCharges(),
        Map.of(
            "2026-11-01|sub-1|VOICE|NATIONAL|PEAK|MOBILE_S|MOBILE_S_VOICE",
            new BillingHistory.BilledUsage(120, 60, 1, new BigDecimal("0.090000"))),
        CYCLE.minusMonths(12),
        Map.of("sub-1", 2, "sub-2", 1),
        null);
  }

  static InvoiceDraft invoiceDraft() {
    InvoiceLine recurring =
        new InvoiceLine(
            LineType.RECURRING,
            "Mobile S monthly fee",
            "sub-1",
            "MOBILE_S",
            "MOBILE_S_MONTHLY",
            "2026-01",
            CYCLE,
            CYCLE.plusMonths(1),
            BigDecimal.ONE,
            "month",
            new BigDecimal("9.99"),
            new BigDecimal("9.99"),
            "STANDARD",
            "4000-SUBSCRIPTIONS",
            null,
            null,
            null,
            null,
            null,
            false);
    InvoiceLine lateUsage =
        new InvoiceLine(
            LineType.LATE_USAGE,
            "Calls NATIONAL PEAK",
            "sub-1",
            "MOBILE_S",
            "MOBILE_S_VOICE",
            "2026-01",
            LocalDate.of(2026, 10, 1),
            LocalDate.of(2026, 11, 1),
            new BigDecimal("120"),
            "SECOND",
            null,
            new BigDecimal("0.18"),
            "STANDARD",
            "4100-VOICE",
            "VOICE",
            "NATIONAL",
            "PEAK",
            2L,
            LocalDate.of(2026, 10, 1),
            false);
    return new InvoiceDraft(
        "acc-1",
        "ENT-1",
        Currency.getInstance("EUR"),
        CYCLE,
        CYCLE.plusDays(14),
        new BillPeriod(LocalDate.of(2026, 11, 1), CYCLE),
        List.of(recurring, lateUsage),
        List.of(
            new TaxItem(
                List.of("STANDARD"),
                new BigDecimal("0.19"),
                new BigDecimal("10.17"),
                new BigDecimal("1.93"))),
        new BigDecimal("10.17"),
        new BigDecimal("1.93"),
        new BigDecimal("12.10"));
  }

  static IssuedInvoice issuedInvoice() {
    return new IssuedInvoice("INV-ENT-1-2026-000001", invoiceDraft(), InvoiceState.ISSUED, AT);
  }

  static AccountState.Open openAccount() {
    Subscription changed =
        Subscription.activated(activation())
            .withChange(new SubscriptionChange.Suspend(CYCLE.plusDays(1)))
            .withChange(new SubscriptionChange.Resume(CYCLE.plusDays(3)))
            .withChange(new SubscriptionChange.ChangeOffering("MOBILE_L", CYCLE.plusDays(5)));
    Subscription terminated =
        Subscription.activated(
                new ActivateSubscription(
                    "sub-2", "MOBILE_S", List.of(ServiceId.msisdn("+4915100000002")), CYCLE))
            .withChange(new SubscriptionChange.Terminate(CYCLE.plusDays(10)));
    Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    subscriptions.put(changed.subscriptionId(), changed);
    subscriptions.put(terminated.subscriptionId(), terminated);
    return new AccountState.Open(
        profile(),
        AT,
        subscriptions,
        usageBeforeChargeSplit(),
        DedupeWindow.empty()
            .withAccepted(
                List.of(
                    DatedKey.of("msc-1", "r-1", Instant.parse("2026-12-03T10:00:00Z")),
                    DatedKey.of("sgsn-1", "r-2", Instant.parse("2026-11-20T08:00:00Z")))),
        history(),
        List.of(issuedInvoice()));
  }

  /** The usage book of the account with its lines per charge, as nodes keep it today. */
  static UsageBook usagePerCharge() {
    return UsageBook.EMPTY.with(
        List.of(ratedUsage(), lateUsageWithoutZoneOrBand()), CYCLE.minusMonths(2));
  }

  /** The same usage as nodes kept it before usage lines were split per charge. */
  private static UsageBook usageBeforeChargeSplit() {
    UsageBook split = usagePerCharge();
    Map<String, UsageBook.UsageLine> lines = new LinkedHashMap<>();
    for (UsageBook.UsageLine l : split.lines().values()) {
      UsageBook.UsageLine whole =
          new UsageBook.UsageLine(
              l.periodStart(),
              l.subscriptionId(),
              l.usageType(),
              l.zone(),
              l.band(),
              l.quantity(),
              l.chargeableQuantity(),
              l.records(),
              l.amount());
      lines.put(UsageBook.lineKey(whole), whole);
    }
    return new UsageBook(split.counters(), lines);
  }

  private static ServiceHoldings applied(Decision<ServiceHoldings> decision) {
    if (decision instanceof Decision.Applied<ServiceHoldings> applied) {
      return applied.state();
    }
    throw new IllegalStateException("not applied: " + decision);
  }
}
