package com.telco.billing.node.usage;

import com.telco.billing.core.rating.UsageRecord;
import com.telco.billing.protocol.usage.UsageOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * Group commit per account: while one batch of an account is being rated and persisted, the records
 * other requests on this node send to the same account wait, and then go to the entity together, as
 * one command and one journal write. Each request gets back the outcomes of its own records. A
 * record repeated across the coalesced requests is accepted once and a duplicate after.
 */
final class AccountBatcher {
  private final BiFunction<String, List<UsageRecord>, CompletionStage<List<UsageOutcome>>> rate;
  private final ConcurrentHashMap<String, Queue> queues = new ConcurrentHashMap<>();

  /**
   * @param rate sends an account one batch and answers one outcome per record, in order
   */
  AccountBatcher(BiFunction<String, List<UsageRecord>, CompletionStage<List<UsageOutcome>>> rate) {
    this.rate = rate;
  }

  private record Pending(List<UsageRecord> records, CompletableFuture<List<UsageOutcome>> result) {}

  /** The records of one account waiting for, or in, the entity. */
  private static final class Queue {
    final List<Pending> waiting = new ArrayList<>();
    boolean inFlight;
    boolean retired;
  }

  /** Rates {@code records} for {@code accountId}, together with other requests' if they overlap. */
  CompletionStage<List<UsageOutcome>> rate(String accountId, List<UsageRecord> records) {
    Pending pending = new Pending(records, new CompletableFuture<>());
    while (true) {
      Queue queue = queues.computeIfAbsent(accountId, id -> new Queue());
      synchronized (queue) {
        if (queue.retired) {
          continue;
        }
        queue.waiting.add(pending);
        if (queue.inFlight) {
          return pending.result();
        }
        queue.inFlight = true;
      }
      send(accountId, queue);
      return pending.result();
    }
  }

  private void send(String accountId, Queue queue) {
    List<Pending> batch;
    synchronized (queue) {
      batch = new ArrayList<>(queue.waiting);
      queue.waiting.clear();
    }
    List<UsageRecord> all = new ArrayList<>();
    for (Pending p : batch) {
      all.addAll(p.records());
    }
    rate.apply(accountId, all)
        .whenComplete(
            (outcomes, failure) -> {
              int from = 0;
              for (Pending p : batch) {
                if (failure != null) {
                  p.result().completeExceptionally(failure);
                } else {
                  int to = from + p.records().size();
                  p.result().complete(List.copyOf(outcomes.subList(from, to)));
                  from = to;
                }
              }
              boolean more;
              synchronized (queue) {
                more = !queue.waiting.isEmpty();
                if (!more) {
                  queue.inFlight = false;
                  queue.retired = true;
                  queues.remove(accountId, queue);
                }
              }
              if (more) {
                send(accountId, queue);
              }
            });
  }
}
