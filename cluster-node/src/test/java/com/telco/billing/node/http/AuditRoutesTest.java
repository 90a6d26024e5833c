package com.telco.billing.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.telco.billing.core.paging.PageCursor;
import com.telco.billing.node.audit.AuditSettings;
import com.telco.billing.node.audit.AuditStore.Filter;
import com.telco.billing.node.audit.AuditStore.Position;
import com.telco.billing.protocol.RefusedException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The query of {@code GET /audit}: its parameters, its cursor, and a 400 naming each bad one. */
class AuditRoutesTest {
  private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
  private static final AuditSettings SETTINGS =
      new AuditSettings(
          Duration.ofDays(400),
          false,
          500,
          Duration.ofDays(1),
          Duration.ofDays(31),
          100,
          1000,
          5000);

  private static Map<String, String> parameters(String... pairs) {
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }

  private static AuditRoutes.Query query(String... pairs) {
    return AuditRoutes.query(parameters(pairs), NOW, SETTINGS);
  }

  private static void refused(String code, String field, Runnable call) {
    RefusedException refused = assertThrows(RefusedException.class, call::run);
    assertEquals(code, refused.refusal().wireCode());
    assertEquals(field, refused.refusal().field());
  }

  @Test
  void aFirstPageCoversTheLastDayByDefault() {
    AuditRoutes.Query query = query();
    assertEquals(NOW.minus(Duration.ofDays(1)), query.range().from());
    assertEquals(NOW, query.range().to());
    assertEquals(new Filter(null, null), query.filter());
    assertNull(query.after());
  }

  @Test
  void filtersAndRangeAreTaken() {
    AuditRoutes.Query query =
        query(
            "subject", "jane",
            "resource", "acc-1",
            "from", "2026-12-01T00:00:00Z",
            "to", "2026-12-02T00:00:00Z");
    assertEquals(new Filter("jane", "acc-1"), query.filter());
    assertEquals(Instant.parse("2026-12-01T00:00:00Z"), query.range().from());
    assertEquals(Instant.parse("2026-12-02T00:00:00Z"), query.range().to());
  }

  @Test
  void aCursorResumesItsQuery() {
    AuditRoutes.Query first =
        query("subject", "jane", "from", "2026-12-01T00:00:00Z", "to", "2026-12-02T00:00:00Z");
    Position next = new Position(Instant.parse("2026-12-01T05:00:00Z"), UUID.randomUUID());
    String cursor = PageCursor.encode("audit", first.cursorFields(next));

    AuditRoutes.Query resumed = query("cursor", cursor);
    assertEquals(first.range(), resumed.range());
    assertEquals(first.filter(), resumed.filter());
    assertEquals(next, resumed.after());

    assertEquals(resumed, query("cursor", cursor, "subject", "jane", "to", "2026-12-02T00:00:00Z"));

    Position hour = new Position(Instant.parse("2026-12-01T06:00:00Z"), null);
    assertEquals(
        hour, query("cursor", PageCursor.encode("audit", first.cursorFields(hour))).after());
  }

  @Test
  void aCursorForAnotherQueryOrEditedIsRefused() {
    AuditRoutes.Query first = query("subject", "jane");
    String cursor =
        PageCursor.encode(
            "audit", first.cursorFields(new Position(NOW.minusSeconds(60), UUID.randomUUID())));
    refused("invalid_cursor", "cursor", () -> query("cursor", cursor, "subject", "john"));
    refused("invalid_cursor", "cursor", () -> query("cursor", cursor, "resource", "acc-1"));
    refused(
        "invalid_cursor", "cursor", () -> query("cursor", cursor, "from", "2026-12-01T00:00:00Z"));
    refused("invalid_cursor", "cursor", () -> query("cursor", cursor.substring(1)));
    refused(
        "invalid_cursor",
        "cursor",
        () ->
            query(
                "cursor",
                PageCursor.encode(
                    "suspense", first.cursorFields(new Position(NOW.minusSeconds(60), null)))));
    // a position outside the range, or a range no query could ask for
    List<String> outside =
        first.cursorFields(new Position(NOW.plus(Duration.ofDays(2)), UUID.randomUUID()));
    refused("invalid_cursor", "cursor", () -> query("cursor", PageCursor.encode("audit", outside)));
    List<String> wide =
        List.of("2026-01-01T00:00:00Z", NOW.toString(), "", "", NOW.minusSeconds(1).toString(), "");
    refused("invalid_cursor", "cursor", () -> query("cursor", PageCursor.encode("audit", wide)));
    List<String> badId =
        List.of(
            first.range().from().toString(),
            NOW.toString(),
            "",
            "",
            NOW.minusSeconds(1).toString(),
            "not-a-uuid");
    refused("invalid_cursor", "cursor", () -> query("cursor", PageCursor.encode("audit", badId)));
  }

  @Test
  void badParametersNameTheirField() {
    refused("invalid_value", "subject", () -> query("subject", ""));
    refused("invalid_value", "subject", () -> query("subject", "a\u0000b"));
    refused("invalid_value", "resource", () -> query("resource", "x".repeat(257)));
    refused("invalid_instant", "from", () -> query("from", "yesterday"));
    refused("invalid_range", "to", () -> query("from", NOW.toString(), "to", NOW.toString()));
    refused(
        "out_of_range",
        "to",
        () -> query("from", "2026-10-01T00:00:00Z", "to", "2026-12-01T00:00:00Z"));
    refused("invalid_limit", "limit", () -> AuditRoutes.limit("ten", SETTINGS));
    refused("out_of_range", "limit", () -> AuditRoutes.limit("1001", SETTINGS));
    assertEquals(100, AuditRoutes.limit(null, SETTINGS));
    assertEquals(7, AuditRoutes.limit("7", SETTINGS));
  }

  @Test
  void unknownAndRepeatedParametersAreRefused() {
    refused(
        "unknown_parameter",
        null,
        () -> ListParameters.only(Map.of("subjekt", List.of("jane")), AuditRoutes.PARAMETERS));
    refused(
        "duplicate_parameter",
        "subject",
        () -> ListParameters.only(Map.of("subject", List.of("a", "b")), AuditRoutes.PARAMETERS));
  }
}
