package com.telco.billing.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class OriginTest {
  private static final Origin A = new Origin("mediation-a", "req-1");
  private static final Origin B = new Origin("mediation-b", "req-2");

  @Test
  void consecutiveRecordsOfOneRequestMakeOneSpan() {
    assertEquals(
        List.of(new Origin.Span(A, 2), new Origin.Span(B, 1), new Origin.Span(A, 1)),
        Origin.spans(List.of(A, A, B, A)));
    assertEquals(List.of(), Origin.spans(List.of()));
  }

  @Test
  void recordsOfNoKnownRequestMakeSpansOfTheirOwn() {
    List<Origin> origins = new ArrayList<>(Arrays.asList(null, null, A));
    assertEquals(List.of(new Origin.Span(null, 2), new Origin.Span(A, 1)), Origin.spans(origins));
    assertEquals(origins, Origin.each(Origin.spans(origins)));
  }

  @Test
  void eachIsTheReverseOfSpans() {
    List<Origin> origins = List.of(B, A, A, A, B, B);
    assertEquals(origins, Origin.each(Origin.spans(origins)));
    assertEquals(List.of(), Origin.each(List.of()));
  }

  @Test
  void aSpanHasRecordsAndAnOriginHasASubject() {
    assertThrows(IllegalArgumentException.class, () -> new Origin.Span(A, 0));
    assertThrows(NullPointerException.class, () -> new Origin(null, "req-1"));
    assertEquals("system:bill-cycle", Origin.BILL_CYCLE.subject());
    assertEquals(null, Origin.BILL_CYCLE.requestId());
  }
}
