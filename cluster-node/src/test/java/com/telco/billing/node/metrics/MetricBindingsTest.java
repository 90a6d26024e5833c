package com.telco.billing.node.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.protocol.billrun.BillRunList;
import com.telco.billing.protocol.billrun.BillRunView;
import com.telco.billing.protocol.usage.UsageOutcome;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.projection.ProjectionId;
import org.apache.pekko.projection.StatusObserver;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.junit.jupiter.api.Test;

/** Each instrument group writes what it is given under its names and labels. */
class MetricBindingsTest {
  private final BillingMetrics metrics = new BillingMetrics(new PrometheusRegistry());

  private ScrapedMetrics scrape() {
    return ScrapedMetrics.parse(new String(metrics.scrape(), StandardCharsets.UTF_8));
  }

  @Test
  void usageOutcomesAreCountedByPathOutcomeAndReason() {
    List<UsageOutcome> outcomes =
        Arrays.asList(
            new UsageOutcome.Accepted("a", "msc", new BigDecimal("0.100000"), "EUR", false),
            new UsageOutcome.Accepted("b", "msc", new BigDecimal("0.100000"), "EUR", true),
            new UsageOutcome.Duplicate("a", "msc"),
            new UsageOutcome.Rejected("c", "msc", "invalid_quantity", "quantity", "negative"),
            new UsageOutcome.Rejected("d", "msc", "invalid_quantity", "quantity", "negative"),
            new UsageOutcome.Suspended(
                "e", "msc", "unguided", "serviceId", "no subscription held it"),
            null);
    metrics.usage().outcomes(UsageMetrics.Path.SYNC, outcomes);
    metrics.usage().outcomes(UsageMetrics.Path.INTAKE, outcomes.subList(0, 1));

    ScrapedMetrics s = scrape();
    String name = "billing_usage_records_total";
    assertEquals(1, s.value(name, "path", "sync", "outcome", "accepted", "reason", "none"));
    assertEquals(1, s.value(name, "path", "sync", "outcome", "accepted", "reason", "late"));
    assertEquals(1, s.value(name, "path", "sync", "outcome", "duplicate", "reason", "none"));
    assertEquals(
        2, s.value(name, "path", "sync", "outcome", "rejected", "reason", "invalid_quantity"));
    assertEquals(1, s.value(name, "path", "sync", "outcome", "suspended", "reason", "unguided"));
    assertEquals(1, s.value(name, "path", "intake", "outcome", "accepted", "reason", "none"));
    // the record without an outcome is not counted
    assertEquals(7, s.sum(name, series -> true));
  }

  @Test
  void latenciesLandInTheirHistograms() {
    long now = System.nanoTime();
    metrics.usage().accountCall(now);
    metrics.usage().rating(now);
    metrics.usage().rating(now);
    metrics.journal().written("account", "usage_rated", now);
    metrics.journal().failed("account");
    metrics.journal().rejected("account");
    metrics.journal().rejected("account");

    ScrapedMetrics s = scrape();
    assertEquals(1, s.value("billing_usage_account_call_seconds_count"));
    assertEquals(2, s.value("billing_usage_rating_seconds_count"));
    assertEquals(
        1,
        s.value(
            "billing_journal_write_seconds_count", "entity", "account", "event", "usage_rated"));
    assertEquals(
        1, s.value("billing_persist_failures_total", "entity", "account", "kind", "failed"));
    assertEquals(
        2, s.value("billing_persist_failures_total", "entity", "account", "kind", "rejected"));
  }

  @Test
  void httpRequestsAreCountedByRouteMethodAndStatus() {
    metrics.http().record("/usage", "POST", 200, 3_000_000);
    metrics.http().record("/usage", "POST", 200, 3_000_000);
    metrics.http().record(null, "GET", 404, 1_000_000);

    ScrapedMetrics s = scrape();
    assertEquals(
        2,
        s.value(
            "billing_http_requests_total", "route", "/usage", "method", "POST", "status", "200"));
    assertEquals(
        1,
        s.value(
            "billing_http_requests_total", "route", "unmatched", "method", "GET", "status", "404"));
    assertEquals(
        2,
        s.value(
            "billing_http_request_duration_seconds_count", "route", "/usage", "method", "POST"));
    // 3 ms is within the 5 ms bucket and not the 2.5 ms one
    assertEquals(
        2,
        s.value(
            "billing_http_request_duration_seconds_bucket",
            "route",
            "/usage",
            "method",
            "POST",
            "le",
            "0.005"));
    assertEquals(
        0,
        s.value(
            "billing_http_request_duration_seconds_bucket",
            "route",
            "/usage",
            "method",
            "POST",
            "le",
            "0.0025"));
  }

  @Test
  void projectionLagIsTheAgeOfTheLastProcessedEvent() {
    Instant now = Instant.parse("2026-12-07T10:00:00Z");
    PrometheusRegistry registry = new PrometheusRegistry();
    ProjectionMetrics projections =
        new ProjectionMetrics(registry, Clock.fixed(now, ZoneOffset.UTC));
    StatusObserver<EventEnvelope<String>> observer = projections.observer();
    ProjectionId id = ProjectionId.of("guiding", "account-3");
    long written = now.minusMillis(2_500).toEpochMilli();
    observer.afterProcess(
        id, EventEnvelope.create(Offset.noOffset(), "Account|a", 1, "e", written));
    observer.afterProcess(
        id, EventEnvelope.create(Offset.noOffset(), "Account|a", 2, "e", written));
    observer.error(id, null, new IllegalStateException("boom"), null);
    observer.failed(id, new IllegalStateException("boom"));

    ScrapedMetrics s = ScrapedMetrics.parse(scrapeOf(registry));
    assertEquals(
        2.5,
        s.value("billing_projection_lag_seconds", "projection", "guiding", "key", "account-3"));
    assertEquals(
        written / 1000.0,
        s.value(
            "billing_projection_last_event_timestamp_seconds",
            "projection",
            "guiding",
            "key",
            "account-3"));
    assertEquals(2, s.value("billing_projection_events_total", "projection", "guiding"));
    assertEquals(
        1, s.value("billing_projection_errors_total", "projection", "guiding", "kind", "handler"));
    assertEquals(
        1, s.value("billing_projection_errors_total", "projection", "guiding", "kind", "stream"));
  }

  @Test
  void billRunGaugesShowTheNewestRun() {
    Instant t0 = Instant.parse("2026-12-01T00:05:00Z");
    BillRunView older = run("run-1", t0, "COMPLETED", 10, 10, 8, 2, 0);
    BillRunView newer = run("run-2", t0.plusSeconds(3600), "RUNNING", 100, 40, 30, 5, 5);
    metrics.billRuns().update(new BillRunList(List.of(newer, older)));

    ScrapedMetrics s = scrape();
    assertEquals(1, s.value("billing_bill_runs_running"));
    assertEquals(100, s.value("billing_bill_run_accounts", "count", "due"));
    assertEquals(40, s.value("billing_bill_run_accounts", "count", "processed"));
    assertEquals(30, s.value("billing_bill_run_accounts", "count", "invoiced"));
    assertEquals(5, s.value("billing_bill_run_accounts", "count", "skipped"));
    assertEquals(5, s.value("billing_bill_run_accounts", "count", "failed"));
    assertEquals(12.5, s.value("billing_bill_run_accounts_per_second"));
  }

  @Test
  void theScrapeHasTheJvmAndGcMetrics() {
    ScrapedMetrics s = scrape();
    assertTrue(s.has("jvm_memory_used_bytes"), "JVM memory");
    assertTrue(s.has("jvm_gc_collection_seconds_count"), "GC");
    assertTrue(s.has("jvm_threads_current"), "threads");
  }

  @Test
  void eachNodeHasItsOwnRegistry() {
    BillingMetrics other = new BillingMetrics(new PrometheusRegistry());
    metrics.journal().failed("account");
    ScrapedMetrics s = ScrapedMetrics.parse(new String(other.scrape(), StandardCharsets.UTF_8));
    assertEquals(
        0, s.value("billing_persist_failures_total", "entity", "account", "kind", "failed"));
  }

  private static String scrapeOf(PrometheusRegistry registry) {
    var out = new java.io.ByteArrayOutputStream();
    try {
      io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter.create()
          .write(out, registry.scrape());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static BillRunView run(
      String id,
      Instant startedAt,
      String status,
      long due,
      long processed,
      long invoiced,
      long skipped,
      long failed) {
    return new BillRunView(
        id,
        LocalDate.of(2026, 12, 1),
        "manual",
        status,
        status.equals("RUNNING") ? "SCANNING" : "COMPLETED",
        0,
        startedAt,
        null,
        due,
        processed,
        invoiced,
        skipped,
        failed,
        Map.of(),
        new BigDecimal("12.5"),
        null,
        List.of(),
        false);
  }
}
