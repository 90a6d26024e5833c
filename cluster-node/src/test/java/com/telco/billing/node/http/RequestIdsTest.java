package com.telco.billing.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** Which client request ids are kept. */
class RequestIdsTest {
  @Test
  void safeIdsAreKeptOthersReplaced() {
    assertEquals("abc-123_X.y:z", RequestIds.accept("abc-123_X.y:z"));
    assertEquals("x".repeat(64), RequestIds.accept("x".repeat(64)));
    for (String unsafe :
        new String[] {"", "x".repeat(65), "a b", "a\nb", "ä", "a/b", "4111 1111", "a\"b"}) {
      assertNotEquals(unsafe, RequestIds.accept(unsafe));
    }
    assertNotEquals(RequestIds.accept(null), RequestIds.accept(null));
  }
}
