package com.telco.billing.node.usage.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.telco.billing.core.money.Money;
import com.telco.billing.core.rating.RatedUsage;
import com.telco.billing.core.validation.FieldError;
import com.telco.billing.node.json.StrictJson;
import com.telco.billing.protocol.usage.UsageOutcome;
import com.telco.billing.protocol.usage.UsageResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Usage outcomes as clients get them from {@code POST /usage} and as the intake log's outcomes
 * column holds them: the fixtures under {@code golden/usage-outcome} were written by the flat
 * outcome record (status plus nullable fields) that the sealed variants replace. Each reads into
 * its variant and is written back byte for byte, so rows stored before still read and answer alike.
 */
class UsageOutcomeGoldenTest {

  private static String golden(String name) throws IOException {
    try (InputStream in =
        UsageOutcomeGoldenTest.class.getResourceAsStream("/golden/usage-outcome/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
  }

  @ParameterizedTest
  @CsvSource({
    "accepted.json, ACCEPTED",
    "accepted-late.json, ACCEPTED",
    "duplicate.json, DUPLICATE",
    "rejected.json, REJECTED",
    "rejected-without-field.json, REJECTED",
    "suspended.json, SUSPENDED"
  })
  void eachOutcomeReadsIntoItsVariantAndWritesBackAsStored(String file, UsageOutcome.Status status)
      throws Exception {
    String json = golden(file);
    UsageOutcome outcome = StrictJson.MAPPER.readValue(json, UsageOutcome.class);
    Class<?> variant =
        switch (status) {
          case ACCEPTED -> UsageOutcome.Accepted.class;
          case DUPLICATE -> UsageOutcome.Duplicate.class;
          case REJECTED -> UsageOutcome.Rejected.class;
          case SUSPENDED -> UsageOutcome.Suspended.class;
        };
    assertInstanceOf(variant, outcome);
    assertEquals(status, outcome.status());
    assertEquals(json, StrictJson.MAPPER.writeValueAsString(outcome));
  }

  @Test
  void theVariantsCarryTheirFields() throws Exception {
    var late =
        (UsageOutcome.Accepted)
            StrictJson.MAPPER.readValue(golden("accepted-late.json"), UsageOutcome.class);
    assertEquals("cdr-1", late.id());
    assertEquals("0.000000", late.amount().toPlainString());
    assertEquals("BHD", late.currency());
    assertEquals(true, late.late());
    var rejected =
        (UsageOutcome.Rejected)
            StrictJson.MAPPER.readValue(golden("rejected-without-field.json"), UsageOutcome.class);
    assertNull(rejected.id());
    assertNull(rejected.field());
    assertEquals("invalid_record", rejected.reason());
    var suspended =
        (UsageOutcome.Suspended)
            StrictJson.MAPPER.readValue(golden("suspended.json"), UsageOutcome.class);
    assertEquals(
        new FieldError(
            "unguided", "serviceId", "no subscription uses this service id at the usage time"),
        suspended.asFieldError());
  }

  @Test
  void theFactoriesWriteTheStoredForm() throws Exception {
    RatedUsage rated =
        new RatedUsage(
            "cdr-2",
            "msc-1",
            "sub-1",
            "MOBILE_S",
            "2026-01",
            "MOBILE_S_VOICE",
            "VOICE",
            "NATIONAL",
            "PEAK",
            Instant.parse("2026-12-03T10:00:00Z"),
            LocalDate.of(2026, 11, 28),
            120,
            60,
            60,
            Money.of("0.290000", "EUR"),
            false);
    assertEquals(golden("accepted.json"), write(UsageOutcome.accepted(rated)));
    assertEquals(golden("duplicate.json"), write(UsageOutcome.duplicate("r-2", "msc-1")));
    assertEquals(
        golden("rejected.json"),
        write(
            UsageOutcome.rejected(
                "r-3",
                "msc-1",
                new FieldError(
                    "too_old", "usageDate", "usageDate is older than the rating window"))));
    assertEquals(
        golden("rejected-without-field.json"),
        write(
            UsageOutcome.rejected(
                null,
                null,
                new FieldError("invalid_record", null, "a usage record must be a JSON object"))));
    assertEquals(
        golden("suspended.json"),
        write(
            UsageOutcome.suspended(
                "r-4",
                "msc-1",
                new FieldError(
                    "unguided",
                    "serviceId",
                    "no subscription uses this service id at the usage time"))));
  }

  @Test
  void aParkedBatchsStoredOutcomesReadBackWithTheirGaps() throws Exception {
    String json = golden("intake-outcomes-parked.json");
    List<UsageOutcome> outcomes = IntakeService.parse(json, IntakeService.OUTCOMES);
    assertEquals(5, outcomes.size());
    assertInstanceOf(UsageOutcome.Accepted.class, outcomes.get(0));
    assertNull(outcomes.get(1));
    assertInstanceOf(UsageOutcome.Duplicate.class, outcomes.get(2));
    assertInstanceOf(UsageOutcome.Rejected.class, outcomes.get(3));
    assertInstanceOf(UsageOutcome.Suspended.class, outcomes.get(4));
    assertEquals(json, IntakeService.outcomesJson(outcomes));
  }

  @Test
  void theUsageAnswerIsWrittenAsBefore() throws Exception {
    String json = golden("usage-response.json");
    UsageResponse read = StrictJson.MAPPER.readValue(json, UsageResponse.class);
    assertEquals(json, write(read));
    assertEquals(json, write(UsageResponse.of(read.records())));
  }

  @Test
  void anOutcomeWithoutAKnownStatusIsNotRead() {
    assertThrows(
        JsonMappingException.class,
        () ->
            StrictJson.MAPPER.readValue("{\"id\":\"x\",\"status\":\"RATED\"}", UsageOutcome.class));
    assertThrows(
        JsonMappingException.class,
        () -> StrictJson.MAPPER.readValue("{\"id\":\"x\"}", UsageOutcome.class));
  }

  private static String write(Object value) throws Exception {
    return StrictJson.MAPPER.writeValueAsString(value);
  }
}
