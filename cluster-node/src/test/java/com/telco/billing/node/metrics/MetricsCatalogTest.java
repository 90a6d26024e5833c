package com.telco.billing.node.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The node's metrics, the operations guide and the Grafana dashboard agree: every metric is
 * documented, and the dashboard reads only metrics that exist.
 */
class MetricsCatalogTest {
  private static final Path DOCS = Path.of("../docs/operations.md");
  private static final Path DASHBOARD = Path.of("../k8s/grafana-dashboard.json");

  /** The names as exposed: counters with {@code _total}. */
  private static Set<String> exposedNames(String prefix) {
    Set<String> names = new TreeSet<>();
    for (MetricSnapshot snapshot :
        new BillingMetrics(new PrometheusRegistry()).registry().scrape()) {
      String name = snapshot.getMetadata().getPrometheusName();
      if (name.startsWith(prefix)) {
        names.add(snapshot instanceof CounterSnapshot ? name + "_total" : name);
      }
    }
    return names;
  }

  @Test
  void everyBillingMetricIsDocumented() throws IOException {
    Set<String> names = exposedNames("billing_");
    assertTrue(names.size() >= 16, names.toString());
    String docs = Files.readString(DOCS);
    Set<String> missing = new TreeSet<>();
    for (String name : names) {
      if (!docs.contains("| `" + name + "` |")) {
        missing.add(name);
      }
    }
    assertEquals(Set.of(), missing, "metrics without a row in docs/operations.md");
  }

  @Test
  void theDashboardReadsOnlyMetricsThatExist() throws IOException {
    Set<String> exposed = exposedNames("");
    String dashboard = Files.readString(DASHBOARD);
    Matcher used = Pattern.compile("\\b((?:billing|jvm|process)_[a-z_]+)").matcher(dashboard);
    Set<String> unknown = new TreeSet<>();
    int count = 0;
    while (used.find()) {
      count++;
      String name = used.group(1).replaceAll("_(bucket|sum|count)$", "");
      if (!exposed.contains(name)) {
        unknown.add(used.group(1));
      }
    }
    assertFalse(count == 0, "the dashboard has queries");
    assertEquals(Set.of(), unknown, "dashboard queries of metrics the node does not expose");
  }
}
