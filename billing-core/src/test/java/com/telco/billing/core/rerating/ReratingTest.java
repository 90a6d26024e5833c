package com.telco.billing.core.rerating;

import static com.telco.billing.core.rating.RatingFixtures.BERLIN;
import static com.telco.billing.core.rating.RatingFixtures.EUR;
import static com.telco.billing.core.rating.RatingFixtures.account;
import static com.telco.billing.core.rating.RatingFixtures.catalog;
import static com.telco.billing.core.rating.RatingFixtures.offering;
import static com.telco.billing.core.rating.RatingFixtures.simpleCharge;
import static com.telco.billing.core.rating.RatingFixtures.tier;
import static com.telco.billing.core.rating.RatingFixtures.version;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.catalog.Catalog;
import com.telco.billing.core.catalog.CatalogCorrection;
import com.telco.billing.core.catalog.CatalogVersion;
import com.telco.billing.core.catalog.Tier;
import com.telco.billing.core.rating.RatedUsage;
import com.telco.billing.core.rating.Rater;
import com.telco.billing.core.rating.RatingContext;
import com.telco.billing.core.rating.RatingOutcome;
import com.telco.billing.core.rating.UsageRecord;
import com.telco.billing.core.rating.UsageUnit;
import com.telco.billing.core.subscription.ActivateSubscription;
import com.telco.billing.core.subscription.ServiceId;
import com.telco.billing.core.subscription.Subscription;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Rating again (docs/rerating.md): hand-computed tables over an SMS charge with an allowance and
 * tiers; the counters continue through records not selected; rating again what was rated again
 * changes nothing.
 */
class ReratingTest {
  private static final ServiceId MSISDN = ServiceId.msisdn("+4915100000001");
  private static final RatingContext CONTEXT =
      RatingContext.of(
          account(EUR, 1, BERLIN),
          List.of(
              Subscription.activated(
                  new ActivateSubscription(
                      "SUB-1", "MOBILE", List.of(MSISDN), LocalDate.parse("2026-01-01")))),
          Set.of());

  /** SMS: the first {@code allowance} free, then the tiers. */
  private static Catalog sms(long allowance, Tier... tiers) {
    return catalog(
        version(
            "v1",
            "2025-01-01T00:00:00Z",
            offering(
                "MOBILE", simpleCharge("SMS_CHARGE", "SMS", 1, 1, 1, allowance, List.of(tiers)))));
  }

  private static UsageRecord sms(String id, String instant) {
    return new UsageRecord(
        id,
        "SMSC",
        MSISDN,
        "SMS",
        Instant.parse(instant),
        BigDecimal.ONE,
        UsageUnit.EVENT,
        Map.of(),
        null);
  }

  /** r1..r4 on 5..8 January, rated by {@code catalog} from zero counters. */
  private static List<RatedUsage> ratedBy(Catalog catalog) {
    var batch =
        Rater.of(catalog)
            .rateAll(
                Map.of(),
                List.of(
                    sms("r1", "2026-01-05T10:00:00Z"),
                    sms("r2", "2026-01-06T10:00:00Z"),
                    sms("r3", "2026-01-07T10:00:00Z"),
                    sms("r4", "2026-01-08T10:00:00Z")),
                CONTEXT);
    List<RatedUsage> rated = new ArrayList<>();
    for (RatingOutcome o : batch.outcomes()) {
      rated.add(((RatingOutcome.Rated) o).usage());
    }
    return rated;
  }

  private static RerateSelection range(String from, String to) {
    return new RerateSelection(Instant.parse(from), Instant.parse(to), null);
  }

  private static void assertAmount(String expected, RatedUsage usage) {
    assertEquals(0, new BigDecimal(expected).compareTo(usage.amount().amount()), usage.toString());
  }

  @Test
  void aLowerPriceChangesOnlyTheSelectedChargeableRecords() {
    List<RatedUsage> before = ratedBy(sms(2, tier(0, null, "0.10")));
    RerateOutcome outcome =
        Rerating.rerate(
            Rater.of(sms(2, tier(0, null, "0.08"))),
            CONTEXT,
            range("2026-01-07T00:00:00Z", "2026-02-01T00:00:00Z"),
            before);
    assertEquals(2, outcome.selected());
    assertEquals(
        List.of("r3", "r4"), outcome.changed().stream().map(c -> c.after().recordId()).toList());
    for (ReratedRecord change : outcome.changed()) {
      assertAmount("0.10", change.before());
      assertAmount("0.08", change.after());
      assertEquals(0, change.after().allowanceUsed());
    }
  }

  @Test
  void recordsNotSelectedStillUseTheAllowanceBeforeTheSelectedOnes() {
    // r1, r2 kept their free rating; a smaller allowance now leaves r3 chargeable too
    List<RatedUsage> before = ratedBy(sms(3, tier(0, null, "0.10")));
    assertAmount("0", before.get(2));
    RerateOutcome outcome =
        Rerating.rerate(
            Rater.of(sms(2, tier(0, null, "0.10"))),
            CONTEXT,
            range("2026-01-07T00:00:00Z", "2026-02-01T00:00:00Z"),
            before);
    assertEquals(1, outcome.changed().size());
    ReratedRecord r3 = outcome.changed().get(0);
    assertEquals("r3", r3.after().recordId());
    assertAmount("0.10", r3.after());
    assertEquals(0, r3.after().allowanceUsed());
    assertEquals(1, r3.after().chargeableQuantity());
  }

  @Test
  void tiersContinueFromTheRecordsRatedAgainBeforeInTheSamePeriod() {
    // tiers: the first 2 chargeable at 0.10, then 0.05; no allowance. New allowance 1: r1 free,
    // r2 and r3 in the first tier, r4 in the second
    List<RatedUsage> before = ratedBy(sms(0, tier(0, 2L, "0.10"), tier(2, null, "0.05")));
    assertAmount("0.05", before.get(3));
    RerateOutcome outcome =
        Rerating.rerate(
            Rater.of(sms(1, tier(0, 2L, "0.10"), tier(2, null, "0.05"))),
            CONTEXT,
            range("2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z"),
            before);
    assertEquals(4, outcome.selected());
    assertEquals(
        List.of("r1", "r3"), outcome.changed().stream().map(c -> c.after().recordId()).toList());
    assertAmount("0", outcome.changed().get(0).after());
    assertAmount("0.10", outcome.changed().get(1).after());
  }

  @Test
  void ratingAgainWhatWasRatedAgainChangesNothing() {
    List<RatedUsage> before = ratedBy(sms(2, tier(0, null, "0.10")));
    Rater corrected = Rater.of(sms(1, tier(0, null, "0.07")));
    RerateSelection all = range("2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z");
    RerateOutcome first = Rerating.rerate(corrected, CONTEXT, all, before);
    assertEquals(3, first.changed().size());
    List<RatedUsage> after = new ArrayList<>(before);
    for (ReratedRecord change : first.changed()) {
      after.replaceAll(r -> r.recordId().equals(change.after().recordId()) ? change.after() : r);
    }
    RerateOutcome second = Rerating.rerate(corrected, CONTEXT, all, after);
    assertEquals(4, second.selected());
    assertTrue(second.changed().isEmpty());
    assertTrue(second.unratable().isEmpty());
  }

  @Test
  void aRecordTheCatalogNoLongerRatesKeepsItsRatingAndIsReported() {
    List<RatedUsage> before = ratedBy(sms(0, tier(0, null, "0.10")));
    Catalog withoutMobile =
        catalog(
            version(
                "v1",
                "2025-01-01T00:00:00Z",
                offering(
                    "OTHER",
                    simpleCharge(
                        "SMS_CHARGE", "SMS", 1, 1, 1, 0, List.of(tier(0, null, "0.01"))))));
    RerateOutcome outcome =
        Rerating.rerate(
            Rater.of(withoutMobile),
            CONTEXT,
            range("2026-01-08T00:00:00Z", "2026-01-09T00:00:00Z"),
            before);
    assertEquals(1, outcome.selected());
    assertTrue(outcome.changed().isEmpty());
    assertEquals(
        List.of(new RerateOutcome.Unratable("r4", "unknown_offering")), outcome.unratable());
  }

  @Test
  void anOfferingSelectsOnlyTheRecordsItsChargesRated() {
    List<RatedUsage> before = ratedBy(sms(0, tier(0, null, "0.10")));
    RerateOutcome other =
        Rerating.rerate(
            Rater.of(sms(0, tier(0, null, "0.05"))),
            CONTEXT,
            new RerateSelection(
                Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-02-01T00:00:00Z"),
                "OTHER"),
            before);
    assertEquals(0, other.selected());
    RerateOutcome mobile =
        Rerating.rerate(
            Rater.of(sms(0, tier(0, null, "0.05"))),
            CONTEXT,
            new RerateSelection(
                Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-02-01T00:00:00Z"),
                "MOBILE"),
            before);
    assertEquals(4, mobile.changed().size());
  }

  @Test
  void aCorrectionVersionRepricesOnlyTheRecordsOfItsInterval() {
    Catalog original = sms(0, tier(0, null, "0.10"));
    List<RatedUsage> before = ratedBy(original);
    CatalogVersion prices =
        version(
            "v1-fix",
            "2026-01-06T00:00:00Z",
            offering(
                "MOBILE",
                simpleCharge("SMS_CHARGE", "SMS", 1, 1, 1, 0, List.of(tier(0, null, "0.06")))));
    CatalogVersion fix =
        new CatalogVersion(
            prices.version(),
            prices.effectiveFrom(),
            "SMS price of 6 and 7 January",
            prices.currencies(),
            prices.usageTypes(),
            prices.taxTable(),
            prices.productOfferings(),
            new CatalogCorrection(Instant.parse("2026-01-08T00:00:00Z"), "wrong SMS price"));
    RerateOutcome outcome =
        Rerating.rerate(
            Rater.of(original.withVersion(fix)),
            CONTEXT,
            range("2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z"),
            before);
    assertEquals(4, outcome.selected());
    assertEquals(
        List.of("r2", "r3"), outcome.changed().stream().map(c -> c.after().recordId()).toList());
    for (ReratedRecord change : outcome.changed()) {
      assertEquals("v1", change.before().catalogVersion());
      assertEquals("v1-fix", change.after().catalogVersion());
      assertAmount("0.06", change.after());
    }
  }
}
