package com.telco.billing.node.metrics;

import com.telco.billing.node.rounds.RoundMetrics;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The metrics of a driver over dated due rows ({@code billing_<driver>_asks}, {@code _outcomes},
 * {@code _failures}, {@code _rounds}, {@code _backlog}): asks, their outcomes, what failed, and the
 * due rows still due after the last round. Only the node running the driver (a singleton) moves
 * them; dashboards sum the counters and take the maximum of the backlog over the nodes.
 */
public abstract class DriverMetrics implements RoundMetrics {
  private final Counter asks;
  private final Counter outcomes;
  private final Counter failures;
  private final Counter rounds;
  private final Gauge backlog;

  /**
   * @param driver the driver's name in the metric names ({@code collection}, {@code dunning})
   * @param ask the command it sends, for the help texts
   * @param outcomeLabels the outcome labels, for the help text
   * @param stageLabels the failure stage labels, for the help text
   */
  DriverMetrics(
      PrometheusRegistry registry,
      String driver,
      String ask,
      String outcomeLabels,
      String stageLabels) {
    String prefix = "billing_" + driver + "_";
    this.asks =
        Counter.builder()
            .name(prefix + "asks")
            .help(ask + " asks the " + driver + " driver sent to accounts (one per due row read)")
            .register(registry);
    this.outcomes =
        Counter.builder()
            .name(prefix + "outcomes")
            .help("Answers to " + ask + " by outcome: " + outcomeLabels)
            .labelNames("outcome")
            .register(registry);
    this.failures =
        Counter.builder()
            .name(prefix + "failures")
            .help("Failures of the " + driver + " driver by stage: " + stageLabels)
            .labelNames("stage")
            .register(registry);
    this.rounds =
        Counter.builder()
            .name(prefix + "rounds")
            .help("Rounds of the " + driver + " driver that ended")
            .register(registry);
    this.backlog =
        Gauge.builder()
            .name(prefix + "backlog")
            .help("Due rows the last round of the " + driver + " driver read and left due")
            .register(registry);
  }

  /** One ask sent. */
  public void asked() {
    asks.inc();
  }

  /** An answer, by its outcome label. */
  public void outcome(String outcome) {
    outcomes.labelValues(outcome).inc();
  }

  /** A failure at the stage labelled {@code stage}. */
  void failed(String stage) {
    failures.labelValues(stage).inc();
  }

  @Override
  public void roundFailed() {
    failed("round");
  }

  @Override
  public void afterRoundFailed() {
    failed("after_round");
  }

  @Override
  public void roundEnded(long stillDue) {
    rounds.inc();
    backlog.set(stillDue);
  }

  @Override
  public void driverStopped() {
    backlog.set(0);
  }
}
