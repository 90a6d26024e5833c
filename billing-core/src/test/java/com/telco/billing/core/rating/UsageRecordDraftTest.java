package com.telco.billing.core.rating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.subscription.ServiceId;
import com.telco.billing.core.subscription.ServiceIdType;
import com.telco.billing.core.validation.Validated;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Validation of raw usage records: every problem, with its code and field. */
class UsageRecordDraftTest {

  private static final Instant NOW = Instant.parse("2026-03-15T12:00:00Z");

  private static UsageRecordDraft draft(String usageDate, String quantity, String unit) {
    return new UsageRecordDraft(
        "rec-1",
        "MSC-1",
        null,
        "+49 151 0000 0001",
        "VOICE",
        usageDate,
        quantity,
        unit,
        Map.of("zone", "NATIONAL"),
        null);
  }

  @Test
  void aValidRecordIsNormalised() {
    UsageRecord record = draft("2026-03-15T10:00:00+01:00", "61", " s ").validate(NOW).value();

    assertEquals("rec-1", record.id());
    assertEquals("MSC-1", record.source());
    assertEquals(new ServiceId(ServiceIdType.MSISDN, "+4915100000001"), record.serviceId());
    assertEquals(Instant.parse("2026-03-15T09:00:00Z"), record.usageDate());
    assertEquals(UsageUnit.SECOND, record.unit());
    assertEquals(0, new BigDecimal("61").compareTo(record.quantity()));
    assertEquals("NATIONAL", record.zone());
    assertEquals(null, record.subscriptionId());
  }

  @ParameterizedTest(name = "{0} {1} -> {2} base units, ceil {3}")
  @CsvSource({
    "61,     s,       61,         61",
    "61,     sec,     61,         61",
    "2,      min,     120,        120",
    "1.5,    min,     90.0,       90",
    "61500,  ms,      61.500,     62",
    "60.001, s,       60.001,     61",
    "3,      event,   3,          3",
    "1500,   B,       1500,       1500",
    "1.5,    kB,      1500.0,     1500",
    "1.5,    KB,      1500.0,     1500",
    "2,      MB,      2000000,    2000000",
    "1,      GB,      1000000000, 1000000000",
    "1,      KiB,     1024,       1024",
    "1,      MiB,     1048576,    1048576",
    "1,      GiB,     1073741824, 1073741824",
    "0.5,    B,       0.5,        1",
    "1E+3,   B,       1E+3,       1000",
  })
  void convertsUnitsExactly(String quantity, String unit, String base, long ceil) {
    UsageRecord record = draft("2026-03-15T10:00:00Z", quantity, unit).validate(NOW).value();
    assertEquals(0, new BigDecimal(base).compareTo(record.baseQuantity()), record::toString);
    assertEquals(ceil, record.ceilBaseQuantity());
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {3} on {4}")
  @CsvSource({
    "2026-03-15T10:00:00Z,   abc,   s,     invalid_quantity,   quantity",
    "2026-03-15T10:00:00Z,   1.2.3, s,     invalid_quantity,   quantity",
    "2026-03-15T10:00:00Z,   NaN,   s,     invalid_quantity,   quantity",
    "2026-03-15T10:00:00Z,   0.0000000000000000001, s, invalid_quantity, quantity",
    "2026-03-15T10:00:00Z,   -1,    s,     negative_quantity,  quantity",
    "2026-03-15T10:00:00Z,   1E+16, s,     quantity_too_large, quantity",
    "2026-03-15T10:00:00Z,   1000001, GB,  quantity_too_large, quantity",
    "2026-03-15T10:00:00Z,   1,     parsec, unknown_unit,      unit",
    "2026-03-15T10:00:00Z,   1,     S,     unknown_unit,       unit",
    "15.03.2026,             1,     s,     invalid_instant,    usageDate",
    "2026-03-15T10:00:00,    1,     s,     invalid_instant,    usageDate",
    "2026-01-29T11:59:59Z,   1,     s,     too_old,            usageDate",
    "2026-03-16T12:00:01Z,   1,     s,     future,             usageDate",
  })
  void refusesOneField(String usageDate, String quantity, String unit, String code, String field) {
    Validated<UsageRecord> result = draft(usageDate, quantity, unit).validate(NOW);
    assertEquals(List.of(code + " " + field), codes(result), () -> result.errors().toString());
  }

  @Test
  void theAgeLimitsAreInclusive() {
    assertTrue(draft("2026-01-29T12:00:00Z", "1", "s").validate(NOW).isValid(), "exactly 45 days");
    assertTrue(draft("2026-03-16T12:00:00Z", "1", "s").validate(NOW).isValid(), "exactly 24 h");
    assertEquals(
        List.of("too_old usageDate"),
        codes(draft("2026-03-14T11:59:59Z", "1", "s").validate(NOW, Duration.ofDays(1))));
  }

  @Test
  void reportsEveryMissingFieldAtOnce() {
    Validated<UsageRecord> result =
        new UsageRecordDraft(null, " ", null, null, null, null, null, null, null, null)
            .validate(NOW);
    assertEquals(
        List.of(
            "required id",
            "required source",
            "required usageType",
            "required serviceId",
            "required usageDate",
            "required unit",
            "required quantity"),
        codes(result));
  }

  @Test
  void namesTheServiceIdentifierFields() {
    UsageRecordDraft badType =
        new UsageRecordDraft(
            "r", "s", "ICCID", "123", "VOICE", "2026-03-15T10:00:00Z", "1", "s", null, null);
    assertEquals(List.of("unknown_service_type serviceIdType"), codes(badType.validate(NOW)));
    UsageRecordDraft badNumber =
        new UsageRecordDraft(
            "r", "s", "MSISDN", "0151 123", "VOICE", "2026-03-15T10:00:00Z", "1", "s", null, null);
    Validated<UsageRecord> result = badNumber.validate(NOW);
    assertEquals(List.of("invalid_msisdn serviceId"), codes(result));
    assertTrue(result.errors().get(0).message().startsWith("serviceId "));
    UsageRecordDraft imsi =
        new UsageRecordDraft(
            "r",
            "s",
            "imsi",
            "262011234567890",
            "DATA",
            "2026-03-15T10:00:00Z",
            "1",
            "B",
            null,
            "SUB-1");
    UsageRecord record = imsi.validate(NOW).value();
    assertEquals(ServiceIdType.IMSI, record.serviceId().type());
    assertEquals("SUB-1", record.subscriptionId());
  }

  @Test
  void refusesTooLongTextAndBrokenAttributes() {
    Map<String, String> attributes = new HashMap<>();
    attributes.put("zone", null);
    UsageRecordDraft draft =
        new UsageRecordDraft(
            "x".repeat(129),
            "MSC-1",
            null,
            "+4915100000001",
            "VOICE",
            "2026-03-15T10:00:00Z",
            "1",
            "s",
            attributes,
            null);
    assertEquals(
        List.of("too_long id", "invalid_attribute attributes.zone"), codes(draft.validate(NOW)));
  }

  private static List<String> codes(Validated<UsageRecord> result) {
    return result.errors().stream().map(e -> e.code() + " " + e.field()).toList();
  }
}
