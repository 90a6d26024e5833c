package com.telco.billing.node.metrics;

import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The collection driver's rounds ({@code billing_collection_*}): {@code CollectDue} asks, their
 * outcomes, what failed, and the due rows still due after the last round.
 */
public final class CollectionMetrics extends DriverMetrics {

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

  CollectionMetrics(PrometheusRegistry registry) {
    super(
        registry,
        "collection",
        "CollectDue",
        "nothing_to_collect, collected, pending, failed, direct_debit_scheduled",
        "ask (no answer; the row is asked again), direct_debit, store, after_round, round");
  }

  /** A failure at {@code stage}. */
  public void failed(Stage stage) {
    failed(stage.label);
  }
}
