package com.telco.billing.core.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.money.Money;
import com.telco.billing.core.rating.CounterKey;
import com.telco.billing.core.rating.RatedUsage;
import com.telco.billing.core.rating.UsageCounters;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsageBookTest {
  private static final LocalDate NOV = LocalDate.of(2026, 11, 1);
  private static final LocalDate OCT = LocalDate.of(2026, 10, 1);

  private static RatedUsage rated(
      String id, LocalDate period, String zone, long rounded, long allowance, String amount) {
    return new RatedUsage(
        id,
        "feed",
        "sub-1",
        "MOBILE_S",
        "2026-01",
        "MOBILE_S_VOICE",
        "VOICE",
        zone,
        "PEAK",
        Instant.parse("2026-11-20T10:00:00Z"),
        period,
        rounded,
        allowance,
        rounded - allowance,
        Money.of(amount, "EUR"),
        false);
  }

  @Test
  void countersAdvanceAndLinesAddUpPerZoneAndBand() {
    UsageBook book =
        UsageBook.EMPTY.with(
            List.of(
                rated("a", NOV, "NATIONAL", 60, 60, "0.000000"),
                rated("b", NOV, "NATIONAL", 120, 30, "0.135000"),
                rated("c", NOV, "WORLD", 60, 0, "1.490000")),
            LocalDate.of(2026, 10, 11));
    assertEquals(
        new UsageCounters(240, 90, 150), book.countersOf(new CounterKey("sub-1", "VOICE", NOV)));
    List<UsageBook.UsageLine> lines = book.linesOf(NOV);
    assertEquals(2, lines.size());
    UsageBook.UsageLine national = lines.get(0);
    assertEquals("NATIONAL", national.zone());
    assertEquals(180, national.quantity());
    assertEquals(90, national.chargeableQuantity());
    assertEquals(2, national.records());
    assertEquals(0, new BigDecimal("0.135").compareTo(national.amount()));
    assertEquals(0, new BigDecimal("1.49").compareTo(lines.get(1).amount()));
  }

  @Test
  void periodsLongBeforeTheCutoffAreDropped() {
    UsageBook book =
        UsageBook.EMPTY.with(
            List.of(rated("a", OCT, "EU", 60, 0, "0.05")), LocalDate.of(2026, 10, 11));
    assertEquals(1, book.linesOf(OCT).size());
    UsageBook later =
        book.with(List.of(rated("b", NOV, "EU", 60, 0, "0.05")), LocalDate.of(2026, 11, 15));
    assertTrue(later.linesOf(OCT).isEmpty(), "October ended more than 31 days before the cutoff");
    assertNull(later.countersOf(new CounterKey("sub-1", "VOICE", OCT)));
    assertEquals(1, later.linesOf(NOV).size());
  }

  @Test
  void applyingInOneBatchOrManyGivesTheSameBook() {
    List<RatedUsage> all =
        List.of(
            rated("a", NOV, "EU", 60, 60, "0"),
            rated("b", NOV, "EU", 61, 0, "0.0915"),
            rated("c", NOV, "WORLD", 600, 0, "14.9"));
    LocalDate cutoff = LocalDate.of(2026, 10, 11);
    UsageBook once = UsageBook.EMPTY.with(all, cutoff);
    UsageBook stepwise = UsageBook.EMPTY;
    for (RatedUsage usage : all) {
      stepwise = stepwise.with(List.of(usage), cutoff);
    }
    assertEquals(once, stepwise);
  }

  @Test
  void ratingAgainMovesEachRecordFromItsOldLineToItsNewOneInOpenPeriodsOnly() {
    RatedUsage a = rated("a", NOV, "NATIONAL", 120, 60, "0.090000");
    RatedUsage b = rated("b", NOV, "NATIONAL", 60, 0, "0.090000");
    RatedUsage o = rated("o", OCT, "NATIONAL", 60, 0, "0.090000");
    UsageBook book = UsageBook.EMPTY.with(List.of(o, a, b), LocalDate.of(2026, 10, 11));
    // a is now all allowance and free; b moves to the WORLD line at 1.49; o (October, invoiced)
    // changes its counters only
    RatedUsage a2 = rated("a", NOV, "NATIONAL", 120, 120, "0.000000");
    RatedUsage b2 = rated("b", NOV, "WORLD", 60, 0, "1.490000");
    RatedUsage o2 = rated("o", OCT, "NATIONAL", 60, 60, "0.000000");
    UsageBook after =
        book.rerated(
            List.of(
                new com.telco.billing.core.rerating.ReratedRecord(o, o2),
                new com.telco.billing.core.rerating.ReratedRecord(a, a2),
                new com.telco.billing.core.rerating.ReratedRecord(b, b2)),
            period -> !period.equals(OCT));
    List<UsageBook.UsageLine> nov = after.linesOf(NOV);
    assertEquals(2, nov.size());
    assertEquals("NATIONAL", nov.get(0).zone());
    assertEquals(1, nov.get(0).records());
    assertEquals(120, nov.get(0).quantity());
    assertEquals(0, nov.get(0).chargeableQuantity());
    assertEquals(0, BigDecimal.ZERO.compareTo(nov.get(0).amount()));
    assertEquals("WORLD", nov.get(1).zone());
    assertEquals(0, new BigDecimal("1.49").compareTo(nov.get(1).amount()));
    assertEquals(
        new UsageCounters(180, 120, 60), after.countersOf(new CounterKey("sub-1", "VOICE", NOV)));
    assertEquals(book.linesOf(OCT), after.linesOf(OCT), "an invoiced period's lines stay");
    assertEquals(
        new UsageCounters(60, 60, 0), after.countersOf(new CounterKey("sub-1", "VOICE", OCT)));
  }
}
