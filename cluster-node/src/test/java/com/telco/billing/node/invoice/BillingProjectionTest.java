package com.telco.billing.node.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.invoice.BillingHistory;
import com.telco.billing.node.MessageSamples;
import com.telco.billing.node.account.AccountJournal;
import com.telco.billing.protocol.account.AccountEvent;
import com.telco.billing.protocol.invoice.InvoiceEntry;
import com.telco.billing.protocol.invoice.IssuedInvoice;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.junit.jupiter.api.Test;

/** What the invoice register's projection makes of the invoice-tagged events. */
class BillingProjectionTest {
  private static final Instant AT = Instant.parse("2026-12-05T01:00:00Z");

  private static EventEnvelope<AccountEvent> envelope(long sequenceNr, AccountEvent event) {
    return EventEnvelope.create(Offset.noOffset(), "Account|acc-1", sequenceNr, event, 0L);
  }

  @Test
  void anEntryIsRegisteredAsTheAccountWroteIt() {
    IssuedInvoice issued = MessageSamples.issued();
    InvoiceEntry entry = InvoiceEntry.of(issued, 41);

    var registered =
        BillingProjection.entryOf(envelope(42, new AccountEvent.InvoiceRegistered(entry, AT)));

    assertEquals(Optional.of(new BillingTables.Registered(entry, "Account|acc-1")), registered);
    assertEquals(issued.number(), entry.number());
    assertEquals(issued.invoice().accountId(), entry.accountId());
    assertEquals(issued.invoice().billingPeriod().start(), entry.periodStart());
    assertEquals(issued.invoice().issueDate(), entry.issueDate());
    assertEquals("EUR", entry.currency());
    assertEquals(0, issued.invoice().taxIncludedAmount().compareTo(entry.total()));
  }

  /**
   * Journals written before the register tagged the invoice itself (with or without the billing
   * history): its own event is its document.
   */
  @Test
  void anInvoiceTaggedBeforeTheRegisterPointsAtItself() {
    IssuedInvoice issued = MessageSamples.issued();

    var registered =
        BillingProjection.entryOf(envelope(17, AccountJournal.invoiceIssued(issued, AT)));
    var registeredWithHistory =
        BillingProjection.entryOf(
            envelope(
                17,
                new AccountEvent.InvoiceIssuedWithHistory(
                    AccountJournal.toRecord(issued),
                    AccountJournal.toRecord(BillingHistory.EMPTY),
                    AT)));

    var expected =
        Optional.of(new BillingTables.Registered(InvoiceEntry.of(issued, 17), "Account|acc-1"));
    assertEquals(expected, registered);
    assertEquals(expected, registeredWithHistory);
  }

  @Test
  void otherEventsRegisterNothing() {
    assertTrue(
        BillingProjection.entryOf(
                envelope(
                    3,
                    AccountJournal.billPeriodClosed(
                        LocalDate.parse("2026-12-05"),
                        "nothing_to_bill",
                        BillingHistory.EMPTY,
                        AT,
                        List.of())))
            .isEmpty());
  }

  @Test
  void numbersOfASeriesShareAPartitionPerThousand() {
    var first = BillingTables.Place.of("INV-ACME-DE-2026-000999");
    var next = BillingTables.Place.of("INV-ACME-DE-2026-001000");
    assertEquals(new BillingTables.Place("ACME-DE-2026", 0, 999), first);
    assertEquals(new BillingTables.Place("ACME-DE-2026", 1, 1000), next);
    assertEquals(BillingTables.Place.of("INV-ACME-DE-2026-001999").partition(), next.partition());
    assertTrue(
        !BillingTables.Place.of("INV-ACME-DE-2027-001000").partition().equals(next.partition()));
  }
}
