package com.telco.billing.node.payment.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.telco.billing.protocol.Origin;
import com.telco.billing.protocol.account.AccountEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.junit.jupiter.api.Test;

/** The due row a {@code CollectionScheduled} makes. */
class CollectionProjectionTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
  private static final Instant AT = Instant.parse("2026-12-07T08:00:00Z");

  private static EventEnvelope<AccountEvent> envelope(AccountEvent event) {
    return EventEnvelope.create(Offset.noOffset(), "Account|acc-7", 12, event, 0L);
  }

  private static AccountEvent scheduled(String invoice, LocalDate on) {
    return new AccountEvent.CollectionScheduled(invoice, on, AT, Origin.BILL_CYCLE);
  }

  @Test
  void theRowIsForTheEventsAccountInvoiceAndDate() {
    LocalDate due = TODAY.plusDays(14);

    assertEquals(
        Optional.of(new DueRow(due, "acc-7", "INV-2026-000042")),
        CollectionProjection.rowOf(envelope(scheduled("INV-2026-000042", due)), TODAY));
    assertEquals(
        Optional.of(new DueRow(TODAY, "acc-7", "INV-2026-000042")),
        CollectionProjection.rowOf(envelope(scheduled("INV-2026-000042", TODAY)), TODAY));
  }

  @Test
  void aDateAlreadyPastIsDueToday() {
    assertEquals(
        Optional.of(new DueRow(TODAY, "acc-7", "INV-1")),
        CollectionProjection.rowOf(envelope(scheduled("INV-1", TODAY.minusDays(40))), TODAY));
  }

  @Test
  void anAccountIdWithTheSeparatorKeepsItsTail() {
    var event =
        EventEnvelope.<AccountEvent>create(
            Offset.noOffset(), "Account|acc|x", 3, scheduled("INV-1", TODAY), 0L);

    assertEquals("acc|x", CollectionProjection.rowOf(event, TODAY).orElseThrow().accountId());
  }

  @Test
  void otherEventsMakeNoRow() {
    assertEquals(
        Optional.empty(),
        CollectionProjection.rowOf(
            envelope(new AccountEvent.AccountOpened(null, AT, Origin.BILL_CYCLE)), TODAY));
  }

  @Test
  void aGroupWritesTheRowsOfItsScheduledEventsOnceEach() throws Exception {
    var rows = new InMemoryDueRows();
    var handler = new CollectionProjection.ScheduledHandler(rows, Clock.fixed(AT, ZoneOffset.UTC));

    handler
        .process(
            List.of(
                envelope(scheduled("INV-1", TODAY.plusDays(3))),
                envelope(new AccountEvent.AccountOpened(null, AT, Origin.BILL_CYCLE)),
                envelope(scheduled("INV-2", TODAY.minusDays(1))),
                // a replay of the first
                envelope(scheduled("INV-1", TODAY.plusDays(3)))))
        .toCompletableFuture()
        .get();

    assertEquals(
        Set.of(
            new DueRow(TODAY.plusDays(3), "acc-7", "INV-1"), new DueRow(TODAY, "acc-7", "INV-2")),
        rows.rows);
  }
}
