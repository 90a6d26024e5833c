package com.telco.billing.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.telco.billing.core.invoice.InvoiceLine;
import com.telco.billing.core.invoice.LineType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The module as Pekko's serializers get it: registered after the jsr310 module (as {@code
 * serialization.conf} appends it to Pekko's list), so its date reader is the one used.
 */
class BillingJacksonModuleTest {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .addModule(new BillingJacksonModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  private record Dated(LocalDate date, List<LocalDate> more) {}

  @Test
  void datesAreReadByTheModulesReaderAfterJsr310() throws Exception {
    var context =
        ((DefaultDeserializationContext) MAPPER.getDeserializationContext())
            .createInstance(MAPPER.getDeserializationConfig(), null, null);
    assertInstanceOf(
        IsoDateDeserializer.class,
        context.findRootValueDeserializer(MAPPER.constructType(LocalDate.class)));

    var dated = new Dated(LocalDate.of(2024, 2, 29), List.of(LocalDate.of(1999, 12, 31)));
    String json = MAPPER.writeValueAsString(dated);
    assertEquals("{\"date\":\"2024-02-29\",\"more\":[\"1999-12-31\"]}", json);
    assertEquals(dated, MAPPER.readValue(json, Dated.class));
  }

  @Test
  void datesOtherThanPlainIsoAreLeftToJsr310() throws Exception {
    // forms jsr310 accepts: an array, a date-time string, null
    assertEquals(
        LocalDate.of(2026, 12, 5), MAPPER.readValue("{\"date\":[2026,12,5]}", Dated.class).date());
    assertEquals(
        LocalDate.of(2026, 12, 5),
        MAPPER.readValue("{\"date\":\"2026-12-05T00:00:00\"}", Dated.class).date());
    assertNull(MAPPER.readValue("{\"date\":null}", Dated.class).date());
    // and the ones it refuses are still refused
    for (String bad : List.of("2026-02-30", "2026-13-01", "2026-1-05", "20x6-12-05", "")) {
      String json = "{\"date\":\"" + bad + "\"}";
      if (bad.isEmpty()) {
        assertNull(MAPPER.readValue(json, Dated.class).date(), "jsr310 reads \"\" as null");
      } else {
        assertThrows(JsonMappingException.class, () -> MAPPER.readValue(json, Dated.class), bad);
      }
    }
  }

  @Test
  void parseReadsExactlyTheIsoForm() {
    assertEquals(LocalDate.of(2026, 1, 31), IsoDateDeserializer.parse("2026-01-31"));
    assertEquals(LocalDate.of(2028, 2, 29), IsoDateDeserializer.parse("2028-02-29"));
    assertEquals(LocalDate.of(1, 1, 1), IsoDateDeserializer.parse("0001-01-01"));
    assertNull(IsoDateDeserializer.parse("2027-02-29"));
    assertNull(IsoDateDeserializer.parse("2026-00-10"));
    assertNull(IsoDateDeserializer.parse("2026-01-32"));
    assertNull(IsoDateDeserializer.parse("2026/01/31"));
    assertNull(IsoDateDeserializer.parse("2026-01-3a"));
    assertNull(IsoDateDeserializer.parse("+2026-01-31"));
    assertNull(IsoDateDeserializer.parse("2026-01-31 "));
  }

  @Test
  void invoiceLinesLeaveOutEmptyFieldsAndReadBackTheSame() throws Exception {
    var recurring =
        new InvoiceLine(
            LineType.RECURRING,
            "Mobile S monthly fee",
            "sub-1",
            "MOBILE_S",
            "MOBILE_S_MONTHLY",
            "2026-01",
            LocalDate.of(2026, 12, 5),
            LocalDate.of(2027, 1, 5),
            BigDecimal.ONE,
            "month",
            new BigDecimal("9.99"),
            new BigDecimal("9.99"),
            "STANDARD",
            "4000-SUBSCRIPTIONS",
            null,
            null,
            null,
            null,
            null,
            false);
    JsonNode tree = MAPPER.readTree(MAPPER.writeValueAsString(recurring));
    for (String empty : List.of("usageType", "zone", "band", "records", "originalPeriodStart")) {
      assertFalse(tree.has(empty), empty + " in " + tree);
    }
    assertTrue(tree.has("credit"), "a boolean is always written");
    assertEquals(15, tree.size(), tree.toString());
    assertEquals(
        recurring, MAPPER.readValue(MAPPER.writeValueAsString(recurring), InvoiceLine.class));
  }
}
