package com.telco.billing.node;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.core.creditnote.CreditNoteDraft;
import com.telco.billing.core.creditnote.CreditReason;
import com.telco.billing.core.creditnote.CreditRequest;
import com.telco.billing.core.creditnote.CreditedLine;
import com.telco.billing.core.invoice.TaxItem;
import com.telco.billing.protocol.Origin;
import com.telco.billing.protocol.account.AccountCommand;
import com.telco.billing.protocol.account.AccountEvent;
import com.telco.billing.protocol.account.journal.InvoiceRecord;
import com.telco.billing.protocol.account.journal.ReceivableFact;
import com.telco.billing.protocol.invoice.CreditNoteList;
import com.telco.billing.protocol.invoice.CreditNoteOrder;
import com.telco.billing.protocol.invoice.CreditNotePrepared;
import com.telco.billing.protocol.invoice.CreditNoteResult;
import com.telco.billing.protocol.invoice.CreditNoteView;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;

/** Samples of the credit note commands, replies and facts. */
public final class CreditNoteSamples {
  private CreditNoteSamples() {}

  static final LocalDate DAY = LocalDate.of(2026, 12, 7);
  static final Instant AT = Instant.parse("2026-12-07T09:30:00.123456Z");
  static final String INVOICE = "INV-ENT-1-2026-000001";
  static final String NUMBER = "CN-ENT-1-2026-000001";

  /** A credit note of two lines at two rates, 3.00 of it refunded from a bank transfer. */
  public static ReceivableFact.CreditNoteIssued creditNoteIssued() {
    return new ReceivableFact.CreditNoteIssued(
        NUMBER,
        INVOICE,
        INVOICE + "|key-1",
        "service_outage||true|EUR|1:10:",
        "service_outage",
        "Outage on 12 November",
        DAY,
        AT,
        List.of(
            new ReceivableFact.CreditedLineRecord(
                1, "Mobile M", "STANDARD", null, new BigDecimal("10.00")),
            new ReceivableFact.CreditedLineRecord(
                2, "Books", "REDUCED", new BigDecimal("2"), new BigDecimal("5.00"))),
        List.of(
            new InvoiceRecord.TaxItem(
                List.of("REDUCED"),
                new BigDecimal("0.07"),
                new BigDecimal("5.00"),
                new BigDecimal("0.35")),
            new InvoiceRecord.TaxItem(
                List.of("STANDARD"),
                new BigDecimal("0.19"),
                new BigDecimal("10.00"),
                new BigDecimal("1.90"))),
        new BigDecimal("15.00"),
        new BigDecimal("2.25"),
        new BigDecimal("17.25"),
        new BigDecimal("3.00"));
  }

  /** The event a credit note with a refund is issued by: the refund, then the credit note. */
  public static AccountEvent.ReceivablesChanged creditNoteChanged(Origin origin) {
    return new AccountEvent.ReceivablesChanged(
        List.of(
            new ReceivableFact.RefundSucceeded(
                "RF-0123456789abcdef-acc-1",
                PaymentSamples.PAYMENT,
                new BigDecimal("3.00"),
                "credit_note",
                null,
                DAY,
                null),
            creditNoteIssued()),
        AT,
        origin);
  }

  static CreditNoteOrder order() {
    return new CreditNoteOrder(
        INVOICE,
        "key-1",
        "fp",
        CreditReason.SERVICE_OUTAGE,
        "Outage",
        List.of(
            new CreditRequest(1, new BigDecimal("10.00"), null),
            new CreditRequest(2, null, new BigDecimal("2")),
            new CreditRequest(3, null, null)),
        Currency.getInstance("EUR"),
        true);
  }

  static CreditNoteView view(AccountProfile profile) {
    return new CreditNoteView(
        NUMBER,
        INVOICE,
        profile,
        CreditReason.SERVICE_OUTAGE,
        null,
        DAY,
        AT,
        new CreditNoteDraft(
            List.of(new CreditedLine(1, "Mobile M", "STANDARD", null, new BigDecimal("10.00"))),
            List.of(
                new TaxItem(
                    List.of("STANDARD"),
                    new BigDecimal("0.19"),
                    new BigDecimal("10.00"),
                    new BigDecimal("1.90"))),
            new BigDecimal("10.00"),
            new BigDecimal("1.90"),
            new BigDecimal("11.90")),
        new BigDecimal("0.00"),
        new BigDecimal("11.90"));
  }

  /** A sample of every credit note command and reply. */
  static Map<Class<?>, Object> all(ActorRef<Object> ref, AccountProfile profile) {
    @SuppressWarnings({"unchecked", "rawtypes"})
    ActorRef r = ref;
    Map<Class<?>, Object> samples = new HashMap<>();
    samples.put(
        AccountCommand.PrepareCreditNote.class, new AccountCommand.PrepareCreditNote(order(), r));
    samples.put(
        AccountCommand.IssueCreditNote.class,
        new AccountCommand.IssueCreditNote(order(), DAY, 42, new Origin("finance-1", "req-1"), r));
    samples.put(
        AccountCommand.GetCreditNotes.class, new AccountCommand.GetCreditNotes(INVOICE, null, r));
    samples.put(CreditNotePrepared.Existing.class, new CreditNotePrepared.Existing(view(profile)));
    samples.put(
        CreditNotePrepared.NumberNeeded.class,
        new CreditNotePrepared.NumberNeeded("CN-ENT-1-2026", INVOICE + "|key-1", DAY));
    samples.put(CreditNoteResult.class, new CreditNoteResult(view(profile), true));
    samples.put(CreditNoteList.class, new CreditNoteList(List.of(view(profile))));
    return samples;
  }
}
