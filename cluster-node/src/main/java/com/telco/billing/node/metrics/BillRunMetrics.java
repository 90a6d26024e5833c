package com.telco.billing.node.metrics;

import com.telco.billing.protocol.billrun.BillRunList;
import com.telco.billing.protocol.billrun.BillRunView;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress of the current bill run (the newest one: running, or the last finished), as the
 * bill-cycle singleton reports it: every node asks it periodically and shows the same values, so
 * dashboards take the maximum over the nodes and a move of the singleton leaves no stale series.
 */
public final class BillRunMetrics {
  private static final Logger log = LoggerFactory.getLogger(BillRunMetrics.class);

  /** Counts of a run, the {@code count} label. */
  static final String DUE = "due";

  static final String PROCESSED = "processed";
  static final String INVOICED = "invoiced";
  static final String SKIPPED = "skipped";
  static final String FAILED = "failed";

  private final Gauge accounts;
  private final Gauge running;
  private final Gauge accountsPerSecond;

  BillRunMetrics(PrometheusRegistry registry) {
    this.accounts =
        Gauge.builder()
            .name("billing_bill_run_accounts")
            .help(
                "Accounts of the current bill run by count: due (of its cycle day; -1 until"
                    + " counted), processed, invoiced, skipped, failed")
            .labelNames("count")
            .register(registry);
    this.running =
        Gauge.builder()
            .name("billing_bill_runs_running")
            .help("Bill runs in progress")
            .register(registry);
    this.accountsPerSecond =
        Gauge.builder()
            .name("billing_bill_run_accounts_per_second")
            .help("Accounts per second of the current bill run since its start")
            .register(registry);
  }

  /** Sets the gauges from the runs the singleton remembers. */
  void update(BillRunList runs) {
    running.set(runs.runs().stream().filter(r -> "RUNNING".equals(r.status())).count());
    Optional<BillRunView> current =
        runs.runs().stream()
            .max(Comparator.comparing(BillRunView::startedAt).thenComparing(BillRunView::runId));
    if (current.isEmpty()) {
      return;
    }
    BillRunView run = current.get();
    accounts.labelValues(DUE).set(run.accountsDue());
    accounts.labelValues(PROCESSED).set(run.processed());
    accounts.labelValues(INVOICED).set(run.invoiced());
    accounts.labelValues(SKIPPED).set(run.skipped());
    accounts.labelValues(FAILED).set(run.failed());
    accountsPerSecond.set(
        run.accountsPerSecond() == null ? 0 : run.accountsPerSecond().doubleValue());
  }

  /** Asks {@code runs} every {@code interval} and sets the gauges from its answer. */
  void poll(ActorSystem<?> system, Supplier<CompletionStage<BillRunList>> runs, Duration interval) {
    system
        .scheduler()
        .scheduleWithFixedDelay(
            interval,
            interval,
            () ->
                runs.get()
                    .whenComplete(
                        (list, failure) -> {
                          if (failure != null) {
                            log.debug("bill runs not read: {}", failure.toString());
                          } else {
                            update(list);
                          }
                        }),
            system.executionContext());
  }
}
