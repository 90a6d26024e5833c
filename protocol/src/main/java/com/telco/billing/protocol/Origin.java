package com.telco.billing.protocol;

import java.util.List;
import java.util.Objects;

/**
 * Who caused a change: the authenticated subject of the API request and the request's id ({@code
 * X-Request-Id}), which the audit trail records too. Passed from the route through the service into
 * the entity command, and stored on the events the command persists, so that an event names the
 * request behind it. Events written before origins existed have none ({@code null}).
 *
 * <p>Changes no request asked for name a system subject ({@code system:...}) and no request id,
 * e.g. {@link #BILL_CYCLE} for the bill runs the bill-cycle singleton starts on its schedule.
 *
 * @param subject the principal's subject ({@code anonymous} on a public endpoint, {@code
 *     system:...} for the node itself)
 * @param requestId the request's id, {@code null} for a system origin
 */
public record Origin(String subject, String requestId) implements CborSerializable {

  /** The bill-cycle singleton starting a scheduled run. */
  public static final Origin BILL_CYCLE = new Origin("system:bill-cycle", null);

  public Origin {
    Objects.requireNonNull(subject, "subject");
  }

  /**
   * {@code records} consecutive records of a list (e.g. the rated usage of one event) that came
   * with the request of {@code origin}: records of several requests can share one command and one
   * event (group commit), and a span per request names each of them without a field per record.
   *
   * @param origin the request, or {@code null} when it is not known
   * @param records how many consecutive records came with it, at least 1
   */
  public record Span(Origin origin, int records) implements CborSerializable {
    public Span {
      if (records < 1) {
        throw new IllegalArgumentException("a span has at least one record: " + records);
      }
    }
  }

  /**
   * The spans of a list whose element {@code i} came with {@code origins.get(i)}: consecutive equal
   * origins make one span; empty for an empty list.
   */
  public static List<Span> spans(List<Origin> origins) {
    List<Span> spans = new java.util.ArrayList<>();
    Origin current = null;
    int count = 0;
    for (Origin origin : origins) {
      if (count > 0 && Objects.equals(current, origin)) {
        count++;
        continue;
      }
      if (count > 0) {
        spans.add(new Span(current, count));
      }
      current = origin;
      count = 1;
    }
    if (count > 0) {
      spans.add(new Span(current, count));
    }
    return List.copyOf(spans);
  }

  /** The origin of each record the spans cover, in order: the reverse of {@link #spans}. */
  public static List<Origin> each(List<Span> spans) {
    List<Origin> origins = new java.util.ArrayList<>();
    for (Span span : spans) {
      for (int i = 0; i < span.records(); i++) {
        origins.add(span.origin());
      }
    }
    return origins;
  }
}
