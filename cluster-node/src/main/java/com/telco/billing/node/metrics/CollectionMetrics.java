package com.telco.billing.node.metrics;

import com.telco.billing.node.rounds.RoundMetrics;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The collection driver's rounds: asks, their outcomes, what failed, and the due rows still due
 * after the last round. Only the node running the driver (a singleton) moves them; dashboards sum
 * the counters and take the maximum of the backlog over the nodes.
 */
public final class CollectionMetrics implements RoundMetrics {

  /** Where a row's handling failed: the {@code stage} label. */
  public enum Stage {
    /** The {@code CollectDue} ask failed or timed out. */
    ASK("ask"),
    /** The direct debit sink did not take an instruction. */
    DIRECT_DEBIT("direct_debit"),
    /** Writing or deleting a due row failed. */
    STORE("store"),
    /** The after-round hook failed. */
    AFTER_ROUND("after_round"),
    /** A whole round failed (reading the due rows or the watermark). */
    ROUND("round");

    final String label;

    Stage(String label) {
      this.label = label;
    }
  }

  private final Counter asks;
  private final Counter outcomes;
  private final Counter failures;
  private final Counter rounds;
  private final Gauge backlog;

  CollectionMetrics(PrometheusRegistry registry) {
    this.asks =
        Counter.builder()
            .name("billing_collection_asks")
            .help("CollectDue asks the collection driver sent to accounts (one per due row read)")
            .register(registry);
    this.outcomes =
        Counter.builder()
            .name("billing_collection_outcomes")
            .help(
                "Answers to CollectDue by outcome: nothing_to_collect, collected, pending, failed,"
                    + " direct_debit_scheduled")
            .labelNames("outcome")
            .register(registry);
    this.failures =
        Counter.builder()
            .name("billing_collection_failures")
            .help(
                "Failures of the collection driver by stage: ask (no answer; the row is asked"
                    + " again), direct_debit, store, after_round, round")
            .labelNames("stage")
            .register(registry);
    this.rounds =
        Counter.builder()
            .name("billing_collection_rounds")
            .help("Rounds of the collection driver that ended")
            .register(registry);
    this.backlog =
        Gauge.builder()
            .name("billing_collection_backlog")
            .help("Due rows the last round of the collection driver read and left due")
            .register(registry);
  }

  /** One {@code CollectDue} sent. */
  public void asked() {
    asks.inc();
  }

  /** An answer, by its outcome label. */
  public void outcome(String outcome) {
    outcomes.labelValues(outcome).inc();
  }

  /** A failure at {@code stage}. */
  public void failed(Stage stage) {
    failures.labelValues(stage.label).inc();
  }

  @Override
  public void roundFailed() {
    failed(Stage.ROUND);
  }

  @Override
  public void afterRoundFailed() {
    failed(Stage.AFTER_ROUND);
  }

  /** A round ended, leaving {@code stillDue} of the rows it read due. */
  @Override
  public void roundEnded(long stillDue) {
    rounds.inc();
    backlog.set(stillDue);
  }

  /** The driver stopped on this node: its backlog is reported by the node that runs it next. */
  @Override
  public void driverStopped() {
    backlog.set(0);
  }
}
