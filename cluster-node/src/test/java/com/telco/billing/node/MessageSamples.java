package com.telco.billing.node;

import com.telco.billing.core.invoice.BillingHistory;
import com.telco.billing.core.invoice.InvoiceDraft;
import com.telco.billing.core.invoice.InvoiceLine;
import com.telco.billing.core.invoice.LineType;
import com.telco.billing.core.invoice.TaxItem;
import com.telco.billing.core.period.BillPeriod;
import com.telco.billing.node.account.AccountJournal;
import com.telco.billing.node.billrun.AccountsDue;
import com.telco.billing.node.billrun.BillRunJournal;
import com.telco.billing.node.billrun.BillRunState;
import com.telco.billing.node.invoice.InvoiceSeriesEntity;
import com.telco.billing.node.invoice.SeriesJournal;
import com.telco.billing.protocol.Origin;
import com.telco.billing.protocol.account.AccountCommand;
import com.telco.billing.protocol.account.AccountEvent;
import com.telco.billing.protocol.billrun.BillRunCommand;
import com.telco.billing.protocol.billrun.BillRunEvent;
import com.telco.billing.protocol.billrun.BillRunList;
import com.telco.billing.protocol.billrun.BillRunView;
import com.telco.billing.protocol.billrun.journal.BillRunSnapshot;
import com.telco.billing.protocol.invoice.AccountInvoices;
import com.telco.billing.protocol.invoice.CloseBillPeriodResult;
import com.telco.billing.protocol.invoice.InvoiceEntry;
import com.telco.billing.protocol.invoice.InvoiceState;
import com.telco.billing.protocol.invoice.IssuedInvoice;
import com.telco.billing.protocol.invoice.SeriesCommand;
import com.telco.billing.protocol.invoice.SeriesEvent;
import com.telco.billing.protocol.invoice.journal.SeriesSnapshot;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;

/** Samples of the invoicing and bill-run messages for {@link SerializationRoundTripTest}. */
public final class MessageSamples {
  private MessageSamples() {}

  static final Instant AT = Instant.parse("2026-12-01T10:15:30.5Z");
  static final LocalDate CYCLE = LocalDate.of(2026, 12, 1);
  static final Origin ORIGIN = new Origin("finance-desk", "req-7f3a");

  static InvoiceDraft draft() {
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
    InvoiceLine usage =
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
        List.of(recurring, usage),
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

  static com.telco.billing.core.account.AccountProfile profile() {
    return new com.telco.billing.protocol.http.OpenAccountRequest(
            "acc-1", "Jane", "EUR", 1, "Europe/Berlin", "DE", false, 14, null, "ENT-1")
        .validate()
        .value();
  }

  public static IssuedInvoice issued() {
    return new IssuedInvoice("INV-ENT-1-2026-000001", draft(), InvoiceState.ISSUED, AT);
  }

  static BillingHistory history() {
    return BillingHistory.EMPTY;
  }

  static BillRunState.Run run() {
    return new BillRunState.Run(
        "BR-2026-12-01",
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
  }

  static Map<Class<?>, Object> all(ActorRef<Object> ref) {
    Map<Class<?>, Object> samples = new HashMap<>();
    IssuedInvoice issued = issued();
    samples.put(
        AccountCommand.CloseBillPeriod.class,
        new AccountCommand.CloseBillPeriod(CYCLE, ref.unsafeUpcast()));
    samples.put(
        AccountCommand.IssueInvoice.class,
        new AccountCommand.IssueInvoice(CYCLE, 42, ref.unsafeUpcast()));
    samples.put(
        AccountCommand.GetInvoices.class, new AccountCommand.GetInvoices(ref.unsafeUpcast()));
    samples.put(
        AccountCommand.PreviewInvoice.class, new AccountCommand.PreviewInvoice(ref.unsafeUpcast()));
    samples.put(AccountEvent.InvoiceIssued.class, AccountJournal.invoiceIssued(issued, AT));
    samples.put(
        AccountEvent.InvoiceIssuedWithHistory.class,
        new AccountEvent.InvoiceIssuedWithHistory(
            AccountJournal.toRecord(issued), AccountJournal.toRecord(history()), AT));
    samples.put(
        AccountEvent.InvoiceRegistered.class,
        new AccountEvent.InvoiceRegistered(InvoiceEntry.of(issued, 12), AT));
    samples.put(InvoiceEntry.class, InvoiceEntry.of(issued, 12));
    samples.put(
        AccountEvent.BillPeriodClosed.class,
        AccountJournal.billPeriodClosed(CYCLE, "nothing_to_bill", history(), AT, List.of()));
    samples.put(IssuedInvoice.class, issued);
    samples.put(CloseBillPeriodResult.Invoiced.class, CloseBillPeriodResult.invoiced(issued));
    samples.put(
        CloseBillPeriodResult.Skipped.class, CloseBillPeriodResult.skipped("nothing_to_bill"));
    samples.put(
        CloseBillPeriodResult.NumberNeeded.class,
        CloseBillPeriodResult.numberNeeded("ENT-1-2026", "acc-1|2026-12-01"));
    samples.put(
        CloseBillPeriodResult.EarlierPeriodOpen.class,
        CloseBillPeriodResult.earlierPeriodOpen(CYCLE.minusMonths(1)));
    samples.put(
        AccountInvoices.InvoiceList.class,
        new AccountInvoices.InvoiceList(
            profile(),
            List.of(issued),
            Map.of(
                issued.number(),
                com.telco.billing.protocol.invoice.InvoiceSettlement.unpaid(
                    issued.invoice().taxIncludedAmount()))));
    samples.put(AccountInvoices.Preview.class, new AccountInvoices.Preview(profile(), draft(), AT));

    samples.put(
        SeriesCommand.AssignNumbers.class,
        new SeriesCommand.AssignNumbers(List.of("acc-1|2026-12-01"), ref.unsafeUpcast()));
    samples.put(
        SeriesCommand.ConfirmNumbers.class,
        new SeriesCommand.ConfirmNumbers(List.of("acc-1|2026-12-01"), ref.unsafeUpcast()));
    samples.put(SeriesCommand.RecordConfirmations.class, new SeriesCommand.RecordConfirmations());
    samples.put(
        SeriesCommand.AssignedNumbers.class, new SeriesCommand.AssignedNumbers(List.of(7L)));
    samples.put(
        SeriesEvent.NumbersAssigned.class,
        new SeriesEvent.NumbersAssigned(
            List.of(new SeriesEvent.Assignment("acc-1|2026-12-01", 7))));
    samples.put(
        SeriesEvent.NumbersConfirmed.class,
        new SeriesEvent.NumbersConfirmed(List.of("acc-1|2026-12-01")));
    samples.put(
        SeriesSnapshot.class,
        SeriesJournal.toSnapshot(new InvoiceSeriesEntity.State(7, Map.of("acc-1|2026-12-01", 7L))));

    samples.put(
        BillRunCommand.StartRun.class,
        new BillRunCommand.StartRun(CYCLE, "manual", ORIGIN, ref.unsafeUpcast()));
    samples.put(
        BillRunCommand.GetRun.class,
        new BillRunCommand.GetRun("BR-2026-12-01", ref.unsafeUpcast()));
    samples.put(BillRunCommand.ListRuns.class, new BillRunCommand.ListRuns(ref.unsafeUpcast()));
    samples.put(
        BillRunEvent.RunStarted.class,
        new BillRunEvent.RunStarted("BR-2026-12-01", CYCLE, "manual", AT, ORIGIN));
    samples.put(
        BillRunEvent.AccountsDueCounted.class,
        new BillRunEvent.AccountsDueCounted("BR-2026-12-01", 10));
    samples.put(
        BillRunEvent.StepRecorded.class,
        new BillRunEvent.StepRecorded(
            "BR-2026-12-01",
            "acc-9",
            10,
            8,
            1,
            Map.of("EUR", new BigDecimal("12.10")),
            Map.of("acc-3", "timeout"),
            List.of("acc-2"),
            AT));
    samples.put(
        BillRunEvent.ScanCompleted.class, new BillRunEvent.ScanCompleted("BR-2026-12-01", AT));
    samples.put(
        BillRunEvent.RetryRoundCompleted.class,
        new BillRunEvent.RetryRoundCompleted("BR-2026-12-01", 1, AT));
    samples.put(
        BillRunEvent.RunCompleted.class, new BillRunEvent.RunCompleted("BR-2026-12-01", AT));
    samples.put(BillRunEvent.ScheduledThrough.class, new BillRunEvent.ScheduledThrough(CYCLE));
    BillRunView view = run().toView(AT.plusSeconds(5), true);
    samples.put(BillRunView.class, view);
    samples.put(BillRunList.class, new BillRunList(List.of(view)));
    samples.put(
        BillRunSnapshot.class, BillRunJournal.toSnapshot(new BillRunState(CYCLE, List.of(run()))));
    return samples;
  }
}
