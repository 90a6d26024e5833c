package com.telco.billing.protocol.http;

import java.time.Instant;
import java.util.List;

/**
 * Body of {@code GET /suspense}: one page of held usage records with their reasons.
 *
 * @param count the records on this page
 * @param records the records, by suspension time
 * @param nextCursor the {@code cursor} of the next page; null on the last page
 */
public record SuspenseList(int count, List<Entry> records, String nextCursor) {

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

  public static SuspenseList of(List<Entry> records, String nextCursor) {
    return new SuspenseList(records.size(), records, nextCursor);
  }
}
