package com.telco.billing.node.guiding;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusalCode;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The projection skips what the index refuses for good and retries what failed for the moment. */
class GuidingProjectionTest {

  @Test
  void aRefusalOfTheIndexIsSkippedByItsKind() {
    var inUse = Refusal.of(RefusalCode.SERVICE_IN_USE, "serviceId", "held").toException();
    assertTrue(GuidingProjection.GuidingHandler.isRefusal(inUse));
    assertTrue(GuidingProjection.GuidingHandler.isRefusal(new CompletionException(inUse)));
  }

  @Test
  void failuresOfTheMomentAreRetried() {
    assertFalse(GuidingProjection.GuidingHandler.isRefusal(new TimeoutException("ask")));
    assertFalse(
        GuidingProjection.GuidingHandler.isRefusal(
            new CompletionException(new TimeoutException("ask"))));
    assertFalse(
        GuidingProjection.GuidingHandler.isRefusal(
            Refusal.of(RefusalCode.OVERLOADED, null, "busy").toException()));
    assertFalse(
        GuidingProjection.GuidingHandler.isRefusal(
            Refusal.of(RefusalCode.INTERNAL_ERROR, null, "boom").toException()));
    assertFalse(GuidingProjection.GuidingHandler.isRefusal(new IllegalStateException("boom")));
  }
}
