package com.telco.billing.protocol.http;

import java.time.Instant;
import java.util.List;

/** Body of {@code GET /suspense}: held usage records with their reasons. */
public record SuspenseList(int count, List<Entry> records) {

  /** One held record. */
  public record Entry(
      String source,
      String id,
      String serviceId,
      Instant usageDate,
      Instant suspendedAt,
      String reason,
      String field,
      String message) {}

  public static SuspenseList of(List<Entry> records) {
    return new SuspenseList(records.size(), records);
  }
}
