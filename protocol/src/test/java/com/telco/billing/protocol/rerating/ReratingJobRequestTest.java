package com.telco.billing.protocol.rerating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.telco.billing.core.validation.Validated;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReratingJobRequestTest {
  private static final String FROM = "2026-11-05T00:00:00Z";
  private static final String TO = "2026-12-05T00:00:00+01:00";

  private static List<String> codes(Validated<?> validated) {
    return validated.errors().stream().map(e -> e.code() + "@" + e.field()).toList();
  }

  @Test
  void accountsOrAnOfferingARangeAndAReason() {
    var byAccounts =
        new ReratingJobRequest(List.of("acc-1", "acc-2"), null, FROM, TO, " price list ")
            .validate()
            .value();
    assertEquals(List.of("acc-1", "acc-2"), byAccounts.accounts());
    assertNull(byAccounts.offeringId());
    assertEquals(Instant.parse("2026-12-04T23:00:00Z"), byAccounts.to());
    assertEquals("price list", byAccounts.reason());
    var byOffering =
        new ReratingJobRequest(null, "MOBILE_S", FROM, TO, "price list").validate().value();
    assertNull(byOffering.accounts());
    assertEquals("MOBILE_S", byOffering.offeringId());
    assertEquals(
        "acc-1,acc-2||2026-11-05T00:00:00Z|2026-12-04T23:00:00Z|price list",
        byAccounts.fingerprint());
  }

  @Test
  void everyProblemIsReportedAtItsField() {
    assertEquals(
        List.of("required@accounts"),
        codes(new ReratingJobRequest(null, null, FROM, TO, "r").validate()));
    assertEquals(
        List.of("required@accounts"),
        codes(new ReratingJobRequest(List.of("a"), "MOBILE_S", FROM, TO, "r").validate()));
    assertEquals(
        List.of("invalid_value@accounts"),
        codes(new ReratingJobRequest(List.of(), null, FROM, TO, "r").validate()));
    List<String> many = new ArrayList<>();
    for (int i = 0; i <= ReratingJobRequest.MAX_ACCOUNTS; i++) {
      many.add("acc-" + i);
    }
    assertEquals(
        List.of("invalid_value@accounts"),
        codes(new ReratingJobRequest(many, null, FROM, TO, "r").validate()));
    assertEquals(
        List.of("invalid_format@accounts[1]", "invalid_value@accounts[2]", "required@accounts[3]"),
        codes(
            new ReratingJobRequest(
                    java.util.Arrays.asList("a", "b c", "a", null), null, FROM, TO, "r")
                .validate()));
    assertEquals(
        List.of("invalid_format@offeringId"),
        codes(new ReratingJobRequest(null, "no such/offer", FROM, TO, "r").validate()));
    assertEquals(
        List.of("invalid_instant@from", "required@to", "required@reason"),
        codes(new ReratingJobRequest(List.of("a"), null, "yesterday", null, " ").validate()));
    assertEquals(
        List.of("invalid_instant@from"),
        codes(
            new ReratingJobRequest(List.of("a"), null, "1999-01-01T00:00:00Z", TO, "r")
                .validate()));
    assertEquals(
        List.of("invalid_range@to"),
        codes(new ReratingJobRequest(List.of("a"), null, FROM, FROM, "r").validate()));
    assertEquals(
        List.of("too_long@reason"),
        codes(new ReratingJobRequest(List.of("a"), null, FROM, TO, "x".repeat(201)).validate()));
  }
}
