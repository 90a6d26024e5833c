package com.telco.billing.node.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The samples of a scrape in the Prometheus text format, read back for tests: each sample by its
 * name and labels. Label values of the node's metrics hold no quotes or backslashes; a scrape that
 * has some is refused rather than misread.
 */
public final class ScrapedMetrics {
  private final Map<String, Double> samples = new LinkedHashMap<>();

  private ScrapedMetrics() {}

  /** Reads a scrape. */
  public static ScrapedMetrics parse(String text) {
    ScrapedMetrics scraped = new ScrapedMetrics();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      String series = line.substring(0, space);
      if (series.contains("\\")) {
        throw new IllegalArgumentException("escaped label value in " + line);
      }
      scraped.samples.put(canonical(series), Double.parseDouble(line.substring(space + 1)));
    }
    return scraped;
  }

  /** A series as {@code name{a="1",b="2"}} with the labels sorted by name. */
  private static String canonical(String series) {
    int brace = series.indexOf('{');
    if (brace < 0) {
      return series;
    }
    Map<String, String> labels = new TreeMap<>();
    String body = series.substring(brace + 1, series.length() - 1);
    for (String pair : body.split("\",")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String value = pair.substring(eq + 1);
      value = value.startsWith("\"") ? value.substring(1) : value;
      value = value.endsWith("\"") ? value.substring(0, value.length() - 1) : value;
      labels.put(pair.substring(0, eq), value);
    }
    return key(series.substring(0, brace), labels);
  }

  private static String key(String name, Map<String, String> labels) {
    if (labels.isEmpty()) {
      return name;
    }
    StringBuilder b = new StringBuilder(name).append('{');
    labels.forEach((k, v) -> b.append(k).append("=\"").append(v).append("\","));
    b.setLength(b.length() - 1);
    return b.append('}').toString();
  }

  /**
   * The value of the sample {@code name} with exactly these labels ({@code "k1", "v1", "k2", "v2",
   * ...}); 0 when the scrape has none (a counter not yet incremented).
   */
  public double value(String name, String... labelPairs) {
    Map<String, String> labels = new TreeMap<>();
    for (int i = 0; i < labelPairs.length; i += 2) {
      labels.put(labelPairs[i], labelPairs[i + 1]);
    }
    return samples.getOrDefault(key(name, labels), 0.0);
  }

  /** The sum of the samples of {@code name} whose series text passes {@code filter}. */
  public double sum(String name, Predicate<String> filter) {
    double total = 0;
    for (Map.Entry<String, Double> e : samples.entrySet()) {
      String series = e.getKey();
      boolean named = series.equals(name) || series.startsWith(name + "{");
      if (named && filter.test(series)) {
        total += e.getValue();
      }
    }
    return total;
  }

  /** Whether the scrape has any sample of {@code name}. */
  public boolean has(String name) {
    return samples.keySet().stream().anyMatch(s -> s.equals(name) || s.startsWith(name + "{"));
  }
}
