package com.telco.billing.node.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * HTTP API requests by route template, method and status, with their latency; the HTTP layer's
 * {@code http.HttpMetrics} directive records every response here.
 */
public final class HttpRequestMetrics {
  /** The route label of a request no route declared its template for. */
  public static final String UNMATCHED = "unmatched";

  /** Latency buckets in seconds: from a cache hit to the request timeout. */
  static final double[] LATENCY_BUCKETS = {
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20
  };

  private final Counter requests;
  private final Histogram duration;

  HttpRequestMetrics(PrometheusRegistry registry) {
    this.requests =
        Counter.builder()
            .name("billing_http_requests")
            .help("HTTP API requests answered, by route template, method and status")
            .labelNames("route", "method", "status")
            .register(registry);
    this.duration =
        Histogram.builder()
            .name("billing_http_request_duration_seconds")
            .help(
                "Time from a request's arrival until its response head is ready (a streamed body"
                    + " may take longer), by route template and method")
            .labelNames("route", "method")
            .classicOnly()
            .classicUpperBounds(LATENCY_BUCKETS)
            .register(registry);
  }

  /**
   * Counts one answered request.
   *
   * @param route a path template (e.g. {@code /accounts/{id}}), never the raw path, so that the
   *     series stay bounded; null is {@value #UNMATCHED}
   * @param nanos time from its arrival until its response was ready
   */
  public void record(String route, String method, int status, long nanos) {
    String label = route == null ? UNMATCHED : route;
    requests.labelValues(label, method, Integer.toString(status)).inc();
    duration.labelValues(label, method).observe(nanos / 1e9);
  }
}
