package com.telco.billing.node.metrics;

import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The dunning driver's rounds ({@code billing_dunning_*}): {@code EvaluateDunning} asks, their
 * outcomes, what failed, and the due rows still due after the last round.
 */
public final class DunningMetrics extends DriverMetrics {

  /** Where a row's handling failed: the {@code stage} label. */
  public enum Stage {
    /** The {@code EvaluateDunning} ask failed or timed out. */
    ASK("ask"),
    /** Writing or deleting a due row failed. */
    STORE("store");

    final String label;

    Stage(String label) {
      this.label = label;
    }
  }

  DunningMetrics(PrometheusRegistry registry) {
    super(
        registry,
        "dunning",
        "EvaluateDunning",
        "fired (steps fired), ended (the episode ended), unchanged (nothing fired)",
        "ask (no answer; the row is asked again), store, round, after_round");
  }

  /** A failure at {@code stage}. */
  public void failed(Stage stage) {
    failed(stage.label);
  }
}
