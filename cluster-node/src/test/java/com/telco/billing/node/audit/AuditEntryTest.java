package com.telco.billing.node.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What an entry keeps of a request: its resource ids by template, a cleaned reason. */
class AuditEntryTest {

  @Test
  void theTemplatesParametersNameTheIds() {
    assertEquals(
        Map.of("id", "acc-1", "subscriptionId", "sub-9"),
        AuditEntry.pathParameters(
            "/accounts/{id}/subscriptions/{subscriptionId}/suspend",
            List.of("accounts", "acc-1", "subscriptions", "sub-9", "suspend")));
    assertEquals(
        List.of("id", "subscriptionId"),
        List.copyOf(
            AuditEntry.pathParameters(
                    "/accounts/{id}/subscriptions/{subscriptionId}/suspend",
                    List.of("accounts", "acc-1", "subscriptions", "sub-9", "suspend"))
                .keySet()),
        "in the template's order");
    assertEquals(
        Map.of("batchId", "b 1/2"),
        AuditEntry.pathParameters(
            "/usage/batches/{batchId}/redrive", List.of("usage", "batches", "b 1/2", "redrive")),
        "segments come decoded: an encoded slash stays in its id");
    assertEquals(Map.of(), AuditEntry.pathParameters("/accounts", List.of("accounts")));
    assertEquals(
        Map.of("id", "acc-1"),
        AuditEntry.pathParameters("/accounts/{id}", List.of("accounts", "acc-1", "")),
        "a trailing slash");
  }

  @Test
  void aPathThatDoesNotFitTheTemplateNamesNoId() {
    assertEquals(
        Map.of(), AuditEntry.pathParameters("/accounts/{id}", List.of("accounts", "a", "b")));
    assertEquals(
        Map.of(),
        AuditEntry.pathParameters(
            "/accounts/{id}/subscriptions", List.of("accounts", "a", "invoices")));
    assertEquals(Map.of(), AuditEntry.pathParameters("/accounts/{id}", List.of()));
  }

  @Test
  void aReasonIsKeptWithoutControlCharactersAndCut() {
    assertEquals(
        "ticket INC-42: customer asked",
        AuditEntry.cleanReason("ticket INC-42: customer asked", 500));
    assertEquals("abc", AuditEntry.cleanReason("a\u0000b\u001bc\r\n", 500));
    assertEquals("evil txt", AuditEntry.cleanReason("evil \u202etxt\u2028", 500));
    assertEquals("Straße 12", AuditEntry.cleanReason("Straße 12", 500));
    assertEquals("abcde", AuditEntry.cleanReason("abcdefgh", 5));
    assertEquals("ab", AuditEntry.cleanReason("ab\uD83D\uDE00", 3), "no half emoji");
    assertEquals("ab\uD83D\uDE00", AuditEntry.cleanReason("ab\uD83D\uDE00", 4));
    assertNull(AuditEntry.cleanReason(" \t\u0007 ", 500));
    assertNull(AuditEntry.cleanReason(null, 500));
    assertEquals("x", AuditEntry.cleanReason("x\uD800", 500), "a lone surrogate is dropped");
  }

  @Test
  void longTextIsCutOutsideASurrogatePair() {
    assertEquals("abc", AuditEntry.cut("abc", 3));
    assertEquals("ab", AuditEntry.cut("abc", 2));
    assertEquals("a", AuditEntry.cut("a\uD83D\uDE00", 2));
    assertNull(AuditEntry.cut(null, 2));
  }

  @Test
  void onlyShortDistinctIdsAreIndexed() {
    AuditEntry entry =
        new AuditEntry(
            Instant.parse("2026-12-07T10:00:00Z"),
            UUID.randomUUID(),
            "jane",
            Set.of("finance"),
            "10.0.0.1",
            "POST",
            "/x",
            "/x/{a}/{b}/{c}",
            Map.of("a", "same", "b", "same", "c", "y".repeat(AuditEntry.MAX_INDEXED_ID_LENGTH + 1)),
            "req-1",
            200,
            null,
            null);
    assertEquals(Set.of("same"), entry.indexedIds());
  }
}
