package com.telco.billing.node.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.rating.UsageRecord;
import com.telco.billing.protocol.http.UsageRecordDraft;
import com.telco.billing.protocol.usage.UsageOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class GroupCommitTest {
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  /** The batches sent to "the entity", each answered when the test completes it. */
  private final List<List<UsageRecord>> sent = new ArrayList<>();

  private final List<CompletableFuture<List<UsageOutcome>>> answers = new ArrayList<>();

  private final GroupCommit<UsageRecord, UsageOutcome> batcher = new GroupCommit<>(this::entity);

  private CompletionStage<List<UsageOutcome>> entity(String accountId, List<UsageRecord> records) {
    sent.add(records);
    CompletableFuture<List<UsageOutcome>> answer = new CompletableFuture<>();
    answers.add(answer);
    return answer;
  }

  private static UsageRecord record(String id) {
    return new UsageRecordDraft(
            id,
            "feed",
            "MSISDN",
            "+4915100000001",
            "SMS",
            NOW.toString(),
            "1",
            "event",
            Map.of(),
            null)
        .validate(NOW)
        .value();
  }

  private static List<UsageOutcome> accepted(List<UsageRecord> records) {
    return records.stream().map(r -> UsageOutcome.duplicate(r.id(), r.source())).toList();
  }

  @Test
  void requestsArrivingWhileABatchIsInFlightGoTogetherAsOneBatch() {
    var first = batcher.submit("acc", List.of(record("a")));
    var second = batcher.submit("acc", List.of(record("b"), record("c")));
    var third = batcher.submit("acc", List.of(record("d")));
    assertEquals(1, sent.size(), "only the first is sent while it is in flight");

    answers.get(0).complete(accepted(sent.get(0)));
    assertEquals(2, sent.size());
    assertEquals(
        List.of("b", "c", "d"), sent.get(1).stream().map(UsageRecord::id).toList(), "coalesced");
    assertTrue(first.toCompletableFuture().isDone());
    assertFalse(second.toCompletableFuture().isDone());

    answers.get(1).complete(accepted(sent.get(1)));
    assertEquals(
        List.of("b", "c"),
        second.toCompletableFuture().join().stream().map(UsageOutcome::id).toList());
    assertEquals(
        List.of("d"), third.toCompletableFuture().join().stream().map(UsageOutcome::id).toList());

    batcher.submit("acc", List.of(record("e")));
    assertEquals(3, sent.size(), "an idle account sends at once");
  }

  @Test
  void aFailedBatchFailsEveryRequestInIt() {
    batcher.submit("acc", List.of(record("a")));
    var waiting = batcher.submit("acc", List.of(record("b")));
    answers.get(0).complete(accepted(sent.get(0)));
    answers.get(1).completeExceptionally(new IllegalStateException("journal down"));
    assertTrue(waiting.toCompletableFuture().isCompletedExceptionally());
  }

  @Test
  void accountsAreIndependent() {
    batcher.submit("acc-1", List.of(record("a")));
    batcher.submit("acc-2", List.of(record("a")));
    assertEquals(2, sent.size());
  }
}
