package com.telco.billing.node.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.protocol.invoice.SeriesCommand;
import com.telco.billing.protocol.invoice.SeriesEvent;
import com.telco.billing.protocol.invoice.journal.SeriesSnapshot;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ManualTime;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The series over an in-memory journal, with manual time: the timer that records confirmations
 * fires only when a test lets time pass.
 */
class InvoiceSeriesEntityTest {
  private static final ActorTestKit testKit =
      ActorTestKit.create(
          ManualTime.config()
              .withFallback(EventSourcedBehaviorTestKit.config())
              .withFallback(com.telco.billing.node.testing.TestConfigs.serialization()));
  private static final ManualTime time = ManualTime.get(testKit.system());

  private final EventSourcedBehaviorTestKit<SeriesCommand, SeriesEvent, InvoiceSeriesEntity.State>
      kit =
          EventSourcedBehaviorTestKit.create(
              testKit.system(),
              InvoiceSeriesEntity.create("ENT-1-2026"),
              // the state is persisted as its SeriesSnapshot (theStateSurvivesItsSnapshot)
              EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyState(false));

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void clear() {
    kit.clear();
  }

  private List<Long> assign(String... keys) {
    var result =
        kit.<StatusReply<SeriesCommand.AssignedNumbers>>runCommand(
            replyTo -> new SeriesCommand.AssignNumbers(List.of(keys), replyTo));
    return result.reply().getValue().sequences();
  }

  @Test
  void theStateSurvivesItsSnapshot() {
    assign("a|2026-12-01", "b|2026-12-01");
    InvoiceSeriesEntity.State state = kit.getState();
    Serialization serialization = SerializationExtension.get(testKit.system());
    Object snapshot = SeriesJournal.SNAPSHOTS.toJournal(state);
    assertTrue(snapshot instanceof SeriesSnapshot, "a journal record, not the state");
    byte[] bytes = serialization.serialize(snapshot).get();
    Object read = serialization.deserialize(bytes, SeriesSnapshot.class).get();
    assertEquals(state, SeriesJournal.SNAPSHOTS.fromJournal(read));
  }

  @Test
  void handsOutConsecutiveNumbersFromOne() {
    assertEquals(List.of(1L, 2L, 3L), assign("a|2026-12-01", "b|2026-12-01", "c|2026-12-01"));
    assertEquals(List.of(4L), assign("d|2026-12-01"));
    assertEquals(4, kit.getState().last());
  }

  @Test
  void theSameKeyGetsTheSameNumberUntilConfirmed() {
    assertEquals(List.of(1L, 2L), assign("a|2026-12-01", "b|2026-12-01"));
    // a retry after a lost answer, and a key repeated within one batch
    assertEquals(List.of(2L, 3L, 3L), assign("b|2026-12-01", "c|2026-12-01", "c|2026-12-01"));
    var repeat =
        kit.<StatusReply<SeriesCommand.AssignedNumbers>>runCommand(
            replyTo -> new SeriesCommand.AssignNumbers(List.of("a|2026-12-01"), replyTo));
    assertTrue(repeat.hasNoEvents(), "a known key writes nothing");
    assertEquals(List.of(1L), repeat.reply().getValue().sequences());
  }

  private void confirm(String... keys) {
    var confirm =
        kit.<StatusReply<Done>>runCommand(
            replyTo -> new SeriesCommand.ConfirmNumbers(List.of(keys), replyTo));
    assertTrue(confirm.reply().isSuccess());
    assertTrue(confirm.hasNoEvents(), "a confirmation waits for the series' next write");
  }

  @Test
  void confirmedKeysAreForgottenAndNumbersSurviveARestart() {
    assign("a|2026-12-01", "b|2026-12-01");
    confirm("a|2026-12-01", "x");
    var record = kit.runCommand(new SeriesCommand.RecordConfirmations());
    assertEquals(new SeriesEvent.NumbersConfirmed(List.of("a|2026-12-01")), record.event());
    assertEquals(Map.of("b|2026-12-01", 2L), kit.getState().pending());
    assertTrue(kit.runCommand(new SeriesCommand.RecordConfirmations()).hasNoEvents());
    kit.restart();
    assertEquals(new InvoiceSeriesEntity.State(2, Map.of("b|2026-12-01", 2L)), kit.getState());
    assertEquals(List.of(3L, 2L), assign("c|2026-12-01", "b|2026-12-01"));
  }

  @Test
  void confirmationsAreRecordedWithTheNextAssignmentInOneWrite() {
    assign("a|2026-12-01", "b|2026-12-01");
    confirm("a|2026-12-01");
    var next =
        kit.<StatusReply<SeriesCommand.AssignedNumbers>>runCommand(
            replyTo -> new SeriesCommand.AssignNumbers(List.of("c|2026-12-01"), replyTo));
    assertEquals(
        List.of(
            new SeriesEvent.NumbersConfirmed(List.of("a|2026-12-01")),
            new SeriesEvent.NumbersAssigned(
                List.of(new SeriesEvent.Assignment("c|2026-12-01", 3)))),
        next.events());
    assertEquals(Map.of("b|2026-12-01", 2L, "c|2026-12-01", 3L), kit.getState().pending());
    assertTrue(kit.runCommand(new SeriesCommand.RecordConfirmations()).hasNoEvents());
  }

  @Test
  void aConfirmationNotRecordedKeepsItsKeyAndNumber() {
    assign("a|2026-12-01");
    confirm("a|2026-12-01");
    time.timePasses(InvoiceSeriesEntity.RECORD_CONFIRMATIONS_AFTER.minusMillis(1));
    kit.restart();
    assertEquals(Map.of("a|2026-12-01", 1L), kit.getState().pending());
    assertEquals(List.of(1L), assign("a|2026-12-01"));
  }

  @Test
  void theSeriesRecordsConfirmationsByItselfWhenNoAssignmentFollows() {
    assign("a|2026-12-01", "b|2026-12-01");
    confirm("b|2026-12-01");
    time.timePasses(InvoiceSeriesEntity.RECORD_CONFIRMATIONS_AFTER.minusMillis(1));
    assertEquals(
        Map.of("a|2026-12-01", 1L, "b|2026-12-01", 2L),
        kit.getState().pending(),
        "not recorded before the timer is due");
    time.timePasses(Duration.ofMillis(1));
    // the timer's message is in the mailbox before the state is asked for
    assertEquals(Map.of("a|2026-12-01", 1L), kit.getState().pending());
    kit.restart();
    assertEquals(Map.of("a|2026-12-01", 1L), kit.getState().pending());
  }
}
