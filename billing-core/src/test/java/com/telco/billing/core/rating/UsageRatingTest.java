package com.telco.billing.core.rating;

import static com.telco.billing.core.rating.RatingFixtures.SUB;
import static com.telco.billing.core.rating.RatingFixtures.context;
import static com.telco.billing.core.rating.RatingFixtures.raterWith;
import static com.telco.billing.core.rating.RatingFixtures.record;
import static com.telco.billing.core.rating.RatingFixtures.simpleCharge;
import static com.telco.billing.core.rating.RatingFixtures.tier;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.telco.billing.core.dedupe.DatedKey;
import com.telco.billing.core.dedupe.DedupeWindow;
import com.telco.billing.core.rating.UsageRating.Accepted;
import com.telco.billing.core.rating.UsageRating.Duplicate;
import com.telco.billing.core.rating.UsageRating.Outcome;
import com.telco.billing.core.rating.UsageRating.Rejected;
import com.telco.billing.core.rating.UsageRating.Suspended;
import com.telco.billing.core.subscription.ServiceId;
import com.telco.billing.core.usage.UsageBook;
import com.telco.billing.core.validation.FieldError;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link UsageRating}: dedupe, then rating in arrival order with the counters carried from record
 * to record and from the usage book.
 */
class UsageRatingTest {
  /** SMS: 2 events free, then 0.10 each. */
  private static final Rater RATER =
      raterWith(simpleCharge("SMS_CHARGE", "SMS", 1, 0, 1, 2, List.of(tier(0, null, "0.10"))));

  private static final Instant CUTOFF = Instant.parse("2026-01-01T00:00:00Z");

  private static UsageRecord sms(String id, String instant) {
    return record(id, "SMS", instant, "1", UsageUnit.EVENT);
  }

  private static UsageRating.Result rate(
      DedupeWindow dedupe, UsageBook usage, UsageRecord... records) {
    return UsageRating.rate(RATER, context(), dedupe, usage, List.of(records), CUTOFF);
  }

  private static List<String> summary(UsageRating.Result result) {
    List<String> out = new ArrayList<>();
    for (Outcome o : result.outcomes()) {
      if (o instanceof Accepted a) {
        out.add(a.usage().recordId() + " accepted " + a.usage().amount().amount().toPlainString());
      } else if (o instanceof Duplicate d) {
        out.add(d.id() + " duplicate");
      } else if (o instanceof Rejected r) {
        out.add(r.id() + " rejected " + r.reason().code());
      } else if (o instanceof Suspended s) {
        out.add(s.id() + " suspended " + s.reason().code());
      }
    }
    return out;
  }

  @Test
  void aRecordRepeatedInTheBatchIsADuplicateAndChargedOnce() {
    UsageRating.Result result =
        rate(
            DedupeWindow.empty(),
            UsageBook.EMPTY,
            sms("a", "2026-02-03T10:00:00Z"),
            sms("b", "2026-02-03T10:01:00Z"),
            sms("a", "2026-02-03T10:02:00Z"),
            sms("c", "2026-02-03T10:03:00Z"));
    // a and b use the allowance of 2; the repeated a does not count; c is charged
    assertEquals(
        List.of("a accepted 0.000000", "b accepted 0.000000", "a duplicate", "c accepted 0.100000"),
        summary(result));
    assertEquals(
        List.of("a", "b", "c"), result.rated().stream().map(RatedUsage::recordId).toList());
  }

  @Test
  void aRecordTheWindowRemembersFromAnEarlierBatchIsADuplicate() {
    DedupeWindow window =
        DedupeWindow.empty()
            .withAccepted(
                List.of(DatedKey.of("MSC-1", "a", Instant.parse("2026-02-02T09:00:00Z"))));
    UsageRating.Result result =
        rate(
            window,
            UsageBook.EMPTY,
            sms("a", "2026-02-03T10:00:00Z"),
            sms("b", "2026-02-03T10:01:00Z"));
    assertEquals(List.of("a duplicate", "b accepted 0.000000"), summary(result));
    assertEquals(1, result.rated().size());
  }

  @Test
  void aRejectedAndASuspendedRecordLeaveTheGoodOnesRated() {
    UsageRecord unknownType = record("x", "MMS", "2026-02-03T10:01:00Z", "1", UsageUnit.EVENT);
    UsageRecord unguided =
        new UsageRecord(
            "y",
            "MSC-1",
            ServiceId.msisdn("+4915199999999"),
            "SMS",
            Instant.parse("2026-02-03T10:02:00Z"),
            java.math.BigDecimal.ONE,
            UsageUnit.EVENT,
            Map.of(),
            null);
    UsageRating.Result result =
        rate(
            DedupeWindow.empty(),
            UsageBook.EMPTY,
            sms("a", "2026-02-03T10:00:00Z"),
            unknownType,
            unguided,
            sms("b", "2026-02-03T10:03:00Z"),
            sms("c", "2026-02-03T10:04:00Z"));
    assertEquals(
        List.of(
            "a accepted 0.000000",
            "x rejected " + RatingReasons.UNKNOWN_USAGE_TYPE,
            "y suspended " + RatingReasons.NO_SUBSCRIPTION,
            "b accepted 0.000000",
            "c accepted 0.100000"),
        summary(result));
    assertEquals(
        List.of("a", "b", "c"), result.rated().stream().map(RatedUsage::recordId).toList());
    Rejected rejected = assertInstanceOf(Rejected.class, result.outcomes().get(1));
    assertEquals("MSC-1", rejected.source());
    assertEquals("usageType", rejected.reason().field());
  }

  @Test
  void aRecordOfADayTheWindowForgotIsRejectedAsTooOld() {
    DedupeWindow window = DedupeWindow.empty().evictBefore(Instant.parse("2026-02-03T00:00:00Z"));
    UsageRating.Result result =
        rate(
            window,
            UsageBook.EMPTY,
            sms("old", "2026-02-02T23:59:59Z"),
            sms("b", "2026-02-03T00:00:00Z"));
    assertEquals(
        List.of("old rejected " + RatingReasons.TOO_OLD, "b accepted 0.000000"), summary(result));
    assertEquals(
        new FieldError(RatingReasons.TOO_OLD, "usageDate", "usage is older than the dedupe window"),
        ((Rejected) result.outcomes().get(0)).reason());
  }

  @Test
  void theCutoffEvictsTheWindowBeforeItClassifies() {
    // the window remembers "a" of 2026-02-02, but the cutoff forgets that day: "a" is too old
    DedupeWindow window =
        DedupeWindow.empty()
            .withAccepted(
                List.of(DatedKey.of("MSC-1", "a", Instant.parse("2026-02-02T09:00:00Z"))));
    UsageRating.Result result =
        UsageRating.rate(
            RATER,
            context(),
            window,
            UsageBook.EMPTY,
            List.of(sms("a", "2026-02-02T09:00:00Z")),
            Instant.parse("2026-02-03T00:00:00Z"));
    assertEquals(List.of("a rejected " + RatingReasons.TOO_OLD), summary(result));
  }

  @Test
  void countersContinueFromTheUsageBookAndMatchRatingTheBatchesAsOne() {
    UsageRecord a = sms("a", "2026-02-03T10:00:00Z");
    UsageRecord b = sms("b", "2026-02-03T10:01:00Z");
    UsageRecord c = sms("c", "2026-02-03T10:02:00Z");
    UsageRating.Result first = rate(DedupeWindow.empty(), UsageBook.EMPTY, a);
    UsageBook book = UsageBook.EMPTY.with(first.rated(), LocalDate.parse("2026-01-01"));
    UsageRating.Result second = rate(DedupeWindow.empty(), book, b, c);
    // the allowance of 2 is shared: a and b free, c charged
    assertEquals(List.of("b accepted 0.000000", "c accepted 0.100000"), summary(second));

    List<RatedUsage> split = new ArrayList<>(first.rated());
    split.addAll(second.rated());
    RatingBatch whole = RATER.rateAll(Map.of(), List.of(a, b, c), context());
    List<RatedUsage> together = new ArrayList<>();
    whole.outcomes().forEach(o -> together.add(((RatingOutcome.Rated) o).usage()));
    assertEquals(together, split);
    assertEquals(
        whole.counters().get(new CounterKey(SUB, "SMS", LocalDate.parse("2026-02-01"))),
        book.with(second.rated(), LocalDate.parse("2026-01-01"))
            .countersOf(new CounterKey(SUB, "SMS", LocalDate.parse("2026-02-01"))));
  }

  @Test
  void anEmptyBatchHasNothingToPersist() {
    UsageRating.Result result = rate(DedupeWindow.empty(), UsageBook.EMPTY);
    assertEquals(List.of(), result.outcomes());
    assertEquals(List.of(), result.rated());
  }
}
