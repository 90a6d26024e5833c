package com.telco.billing.node.dunning.worklist;

import static com.telco.billing.node.dunning.driver.InMemoryDunningDueRows.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.node.dunning.driver.InMemoryDunningDueRows;
import com.telco.billing.protocol.Origin;
import com.telco.billing.protocol.account.AccountEvent;
import com.telco.billing.protocol.account.journal.AccountProfileRecord;
import com.telco.billing.protocol.account.journal.DunningFact;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.junit.jupiter.api.Test;

/** The dunning projection's handler over in-memory rows and read side. */
class DunningProjectionTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);

  /** The read side in memory. */
  static final class InMemoryReadSide implements DunningReadSide {
    final Map<String, AccountDunning> views = new ConcurrentHashMap<>();
    final Set<HandedOver> handed = ConcurrentHashMap.newKeySet();

    @Override
    public CompletionStage<Optional<AccountDunning>> lookup(String accountId) {
      return CompletableFuture.completedFuture(Optional.ofNullable(views.get(accountId)));
    }

    @Override
    public CompletionStage<Done> save(String accountId, AccountDunning dunning) {
      views.put(accountId, dunning);
      return CompletableFuture.completedFuture(Done.getInstance());
    }

    @Override
    public CompletionStage<Done> saveCurrency(String accountId, String currency) {
      views.merge(
          accountId,
          AccountDunning.NONE.withCurrency(currency),
          (old, n) -> old.withCurrency(currency));
      return CompletableFuture.completedFuture(Done.getInstance());
    }

    @Override
    public CompletionStage<Done> handedOver(HandedOver entry) {
      handed.add(entry);
      return CompletableFuture.completedFuture(Done.getInstance());
    }

    @Override
    public CompletionStage<WorkListPage> page(
        WorkListFilter filter,
        WorkListPage.Position after,
        int limit,
        int maxScanned,
        LocalDate today) {
      List<WorkListEntry> all = new ArrayList<>();
      views.forEach((id, d) -> all.add(new WorkListEntry(id, d)));
      all.sort(Comparator.comparing(WorkListEntry::accountId));
      return CompletableFuture.completedFuture(
          new WorkListPage(
              all.stream().filter(e -> filter.matches(e.dunning(), today)).limit(limit).toList(),
              null));
    }

    @Override
    public CompletionStage<List<HandedOver>> handedOver(LocalDate from, LocalDate to) {
      return CompletableFuture.completedFuture(List.copyOf(handed));
    }
  }

  private final InMemoryDunningDueRows rows = new InMemoryDunningDueRows();
  private final InMemoryReadSide readSide = new InMemoryReadSide();
  private final DunningProjection.DunningHandler handler =
      new DunningProjection.DunningHandler(rows, readSide, CLOCK);

  private static EventEnvelope<AccountEvent> changed(
      String account, long seqNr, DunningFact... facts) {
    var event =
        new AccountEvent.DunningChanged(
            List.of(facts), Instant.parse("2026-12-07T08:00:00Z"), Origin.BILL_CYCLE);
    return EventEnvelope.create(Offset.noOffset(), "Account|" + account, seqNr, event, 0L);
  }

  private void process(List<EventEnvelope<AccountEvent>> group) throws Exception {
    handler.process(group).toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  private static DunningFact.StepFired step(int index, String name, LocalDate on, long days) {
    return new DunningFact.StepFired(
        1,
        index,
        name,
        (int) days,
        List.of("reminder"),
        on,
        "INV-1",
        days,
        new BigDecimal("59.98"));
  }

  @Test
  void aNewDateReplacesTheRowAndNoneDeletesIt() throws Exception {
    process(List.of(changed("acc-1", 1, new DunningFact.NextEvaluation(TODAY.plusDays(3)))));
    assertEquals(Set.of(key("acc-1", TODAY.plusDays(3))), rows.rows.keySet());

    process(List.of(changed("acc-1", 2, new DunningFact.NextEvaluation(TODAY.plusDays(10)))));
    assertEquals(Set.of(key("acc-1", TODAY.plusDays(10))), rows.rows.keySet());

    // replayed: the same rows
    process(List.of(changed("acc-1", 2, new DunningFact.NextEvaluation(TODAY.plusDays(10)))));
    assertEquals(Set.of(key("acc-1", TODAY.plusDays(10))), rows.rows.keySet());

    process(List.of(changed("acc-1", 3, new DunningFact.NextEvaluation(null))));
    assertEquals(Set.of(), rows.rows.keySet());
  }

  @Test
  void aPastDateIsDueTodayAndEveryDateOfAGroupButTheLastGoes() throws Exception {
    // the driver moved the row ahead of the projection
    rows.schedule("acc-2", TODAY.plusDays(4));
    process(
        List.of(
            changed("acc-2", 1, new DunningFact.NextEvaluation(TODAY.minusDays(3))),
            changed("acc-2", 2, new DunningFact.NextEvaluation(TODAY.plusDays(4))),
            changed("acc-2", 3, new DunningFact.NextEvaluation(TODAY.plusDays(9)))));
    assertEquals(Set.of(key("acc-2", TODAY.plusDays(9))), rows.rows.keySet());

    process(List.of(changed("acc-3", 1, new DunningFact.NextEvaluation(TODAY.minusDays(3)))));
    assertTrue(rows.rows.containsKey(key("acc-3", TODAY)));
  }

  @Test
  void theWorkListFollowsTheEpisode() throws Exception {
    var opened =
        EventEnvelope.<AccountEvent>create(
            Offset.noOffset(),
            "Account|acc-4",
            1,
            new AccountEvent.AccountOpened(
                new AccountProfileRecord(
                    "acc-4",
                    "Max",
                    "EUR",
                    1,
                    "Europe/Berlin",
                    "DE",
                    false,
                    14,
                    null,
                    "TELCO_DE",
                    null,
                    null,
                    false),
                Instant.parse("2026-11-01T00:00:00Z"),
                Origin.BILL_CYCLE),
            0L);
    process(List.of(opened));
    LocalDate d3 = LocalDate.of(2026, 12, 4);
    process(
        List.of(
            changed(
                "acc-4",
                2,
                new DunningFact.EpisodeStarted(1, d3, "p", 1, "INV-1", new BigDecimal("59.98")),
                step(0, "reminder", d3, 3),
                new DunningFact.NextEvaluation(d3.plusDays(7)))));
    AccountDunning view = readSide.views.get("acc-4");
    assertTrue(view.inEpisode());
    assertEquals("EUR", view.currency());
    assertEquals("reminder", view.episode().stepName());
    assertEquals(LocalDate.of(2026, 12, 1), view.episode().oldestDue());
    // days past due grow with the days
    assertTrue(new WorkListFilter(null, 6).matches(view, TODAY));
    assertFalse(new WorkListFilter(null, 7).matches(view, TODAY));
    assertFalse(new WorkListFilter("second reminder", null).matches(view, TODAY));

    process(
        List.of(
            changed("acc-4", 3, new DunningFact.ServiceBarred(1, TODAY, List.of("sub-1"))),
            changed(
                "acc-4",
                4,
                new DunningFact.HandedToCollections(1, TODAY, new BigDecimal("64.98")),
                new DunningFact.HoldPlaced("h-1", TODAY, TODAY.plusDays(5), "dispute", "agent"))));
    view = readSide.views.get("acc-4");
    assertTrue(view.episode().barred());
    assertEquals(TODAY.plusDays(5), view.holdUntil());
    assertEquals(TODAY, view.episode().handedToCollections());
    assertEquals(
        Set.of(new HandedOver(TODAY, "acc-4", 1, new BigDecimal("64.98"), "EUR")), readSide.handed);

    process(
        List.of(
            changed(
                "acc-4",
                5,
                new DunningFact.EpisodeEnded(1, TODAY, "paid"),
                new DunningFact.NextEvaluation(null))));
    view = readSide.views.get("acc-4");
    assertFalse(view.inEpisode());
    assertNull(view.episode());
    assertEquals(TODAY.plusDays(5), view.holdUntil());
    assertEquals(Set.of(), rows.rows.keySet());
  }
}
