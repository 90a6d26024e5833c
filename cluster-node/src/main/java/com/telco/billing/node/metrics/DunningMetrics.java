package com.telco.billing.node.metrics;

import com.telco.billing.node.rounds.RoundMetrics;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The dunning driver's rounds: {@code EvaluateDunning} asks, their outcomes, what failed, and the
 * due rows still due after the last round. Only the node running the driver (a singleton) moves
 * them; dashboards sum the counters and take the maximum of the backlog over the nodes.
 */
public final class DunningMetrics implements RoundMetrics {

  /** Where a row's handling failed: the {@code stage} label. */
  public enum Stage {
    /** The {@code EvaluateDunning} ask failed or timed out. */
    ASK("ask"),
    /** Writing or deleting a due row failed. */
    STORE("store"),
    /** A whole round failed (reading the due rows or the watermark). */
    ROUND("round"),
    /** The after-round hook failed. */
    AFTER_ROUND("after_round");

    final String label;

    Stage(String label) {
      this.label = label;
    }
  }

  private final Counter evaluations;
  private final Counter results;
  private final Counter errors;
  private final Counter roundsEnded;
  private final Gauge stillDue;

  DunningMetrics(PrometheusRegistry registry) {
    this.evaluations =
        Counter.builder()
            .name("billing_dunning_asks")
            .help("EvaluateDunning asks the dunning driver sent to accounts (one per due row read)")
            .register(registry);
    this.results =
        Counter.builder()
            .name("billing_dunning_outcomes")
            .help(
                "Answers to EvaluateDunning by outcome: fired (steps fired), ended (the episode"
                    + " ended), unchanged (nothing fired)")
            .labelNames("outcome")
            .register(registry);
    this.errors =
        Counter.builder()
            .name("billing_dunning_failures")
            .help(
                "Failures of the dunning driver by stage: ask (no answer; the row is asked again),"
                    + " store, round, after_round")
            .labelNames("stage")
            .register(registry);
    this.roundsEnded =
        Counter.builder()
            .name("billing_dunning_rounds")
            .help("Rounds of the dunning driver that ended")
            .register(registry);
    this.stillDue =
        Gauge.builder()
            .name("billing_dunning_backlog")
            .help("Due rows the last round of the dunning driver read and left due")
            .register(registry);
  }

  /** One {@code EvaluateDunning} sent. */
  public void asked() {
    evaluations.inc();
  }

  /** An answer, by its outcome label. */
  public void outcome(String outcome) {
    results.labelValues(outcome).inc();
  }

  /** A failure at {@code stage}. */
  public void failed(Stage stage) {
    errors.labelValues(stage.label).inc();
  }

  @Override
  public void roundEnded(long rowsStillDue) {
    roundsEnded.inc();
    stillDue.set(rowsStillDue);
  }

  @Override
  public void roundFailed() {
    failed(Stage.ROUND);
  }

  @Override
  public void afterRoundFailed() {
    failed(Stage.AFTER_ROUND);
  }

  @Override
  public void driverStopped() {
    stillDue.set(0);
  }
}
