package com.telco.billing.core.rating;

import static com.telco.billing.core.rating.RatingFixtures.BERLIN;
import static com.telco.billing.core.rating.RatingFixtures.MSISDN;
import static com.telco.billing.core.rating.RatingFixtures.OTHER_MSISDN;
import static com.telco.billing.core.rating.RatingFixtures.USD;
import static com.telco.billing.core.rating.RatingFixtures.account;
import static com.telco.billing.core.rating.RatingFixtures.context;
import static com.telco.billing.core.rating.RatingFixtures.raterWith;
import static com.telco.billing.core.rating.RatingFixtures.record;
import static com.telco.billing.core.rating.RatingFixtures.simpleCharge;
import static com.telco.billing.core.rating.RatingFixtures.subscription;
import static com.telco.billing.core.rating.RatingFixtures.tier;
import static com.telco.billing.core.rating.RatingFixtures.voice;
import static com.telco.billing.core.rating.RatingFixtures.zonedVoice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.catalog.Catalog;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every way a valid record can be refused or held by the rater, with its reason and field. */
class RaterReasonsTest {

  private static final String FEB = "2026-02-10T10:00:00Z";
  private static final Rater RATER =
      raterWith(
          zonedVoice(0), simpleCharge("SMS_C", "SMS", 1, 0, 1, 0, List.of(tier(0, null, "0.10"))));

  @Test
  void noCatalogVersionBeforeTheFirstOne() {
    assertUnratable(
        RatingReasons.NO_CATALOG_VERSION,
        "usageDate",
        RATER.rate(
            k -> null,
            record("r", "SMS", "2024-12-31T23:59:59Z", "1", UsageUnit.EVENT),
            context()));
    assertUnratable(
        RatingReasons.NO_CATALOG_VERSION,
        "usageDate",
        Rater.of(Catalog.EMPTY)
            .rate(k -> null, record("r", "SMS", FEB, "1", UsageUnit.EVENT), context()));
  }

  @Test
  void unknownUsageTypeIsRejected() {
    RatingOutcome outcome =
        RATER.rate(k -> null, record("r", "MMS", FEB, "1", UsageUnit.EVENT), context());
    RatingOutcome.Rejected rejected = assertInstanceOf(RatingOutcome.Rejected.class, outcome);
    assertEquals(RatingReasons.UNKNOWN_USAGE_TYPE, rejected.reason());
    assertEquals("usageType", rejected.field());
    assertEquals("usageType", rejected.toFieldError().field());
  }

  @Test
  void aUnitOfAnotherKindIsRejected() {
    RatingOutcome outcome =
        RATER.rate(k -> null, record("r", "VOICE", FEB, "100", UsageUnit.BYTE), context());
    RatingOutcome.Rejected rejected = assertInstanceOf(RatingOutcome.Rejected.class, outcome);
    assertEquals(RatingReasons.UNIT_MISMATCH, rejected.reason());
    assertEquals("unit", rejected.field());
  }

  @Test
  void anAccountCurrencyWithoutPriceListIsHeld() {
    RatingContext usd =
        RatingContext.of(account(USD, 1, BERLIN), List.of(subscription()), Set.of());
    assertUnratable(
        RatingReasons.CURRENCY_NOT_PRICED,
        null,
        RATER.rate(k -> null, record("r", "SMS", FEB, "1", UsageUnit.EVENT), usd));
  }

  @Test
  void anUnguidedRecordIsHeld() {
    UsageRecord other =
        new UsageRecord(
            "r",
            "MSC-1",
            OTHER_MSISDN,
            "SMS",
            Instant.parse(FEB),
            BigDecimal.ONE,
            UsageUnit.EVENT,
            Map.of(),
            null);
    assertUnratable(
        RatingReasons.NO_SUBSCRIPTION, "serviceId", RATER.rate(k -> null, other, context()));
  }

  @Test
  void usageBeforeActivationIsUnguided() {
    // 2025-12-31T23:30Z is 00:30 on 1 January in Berlin: the activation date; 22:59:59 is not
    assertTrue(
        RATER.rate(
                k -> null,
                record("r", "SMS", "2025-12-31T23:30:00Z", "1", UsageUnit.EVENT),
                context())
            instanceof RatingOutcome.Rated);
    assertUnratable(
        RatingReasons.NO_SUBSCRIPTION,
        "serviceId",
        RATER.rate(
            k -> null,
            record("r", "SMS", "2025-12-31T22:59:59Z", "1", UsageUnit.EVENT),
            context()));
  }

  @Test
  void aRecordNamingAnotherSubscriptionIsHeld() {
    for (String named : List.of("NOT-THERE", "SUB-2")) {
      RatingContext context =
          RatingContext.of(
              account(),
              List.of(
                  subscription(),
                  subscription("SUB-2", "MOBILE", LocalDate.parse("2026-01-01"), OTHER_MSISDN)),
              Set.of());
      UsageRecord record =
          new UsageRecord(
              "r",
              "MSC-1",
              MSISDN,
              "SMS",
              Instant.parse(FEB),
              BigDecimal.ONE,
              UsageUnit.EVENT,
              Map.of(),
              named);
      assertUnratable(
          RatingReasons.NO_SUBSCRIPTION, "subscriptionId", RATER.rate(k -> null, record, context));
    }
  }

  @Test
  void anOfferingMissingFromTheVersionIsHeld() {
    RatingContext context =
        RatingContext.of(
            account(),
            List.of(subscription("SUB-1", "RETIRED", LocalDate.parse("2026-01-01"), MSISDN)),
            Set.of());
    assertUnratable(
        RatingReasons.UNKNOWN_OFFERING,
        null,
        RATER.rate(k -> null, record("r", "SMS", FEB, "1", UsageUnit.EVENT), context));
  }

  @Test
  void anOfferingWithoutChargeForTheTypeIsHeld() {
    assertUnratable(
        RatingReasons.NO_USAGE_CHARGE,
        "usageType",
        RATER.rate(k -> null, record("r", "DATA", FEB, "1", UsageUnit.BYTE), context()));
  }

  @Test
  void aMissingOrUnknownZoneIsHeldWhenTheChargeHasZones() {
    assertUnratable(
        RatingReasons.UNKNOWN_ZONE,
        "attributes.zone",
        RATER.rate(k -> null, voice("r", FEB, "60", "MARS"), context()));
    assertUnratable(
        RatingReasons.UNKNOWN_ZONE,
        "attributes.zone",
        RATER.rate(k -> null, record("r", "VOICE", FEB, "60", UsageUnit.SECOND), context()));
  }

  @Test
  void countersThatWouldOverflowAreHeld() {
    UsageCounters nearlyFull = new UsageCounters(Long.MAX_VALUE - 10, 0, Long.MAX_VALUE - 10);
    assertUnratable(
        RatingReasons.COUNTER_OVERFLOW,
        "quantity",
        RATER.rate(k -> nearlyFull, record("r", "SMS", FEB, "11", UsageUnit.EVENT), context()));
  }

  @Test
  void heldAndRejectedRecordsLeaveTheCountersUnchanged() {
    Map<CounterKey, UsageCounters> counters = new HashMap<>();
    RatingBatch batch =
        RATER.rateAll(
            counters,
            List.of(
                record("r1", "MMS", FEB, "1", UsageUnit.EVENT),
                voice("r2", FEB, "60", "MARS"),
                record("r3", "DATA", FEB, "1", UsageUnit.BYTE)),
            context());
    assertEquals(Map.of(), batch.counters());
    assertEquals(3, batch.outcomes().size());
  }

  private static void assertUnratable(String reason, String field, RatingOutcome outcome) {
    RatingOutcome.Unratable unratable =
        assertInstanceOf(RatingOutcome.Unratable.class, outcome, outcome::toString);
    assertEquals(reason, unratable.reason(), unratable.message());
    assertEquals(field, unratable.field());
    assertEquals(reason, unratable.toFieldError().code());
  }
}
