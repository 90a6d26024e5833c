package com.telco.billing.protocol.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.rating.UsagePlausibility;
import com.telco.billing.core.rating.UsageRecord;
import com.telco.billing.core.rating.UsageUnit;
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

  private static UsageRecordDraft withText(String id, String source, Map<String, String> attrs) {
    return new UsageRecordDraft(
        id,
        source,
        null,
        "+4915100000001",
        "SMS",
        "2026-03-15T10:00:00Z",
        "1",
        "event",
        attrs,
        null);
  }

  @ParameterizedTest(name = "id {0} -> {1}")
  @CsvSource({
    "'x\ud800',                malformed_text",
    "'cdr\u0000',              control_character",
    "'cdr\u202e1',             control_character",
    "'cdr-4111111111111111',    card_number_not_allowed",
    "'cdr 1',                   invalid_format",
    "'cdr\u00e91',             invalid_format"
  })
  void idsAreWellFormedPlainAndCardFree(String id, String code) {
    assertEquals(List.of(code + " id"), codes(withText(id, "MSC-1", null).validate(NOW)));
    assertEquals(List.of(code + " source"), codes(withText("r1", id, null).validate(NOW)));
  }

  @Test
  void attributesAreFewShortAndPlain() {
    Map<String, String> many = new HashMap<>();
    for (int i = 0; i < 17; i++) {
      many.put("k" + i, "v");
    }
    assertEquals(
        List.of("invalid_attribute attributes"), codes(withText("r1", "s", many).validate(NOW)));
    assertEquals(
        List.of("too_long attributes.zone"),
        codes(withText("r1", "s", Map.of("zone", "x".repeat(65))).validate(NOW)));
    assertEquals(
        List.of("control_character attributes.zone"),
        codes(withText("r1", "s", Map.of("zone", "a\nb")).validate(NOW)));
    assertEquals(
        List.of("invalid_attribute attributes"),
        codes(withText("r1", "s", Map.of("zo ne", "x")).validate(NOW)));
    assertEquals(
        List.of("card_number_not_allowed attributes.note"),
        codes(withText("r1", "s", Map.of("note", "4111 1111 1111 1111")).validate(NOW)));
    assertEquals(
        List.of("card_number_not_allowed attributes"),
        codes(withText("r1", "s", Map.of("pan4111111111111111", "x")).validate(NOW)));
    // a telephone number in E.164 form is not a card number, even when it passes the Luhn check
    assertEquals(
        List.of(),
        codes(withText("r1", "s", Map.of("callingNumber", "+4915112345678")).validate(NOW)));
  }

  @Test
  void serviceNumbersThatPassTheLuhnCheckAreServiceNumbers() {
    // 15 digits that pass the Luhn check, as an Amex number would: a service identifier all the
    // same, in the fields that hold service identifiers
    UsageRecordDraft msisdn =
        new UsageRecordDraft(
            "r1",
            "MSC-1",
            "MSISDN",
            "378282246310005",
            "SMS",
            "2026-03-15T10:00:00Z",
            "1",
            "event",
            null,
            null);
    assertEquals(List.of(), codes(msisdn.validate(NOW)));
    UsageRecordDraft imsi =
        new UsageRecordDraft(
            "r1",
            "MSC-1",
            "IMSI",
            "378282246310005",
            "SMS",
            "2026-03-15T10:00:00Z",
            "1",
            "event",
            null,
            null);
    assertEquals(List.of(), codes(imsi.validate(NOW)));
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
    "2147483648, event, implausible_quantity",
    "1001,       event, implausible_quantity",
    "1000,       event, ok",
    "86401,      s,     implausible_quantity",
    "1440,       min,   ok",
    "1441,       min,   implausible_quantity",
    "100,        GB,    ok",
    "101,        GB,    implausible_quantity",
    "'\u0661\u0662', event, invalid_quantity",
    "'1\u00a0000', event, invalid_quantity"
  })
  void quantitiesArePlausibleAsciiNumbers(String quantity, String unit, String expected) {
    String type = unit.equals("event") ? "SMS" : unit.endsWith("B") ? "DATA" : "VOICE";
    UsageRecordDraft draft =
        new UsageRecordDraft(
            "r1",
            "s",
            null,
            "+4915100000001",
            type,
            "2026-03-15T10:00:00Z",
            quantity,
            unit,
            null,
            null);
    List<String> codes = codes(draft.validate(NOW));
    assertEquals(expected.equals("ok") ? List.of() : List.of(expected + " quantity"), codes);
  }

  @Test
  void aUsageTypeMayHaveItsOwnCap() {
    UsagePlausibility caps =
        new UsagePlausibility(
            UsagePlausibility.DEFAULT.perUnit(), Map.of("VOICE", new BigDecimal("14400")));
    UsageRecordDraft fiveHours = draft("2026-03-15T10:00:00Z", "300", "min");
    assertEquals(
        List.of("implausible_quantity quantity"),
        codes(fiveHours.validate(NOW, Duration.ofDays(45), caps)));
    assertTrue(fiveHours.validate(NOW).isValid());
  }

  private static List<String> codes(Validated<UsageRecord> result) {
    return result.errors().stream().map(e -> e.code() + " " + e.field()).toList();
  }
}
