package com.telco.billing.core.rerating;

import static com.telco.billing.core.rating.RatingFixtures.catalog;
import static com.telco.billing.core.rating.RatingFixtures.offering;
import static com.telco.billing.core.rating.RatingFixtures.simpleCharge;
import static com.telco.billing.core.rating.RatingFixtures.tier;
import static com.telco.billing.core.rating.RatingFixtures.version;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.catalog.Catalog;
import com.telco.billing.core.catalog.UsageCharge;
import com.telco.billing.core.money.Money;
import com.telco.billing.core.rating.RatedUsage;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The adjustment lines of invoiced periods (docs/rerating.md, "Invoiced periods"). */
class RerateAdjustmentsTest {
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final LocalDate JANUARY = LocalDate.parse("2026-01-01");

  private static UsageCharge charge(String id, String taxCategory) {
    UsageCharge c = simpleCharge(id, "SMS", 1, 1, 1, 0, List.of(tier(0, null, "0.10")));
    return new UsageCharge(
        c.id(),
        c.name(),
        c.usageType(),
        c.increment(),
        c.minimum(),
        c.unitSize(),
        c.zones(),
        c.bandSchedule(),
        c.allowance(),
        c.rates(),
        taxCategory,
        "4100-" + id);
  }

  private static final Catalog CATALOG =
      catalog(
          version(
              "v1", "2025-01-01T00:00:00Z", offering("MOBILE", charge("SMS_CHARGE", "STANDARD"))),
          version(
              "v2",
              "2025-06-01T00:00:00Z",
              offering("MOBILE", charge("SMS_CHARGE", "STANDARD")),
              offering("YOUTH", charge("SMS_YOUTH", "REDUCED"))));

  private static RatedUsage usage(
      String id, String version, String offering, String charge, String amount) {
    return new RatedUsage(
        id,
        "SMSC",
        "SUB-1",
        offering,
        version,
        charge,
        "SMS",
        null,
        null,
        Instant.parse("2026-01-05T10:00:00Z"),
        JANUARY,
        1,
        0,
        1,
        new Money(new BigDecimal(amount), EUR),
        false);
  }

  private static ReratedRecord change(String id, String before, String after) {
    return new ReratedRecord(
        usage(id, "v1", "MOBILE", "SMS_CHARGE", before),
        usage(id, "v2", "MOBILE", "SMS_CHARGE", after));
  }

  @Test
  void theRecordsOfAGroupMakeOneLineRoundedOnce() {
    List<RerateAdjustment> lines =
        RerateAdjustments.of(
            "RR-J-7",
            "J",
            List.of(
                change("r1", "0.100000", "0.083333"),
                change("r2", "0.100000", "0.083333"),
                change("r3", "0.100000", "0.083333")),
            CATALOG,
            2);
    assertEquals(1, lines.size());
    RerateAdjustment line = lines.get(0);
    // 3 * (0.083333 - 0.1) = -0.049999 -> -0.05
    assertEquals(0, new BigDecimal("-0.05").compareTo(line.amount()));
    assertEquals("RR-J-7-1", line.adjustmentId());
    assertEquals(List.of("r1", "r2", "r3"), line.recordIds());
    assertEquals("STANDARD", line.taxCategory());
    assertEquals("4100-SMS_CHARGE", line.glCode());
    assertEquals(
        "Re-rating of [2026-01-01, 2026-02-01): SMS of subscription SUB-1, catalog v1 -> v2"
            + " (job J; 3 records: r1, r2, r3)",
        line.description());
  }

  @Test
  void aDifferenceThatRoundsToZeroGivesNoLine() {
    assertTrue(
        RerateAdjustments.of("RR", "J", List.of(change("r1", "0.100000", "0.096")), CATALOG, 2)
            .isEmpty());
  }

  @Test
  void chargesTaxedDifferentlyCreditTheOldAndChargeTheNew() {
    ReratedRecord moved =
        new ReratedRecord(
            usage("r1", "v1", "MOBILE", "SMS_CHARGE", "0.10"),
            usage("r1", "v2", "YOUTH", "SMS_YOUTH", "0.04"));
    List<RerateAdjustment> lines = RerateAdjustments.of("RR", "J", List.of(moved), CATALOG, 2);
    assertEquals(2, lines.size());
    assertEquals(0, new BigDecimal("-0.10").compareTo(lines.get(0).amount()));
    assertEquals("STANDARD", lines.get(0).taxCategory());
    assertTrue(lines.get(0).description().startsWith("Credit: Re-rating of"));
    assertEquals(0, new BigDecimal("0.04").compareTo(lines.get(1).amount()));
    assertEquals("REDUCED", lines.get(1).taxCategory());
    assertEquals("4100-SMS_YOUTH", lines.get(1).glCode());
  }

  @Test
  void aLineNamesTenRecordsAndCountsTheRest() {
    List<ReratedRecord> many =
        java.util.stream.IntStream.rangeClosed(1, 12)
            .mapToObj(i -> change("r" + i, "0.10", "0.20"))
            .toList();
    RerateAdjustment line = RerateAdjustments.of("RR", "J", many, CATALOG, 2).get(0);
    assertEquals(0, new BigDecimal("1.20").compareTo(line.amount()));
    assertTrue(
        line.description()
            .endsWith("12 records: r1, r2, r3, r4, r5, r6, r7, r8, r9, r10 and 2 more)"));
    assertEquals(12, line.recordIds().size());
  }
}
