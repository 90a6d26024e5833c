package com.telco.billing.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.telco.billing.core.paging.PageCursor;
import com.telco.billing.node.dunning.worklist.WorkListPage;
import com.telco.billing.node.json.StrictJson;
import com.telco.billing.protocol.RefusedException;
import com.telco.billing.protocol.http.CollectionsExport;
import com.telco.billing.protocol.http.DunningWorkList;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The queries of the work list and the collections export, and their bodies. */
class DunningWorkRoutesTest {
  private static final OpenApiSchemas SCHEMAS = new OpenApiSchemas(OpenApiSchemas.document());
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

  private static String code(Runnable query) {
    RefusedException refused = assertThrows(RefusedException.class, query::run);
    return refused.refusal().wireCode() + " " + refused.refusal().field();
  }

  @Test
  void aFirstPageQuery() {
    var query =
        DunningWorkRoutes.listQuery(Map.of("step", "second reminder", "minDaysPastDue", "10"));
    assertEquals("second reminder", query.filter().step());
    assertEquals(10, query.filter().minDaysPastDue());
    assertNull(query.after());
    assertNull(DunningWorkRoutes.listQuery(Map.of()).filter().step());
  }

  @Test
  void invalidQueriesNameTheirField() {
    assertEquals(
        "invalid_value step", code(() -> DunningWorkRoutes.listQuery(Map.of("step", "a;b"))));
    assertEquals(
        "invalid_value minDaysPastDue",
        code(() -> DunningWorkRoutes.listQuery(Map.of("minDaysPastDue", "-1"))));
    assertEquals(
        "invalid_value minDaysPastDue",
        code(() -> DunningWorkRoutes.listQuery(Map.of("minDaysPastDue", "99999"))));
    assertEquals(
        "invalid_cursor cursor",
        code(() -> DunningWorkRoutes.listQuery(Map.of("cursor", "garbage"))));
  }

  @Test
  void aCursorResumesItsQueryOnly() {
    String cursor = PageCursor.encode("dunning-accounts", List.of("reminder", "3", "5", "acc-9"));
    var resumed = DunningWorkRoutes.listQuery(Map.of("cursor", cursor));
    assertEquals(new WorkListPage.Position(5, "acc-9"), resumed.after());
    assertEquals("reminder", resumed.filter().step());
    assertEquals(3, resumed.filter().minDaysPastDue());
    assertEquals(
        "invalid_cursor cursor",
        code(() -> DunningWorkRoutes.listQuery(Map.of("cursor", cursor, "step", "other"))));
    String forged = PageCursor.encode("dunning-accounts", List.of("", "", "x", "acc-9"));
    assertEquals(
        "invalid_cursor cursor", code(() -> DunningWorkRoutes.listQuery(Map.of("cursor", forged))));
  }

  @Test
  void exportRanges() {
    var defaults = DunningWorkRoutes.exportRange(Map.of(), TODAY, 366);
    assertEquals(TODAY, defaults.to());
    assertEquals(TODAY.minusDays(29), defaults.from());
    assertEquals(
        "invalid_value from",
        code(() -> DunningWorkRoutes.exportRange(Map.of("from", "2026-13-01"), TODAY, 366)));
    assertEquals(
        "invalid_value to",
        code(
            () ->
                DunningWorkRoutes.exportRange(
                    Map.of("from", "2026-12-02", "to", "2026-12-01"), TODAY, 366)));
    assertEquals(
        "invalid_value to",
        code(
            () ->
                DunningWorkRoutes.exportRange(
                    Map.of("from", "2025-01-01", "to", "2026-12-01"), TODAY, 366)));
  }

  private static JsonNode written(Object body) {
    return OpenApiSchemas.MAPPER.valueToTree(StrictJson.MAPPER.valueToTree(body));
  }

  @Test
  void bodiesFitTheirSchemasAndTheCsvQuotesWhatItMust() {
    var entry =
        new DunningWorkList.Entry(
            "acc-42",
            1,
            LocalDate.parse("2026-12-04"),
            "second reminder",
            1,
            LocalDate.parse("2026-12-11"),
            12L,
            10L,
            LocalDate.parse("2026-12-01"),
            new BigDecimal("59.98"),
            "EUR",
            false,
            null,
            null);
    var started =
        new DunningWorkList.Entry(
            "acc-43",
            2,
            LocalDate.parse("2026-12-04"),
            null,
            null,
            null,
            null,
            null,
            null,
            new BigDecimal("10.00"),
            null,
            true,
            LocalDate.parse("2026-12-20"),
            null);
    assertEquals(
        List.of(),
        SCHEMAS.problemsAgainst(
            "DunningWorkList", written(DunningWorkList.of(List.of(entry, started), "c"))));
    var export =
        CollectionsExport.of(
            LocalDate.parse("2026-12-01"),
            LocalDate.parse("2026-12-31"),
            List.of(
                new CollectionsExport.Entry(
                    "acc-42", LocalDate.parse("2026-12-11"), 1, new BigDecimal("59.98"), "EUR"),
                new CollectionsExport.Entry(
                    "acc,\"7\"", LocalDate.parse("2026-12-12"), 2, new BigDecimal("1E+1"), null)));
    assertEquals(List.of(), SCHEMAS.problemsAgainst("CollectionsExport", written(export)));
    assertEquals(
        "account_id,handed_on,episode,overdue,currency\r\n"
            + "acc-42,2026-12-11,1,59.98,EUR\r\n"
            + "\"acc,\"\"7\"\"\",2026-12-12,2,10,\r\n",
        new String(DunningWorkRoutes.csv(export), StandardCharsets.UTF_8));
  }
}
