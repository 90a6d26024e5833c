package com.telco.billing.node.util;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * Group commit per key (an entity id): while one batch for a key is in flight, the items other
 * callers on this node submit for the same key wait, and then go out together, as one command and
 * so one journal write. Each caller gets back the results of its own items, in order.
 *
 * <p>Used for usage (one account entity per key: a record repeated across coalesced requests is
 * accepted once and a duplicate after) and for invoice numbers (one series entity per key).
 *
 * @param <I> an item sent to the entity
 * @param <O> the entity's result for one item
 */
public final class GroupCommit<I, O> {
  private final BiFunction<String, List<I>, CompletionStage<List<O>>> rate;
  private final ConcurrentHashMap<String, Queue<I, O>> queues = new ConcurrentHashMap<>();

  /**
   * @param rate sends one batch for a key and answers one result per item, in order
   */
  public GroupCommit(BiFunction<String, List<I>, CompletionStage<List<O>>> rate) {
    this.rate = rate;
  }

  private record Pending<I, O>(List<I> records, CompletableFuture<List<O>> result) {}

  /** The records of one account waiting for, or in, the entity. */
  private static final class Queue<I, O> {
    final List<Pending<I, O>> waiting = new ArrayList<>();
    boolean inFlight;
    boolean retired;
  }

  /** Sends {@code items} for {@code key}, together with other callers' if they overlap. */
  public CompletionStage<List<O>> submit(String accountId, List<I> records) {
    Pending<I, O> pending = new Pending<>(records, new CompletableFuture<>());
    while (true) {
      Queue<I, O> queue = queues.computeIfAbsent(accountId, id -> new Queue<>());
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

  private void send(String accountId, Queue<I, O> queue) {
    List<Pending<I, O>> batch;
    synchronized (queue) {
      batch = new ArrayList<>(queue.waiting);
      queue.waiting.clear();
    }
    List<I> all = new ArrayList<>();
    for (Pending<I, O> p : batch) {
      all.addAll(p.records());
    }
    rate.apply(accountId, all)
        .whenComplete(
            (outcomes, failure) -> {
              int from = 0;
              for (Pending<I, O> p : batch) {
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
