package com.telco.billing.node.audit;

import com.telco.billing.node.ConfigChecks;
import com.typesafe.config.Config;
import java.time.Duration;

/**
 * {@code billing.audit}: how long the audit trail keeps its entries, what happens when one cannot
 * be written, and the bounds of {@code GET /audit} (docs/security.md, "Audit trail").
 *
 * @param retention how long an entry is kept (its Cassandra TTL)
 * @param failClosed whether a request whose entry could not be written is answered 503 instead
 * @param maxReasonLength the most characters of an {@code X-Reason} kept
 * @param defaultRange the range listed when neither {@code from} nor {@code to} is given
 * @param maxRange the longest range one query may ask for
 * @param defaultLimit entries per page when no limit is given
 * @param maxLimit the largest page a query may ask for
 * @param maxScannedRows the most rows one query reads (a filter that matches few gives short pages)
 */
public record AuditSettings(
    Duration retention,
    boolean failClosed,
    int maxReasonLength,
    Duration defaultRange,
    Duration maxRange,
    int defaultLimit,
    int maxLimit,
    int maxScannedRows) {

  /** Cassandra refuses a TTL longer than 20 years. */
  static final Duration MAX_RETENTION = Duration.ofDays(20 * 365);

  public static AuditSettings from(Config config) {
    String p = "billing.audit.";
    Duration retention = ConfigChecks.positiveDuration(config, p + "retention");
    if (retention.compareTo(MAX_RETENTION) > 0 || retention.toSeconds() < 1) {
      throw ConfigChecks.badValue(p + "retention", "must be 1 second to 20 years (7300 days)");
    }
    int maxReason = ConfigChecks.intAtLeast(config, p + "max-reason-length", 1);
    if (maxReason > 4096) {
      throw ConfigChecks.badValue(p + "max-reason-length", "must be at most 4096");
    }
    return new AuditSettings(
        retention,
        config.getBoolean(p + "fail-closed"),
        maxReason,
        ConfigChecks.positiveDuration(config, p + "query.default-range"),
        ConfigChecks.positiveDuration(config, p + "query.max-range"),
        ConfigChecks.intAtLeast(config, p + "query.default-limit", 1),
        ConfigChecks.intAtLeast(config, p + "query.max-limit", 1),
        ConfigChecks.intAtLeast(config, p + "query.max-scanned-rows", 1));
  }

  /** The retention as a Cassandra TTL in seconds. */
  public int ttlSeconds() {
    return Math.toIntExact(retention.toSeconds());
  }
}
