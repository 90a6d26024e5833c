package com.telco.billing.node.invoice;

import com.telco.billing.protocol.invoice.SeriesCommand;
import com.telco.billing.protocol.invoice.SeriesCommand.AssignNumbers;
import com.telco.billing.protocol.invoice.SeriesCommand.AssignedNumbers;
import com.telco.billing.protocol.invoice.SeriesCommand.ConfirmNumbers;
import com.telco.billing.protocol.invoice.SeriesCommand.RecordConfirmations;
import com.telco.billing.protocol.invoice.SeriesEvent;
import com.telco.billing.protocol.invoice.SeriesEvent.Assignment;
import com.telco.billing.protocol.invoice.SeriesEvent.NumbersAssigned;
import com.telco.billing.protocol.invoice.SeriesEvent.NumbersConfirmed;
import com.telco.billing.sharding.EntityKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.SnapshotAdapter;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;

/**
 * One invoice number series (docs/billing-rules.md, "Invoices": unique and sequential without gaps
 * within the series, assigned once and never reused). The series is the one writer of its sequence;
 * a number is handed out to a request key (account and bill period) and persisted before the
 * answer, so a retry of the same key, after any failure, gets the same number. The account issues
 * its invoice with that number and confirms; the series then forgets the key. A number is never
 * handed out without a key that will use it: the bill run retries the key's account until its
 * invoice is issued.
 *
 * <p>Callers batch their requests ({@link com.telco.billing.node.util.GroupCommit}): one journal
 * write hands out the numbers of many invoices.
 */
public final class InvoiceSeriesEntity
    extends EventSourcedBehaviorWithEnforcedReplies<
        SeriesCommand, SeriesEvent, InvoiceSeriesEntity.State> {

  /**
   * The series' state: the last sequence handed out and the keys whose invoices are not confirmed
   * yet. Persisted in snapshots (as a {@code SeriesSnapshot}, {@link SeriesJournal}).
   */
  public record State(long last, Map<String, Long> pending) {
    static final State EMPTY = new State(0, Map.of());

    public State {
      pending = Map.copyOf(pending);
    }

    State assigned(List<Assignment> assignments) {
      Map<String, Long> next = new HashMap<>(pending);
      long max = last;
      for (Assignment a : assignments) {
        next.put(a.key(), a.sequence());
        max = Math.max(max, a.sequence());
      }
      return new State(max, next);
    }

    State confirmed(List<String> keys) {
      Map<String, Long> next = new HashMap<>(pending);
      keys.forEach(next::remove);
      return new State(last, next);
    }
  }

  /** Longest time a confirmation waits for the series' next write before it is written alone. */
  static final Duration RECORD_CONFIRMATIONS_AFTER = Duration.ofSeconds(1);

  private static final String RECORD_TIMER = "record-confirmations";

  private final TimerScheduler<SeriesCommand> timers;

  /**
   * Confirmed keys not recorded yet (they are still pending in the state). Written with the next
   * assignment, in the same atomic write, or by the timer: during a bill run the series then writes
   * once per batch of numbers instead of twice. Not persisted: lost keys stay pending.
   */
  private final Set<String> unrecorded = new LinkedHashSet<>();

  private InvoiceSeriesEntity(String seriesId, TimerScheduler<SeriesCommand> timers) {
    super(PersistenceId.of(EntityKeys.INVOICE_SERIES.name(), seriesId));
    this.timers = timers;
  }

  public static Behavior<SeriesCommand> create(String seriesId) {
    return Behaviors.withTimers(timers -> new InvoiceSeriesEntity(seriesId, timers));
  }

  @Override
  public State emptyState() {
    return State.EMPTY;
  }

  @Override
  public SnapshotAdapter<State> snapshotAdapter() {
    return SeriesJournal.SNAPSHOTS;
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(100, 2);
  }

  @Override
  public CommandHandlerWithReply<SeriesCommand, SeriesEvent, State> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(AssignNumbers.class, this::onAssign)
        .onCommand(ConfirmNumbers.class, this::onConfirm)
        .onCommand(RecordConfirmations.class, this::onRecordConfirmations)
        .build();
  }

  private ReplyEffect<SeriesEvent, State> onAssign(State state, AssignNumbers cmd) {
    List<Long> sequences = new ArrayList<>(cmd.keys().size());
    List<Assignment> fresh = new ArrayList<>();
    Map<String, Long> inThisCommand = new HashMap<>();
    long next = state.last();
    for (String key : cmd.keys()) {
      Long known = state.pending().get(key);
      if (known == null) {
        known = inThisCommand.get(key);
      }
      if (known == null) {
        next++;
        known = next;
        inThisCommand.put(key, known);
        fresh.add(new Assignment(key, known));
      }
      sequences.add(known);
    }
    AssignedNumbers reply = new AssignedNumbers(List.copyOf(sequences));
    if (fresh.isEmpty()) {
      return Effect().reply(cmd.replyTo(), StatusReply.success(reply));
    }
    List<SeriesEvent> events = new ArrayList<>(2);
    takeUnrecorded().ifPresent(events::add);
    events.add(new NumbersAssigned(List.copyOf(fresh)));
    return Effect().persist(events).thenReply(cmd.replyTo(), after -> StatusReply.success(reply));
  }

  private ReplyEffect<SeriesEvent, State> onConfirm(State state, ConfirmNumbers cmd) {
    for (String key : cmd.keys()) {
      if (state.pending().containsKey(key)) {
        unrecorded.add(key);
      }
    }
    if (!unrecorded.isEmpty() && !timers.isTimerActive(RECORD_TIMER)) {
      timers.startSingleTimer(RECORD_TIMER, new RecordConfirmations(), RECORD_CONFIRMATIONS_AFTER);
    }
    return Effect().reply(cmd.replyTo(), StatusReply.ack());
  }

  private ReplyEffect<SeriesEvent, State> onRecordConfirmations(
      State state, RecordConfirmations cmd) {
    return takeUnrecorded()
        .<ReplyEffect<SeriesEvent, State>>map(event -> Effect().persist(event).thenNoReply())
        .orElseGet(() -> Effect().noReply());
  }

  /** The confirmations not recorded yet, as one event, now handed to a write. */
  private Optional<SeriesEvent> takeUnrecorded() {
    if (unrecorded.isEmpty()) {
      return Optional.empty();
    }
    NumbersConfirmed event = new NumbersConfirmed(List.copyOf(unrecorded));
    unrecorded.clear();
    timers.cancel(RECORD_TIMER);
    return Optional.of(event);
  }

  @Override
  public EventHandler<State, SeriesEvent> eventHandler() {
    return newEventHandlerBuilder()
        .forAnyState()
        .onEvent(NumbersAssigned.class, (state, evt) -> state.assigned(evt.assignments()))
        .onEvent(NumbersConfirmed.class, (state, evt) -> state.confirmed(evt.keys()))
        .build();
  }
}
