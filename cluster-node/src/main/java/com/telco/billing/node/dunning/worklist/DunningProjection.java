package com.telco.billing.node.dunning.worklist;

import com.telco.billing.node.dunning.driver.DunningDueRows;
import com.telco.billing.node.projection.AccountEventProjections;
import com.telco.billing.protocol.account.AccountEvent;
import com.telco.billing.protocol.account.AccountEvent.AccountOpened;
import com.telco.billing.protocol.account.AccountEvent.DunningChanged;
import com.telco.billing.protocol.account.journal.DunningFact;
import com.telco.billing.sharding.AccountTags;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.javadsl.Handler;

/**
 * Keeps the dunning read side from the account events, over the account tags, one instance per tag
 * slice, at-least-once, a group of events at a time: the driver's due rows ({@code dunning_due},
 * from the {@code NextEvaluation} facts: a new date replaces the old row, none deletes it), each
 * account's {@link AccountDunning} with the work list, and the collections export.
 *
 * <p>The events of one account in a group are folded onto its stored view in their order, then
 * written: the new due row first, then the rows of every other date the account had or named in the
 * group deleted (a row the driver moved ahead of this projection included), then the view.
 * Replaying events folds them again onto the view they produced and writes the same rows: the
 * handler is idempotent, and the last event of an account wins.
 *
 * <p>A row is never written for a date that has passed: an account to be evaluated on a past date
 * is due today (as the collection projection does), so the driver's watermark never skips it.
 */
public final class DunningProjection {

  /** The projection's name; with the tag it is the offset's key. */
  public static final String NAME = "dunning-read-side";

  private DunningProjection() {}

  public static void init(
      ActorSystem<?> system, DunningDueRows rows, DunningReadSide readSide, Clock clock) {
    AccountEventProjections.initGrouped(
        system, NAME, AccountTags.ALL, () -> new DunningHandler(rows, readSide, clock));
  }

  /** Folds and writes the dunning facts of a group, the accounts concurrently. */
  public static final class DunningHandler extends Handler<List<EventEnvelope<AccountEvent>>> {
    private final DunningDueRows rows;
    private final DunningReadSide readSide;
    private final Clock clock;

    public DunningHandler(DunningDueRows rows, DunningReadSide readSide, Clock clock) {
      this.rows = rows;
      this.readSide = readSide;
      this.clock = clock;
    }

    @Override
    public CompletionStage<Done> process(List<EventEnvelope<AccountEvent>> envelopes) {
      LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
      Map<String, List<AccountEvent>> byAccount = new LinkedHashMap<>();
      for (EventEnvelope<AccountEvent> envelope : envelopes) {
        AccountEvent event = envelope.event();
        if (event instanceof DunningChanged || event instanceof AccountOpened) {
          byAccount
              .computeIfAbsent(
                  AccountEventProjections.accountIdOf(envelope.persistenceId()),
                  id -> new ArrayList<>())
              .add(event);
        }
      }
      List<CompletableFuture<Done>> writes = new ArrayList<>();
      byAccount.forEach(
          (accountId, events) -> writes.add(write(accountId, events, today).toCompletableFuture()));
      return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new))
          .thenApply(all -> Done.getInstance());
    }

    private CompletionStage<Done> write(
        String accountId, List<AccountEvent> events, LocalDate today) {
      if (events.stream().allMatch(AccountOpened.class::isInstance)) {
        // an opening alone: only the currency, without a read (every account is opened once)
        AccountOpened opened = (AccountOpened) events.get(events.size() - 1);
        return readSide.saveCurrency(accountId, opened.profile().currency());
      }
      return readSide
          .lookup(accountId)
          .thenCompose(
              stored -> {
                AccountDunning before = stored.orElse(AccountDunning.NONE);
                Fold fold = Fold.of(before, events, today);
                return dueRows(accountId, before, fold)
                    .thenCompose(done -> handedOver(accountId, fold))
                    .thenCompose(done -> readSide.save(accountId, fold.after()));
              });
    }

    private CompletionStage<Done> dueRows(String accountId, AccountDunning before, Fold fold) {
      if (fold.named().isEmpty()) {
        return CompletableFuture.completedFuture(Done.getInstance());
      }
      LocalDate next = fold.after().nextEvaluation();
      Set<LocalDate> stale = new LinkedHashSet<>(fold.named());
      if (before.nextEvaluation() != null) {
        stale.add(before.nextEvaluation());
      }
      stale.remove(next);
      stale.remove(null);
      CompletionStage<Done> written =
          next == null
              ? CompletableFuture.completedFuture(Done.getInstance())
              : rows.schedule(accountId, next);
      for (LocalDate date : stale) {
        written = written.thenCompose(done -> rows.remove(accountId, date));
      }
      return written;
    }

    private CompletionStage<Done> handedOver(String accountId, Fold fold) {
      List<CompletableFuture<Done>> writes = new ArrayList<>();
      for (DunningFact.HandedToCollections handed : fold.handedOver()) {
        writes.add(
            readSide
                .handedOver(
                    new HandedOver(
                        handed.date(),
                        accountId,
                        handed.episode(),
                        handed.overdue(),
                        fold.after().currency()))
                .toCompletableFuture());
      }
      return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new))
          .thenApply(all -> Done.getInstance());
    }
  }

  /**
   * An account's view after the events of a group.
   *
   * @param named the due row dates the group's {@code NextEvaluation} facts named (null for none)
   * @param handedOver the group's hand-overs to collections
   */
  record Fold(
      AccountDunning after,
      Set<LocalDate> named,
      List<DunningFact.HandedToCollections> handedOver) {

    static Fold of(AccountDunning before, List<AccountEvent> events, LocalDate today) {
      AccountDunning view = before;
      Set<LocalDate> named = new LinkedHashSet<>();
      List<DunningFact.HandedToCollections> handed = new ArrayList<>();
      for (AccountEvent event : events) {
        if (event instanceof AccountOpened opened) {
          view = view.withCurrency(opened.profile().currency());
        } else if (event instanceof DunningChanged changed) {
          for (DunningFact fact : changed.facts()) {
            view = view.apply(fact, today);
            if (fact instanceof DunningFact.NextEvaluation) {
              named.add(view.nextEvaluation());
            } else if (fact instanceof DunningFact.HandedToCollections h) {
              handed.add(h);
            }
          }
        }
      }
      return new Fold(view, named, handed);
    }
  }
}
