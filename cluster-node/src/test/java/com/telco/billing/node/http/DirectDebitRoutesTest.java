package com.telco.billing.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.telco.billing.core.paging.PageCursor;
import com.telco.billing.node.json.StrictJson;
import com.telco.billing.protocol.RefusedException;
import com.telco.billing.protocol.http.DirectDebitFileList;
import com.telco.billing.protocol.http.DirectDebitReturnsResponse;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The list query of {@code GET /direct-debits} and the bodies as the OpenAPI document has them. */
class DirectDebitRoutesTest {
  private static final OpenApiSchemas SCHEMAS = new OpenApiSchemas(OpenApiSchemas.document());

  private static String code(Map<String, String> parameters) {
    RefusedException refused =
        assertThrows(RefusedException.class, () -> DirectDebitRoutes.query(parameters));
    return refused.refusal().wireCode() + " " + refused.refusal().field();
  }

  @Test
  void aFirstPageQuery() {
    var query =
        DirectDebitRoutes.query(
            Map.of("legalEntity", "TELCO_DE", "from", "2026-12-01", "to", "2026-12-31"));
    assertEquals("TELCO_DE", query.legalEntity());
    assertEquals(LocalDate.parse("2026-12-01"), query.from());
    assertNull(query.after());
    var all = DirectDebitRoutes.query(Map.of());
    assertNull(all.legalEntity());
    assertEquals(LocalDate.parse("2000-01-01"), all.from());
  }

  @Test
  void invalidQueriesNameTheirField() {
    assertEquals("invalid_value from", code(Map.of("from", "yesterday")));
    assertEquals("out_of_range to", code(Map.of("from", "2026-12-02", "to", "2026-12-01")));
    assertEquals("invalid_format legalEntity", code(Map.of("legalEntity", "telco de")));
    assertEquals("invalid_cursor cursor", code(Map.of("cursor", "garbage")));
  }

  @Test
  void aCursorResumesItsQueryOnly() {
    String cursor =
        PageCursor.encode(
            "direct-debits",
            List.of("", "2026-12-01", "2026-12-31", "TELCO_DE", "2026-12-10", "2"));
    var resumed = DirectDebitRoutes.query(Map.of("cursor", cursor));
    assertEquals("TELCO_DE", resumed.after().legalEntity());
    assertEquals(2, resumed.after().sequence());
    assertEquals(LocalDate.parse("2026-12-31"), resumed.to());
    assertEquals("invalid_cursor cursor", code(Map.of("cursor", cursor, "from", "2026-11-01")));
    String outside =
        PageCursor.encode(
            "direct-debits",
            List.of("", "2026-12-01", "2026-12-31", "TELCO_DE", "2027-01-10", "2"));
    assertEquals("invalid_cursor cursor", code(Map.of("cursor", outside)));
  }

  private static JsonNode written(Object body) {
    return OpenApiSchemas.MAPPER.valueToTree(StrictJson.MAPPER.valueToTree(body));
  }

  @Test
  void bodiesFitTheirSchemas() {
    var file =
        new DirectDebitFileList.File(
            "DD-TELCO_DE-20261210-1",
            "TELCO_DE",
            LocalDate.parse("2026-12-10"),
            1,
            2,
            new BigDecimal("59.98"),
            "EUR",
            Instant.parse("2026-12-09T05:00:00Z"),
            "complete");
    var building =
        new DirectDebitFileList.File(
            "DD-TELCO_DE-20261210-2",
            "TELCO_DE",
            LocalDate.parse("2026-12-10"),
            2,
            1,
            null,
            null,
            Instant.parse("2026-12-09T05:00:00Z"),
            "building");
    assertEquals(
        List.of(),
        SCHEMAS.problemsAgainst(
            "DirectDebitFilePage", written(DirectDebitFileList.of(List.of(file, building), "c"))));
    assertEquals(
        List.of(),
        SCHEMAS.problemsAgainst(
            "DirectDebitReturnsResponse",
            written(
                DirectDebitReturnsResponse.of(
                    "DD-TELCO_DE-20261210-1",
                    List.of(
                        new DirectDebitReturnsResponse.Item(
                            "E2E-1",
                            "AC04",
                            "reversed",
                            Instant.parse("2026-12-14T09:30:00Z")))))));
  }
}
