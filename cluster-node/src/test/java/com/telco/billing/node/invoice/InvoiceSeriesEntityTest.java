package com.telco.billing.node.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.protocol.invoice.SeriesCommand;
import com.telco.billing.protocol.invoice.SeriesEvent;
import java.util.List;
import java.util.Map;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InvoiceSeriesEntityTest {
  private static final ActorTestKit testKit =
      ActorTestKit.create(
          EventSourcedBehaviorTestKit.config()
              .withFallback(com.telco.billing.node.testing.TestConfigs.serialization()));

  private final EventSourcedBehaviorTestKit<SeriesCommand, SeriesEvent, InvoiceSeriesEntity.State>
      kit =
          EventSourcedBehaviorTestKit.create(
              testKit.system(), InvoiceSeriesEntity.create("ENT-1-2026"));

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

  @Test
  void confirmedKeysAreForgottenAndNumbersSurviveARestart() {
    assign("a|2026-12-01", "b|2026-12-01");
    var confirm =
        kit.<StatusReply<Done>>runCommand(
            replyTo -> new SeriesCommand.ConfirmNumbers(List.of("a|2026-12-01", "x"), replyTo));
    assertTrue(confirm.reply().isSuccess());
    assertEquals(new SeriesEvent.NumbersConfirmed(List.of("a|2026-12-01")), confirm.event());
    assertEquals(Map.of("b|2026-12-01", 2L), kit.getState().pending());
    kit.restart();
    assertEquals(new InvoiceSeriesEntity.State(2, Map.of("b|2026-12-01", 2L)), kit.getState());
    assertEquals(List.of(3L, 2L), assign("c|2026-12-01", "b|2026-12-01"));
  }
}
