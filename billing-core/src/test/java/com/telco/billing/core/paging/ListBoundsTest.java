package com.telco.billing.core.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.paging.ListBounds.TimeRange;
import com.telco.billing.core.validation.FieldError;
import com.telco.billing.core.validation.Validated;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListBoundsTest {
  private static final Instant NOW = Instant.parse("2026-12-07T05:00:00Z");
  private static final Duration WEEK = Duration.ofDays(7);
  private static final Duration MONTH = Duration.ofDays(31);

  @Test
  void limitDefaultsAndTakesWholeNumbersUpToTheMaximum() {
    assertEquals(100, ListBounds.limit((String) null, 100, 1000).value());
    assertEquals(1, ListBounds.limit("1", 100, 1000).value());
    assertEquals(1000, ListBounds.limit("1000", 100, 1000).value());
    assertEquals(7, ListBounds.limit("0007", 100, 1000).value());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "1001", "000", "1000000000000000000000000000000", "2147483648"})
  void limitOutsideTheRangeIsOutOfRange(String raw) {
    assertRefused(ListBounds.limit(raw, 100, 1000), "out_of_range", "limit", raw);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-1", "+5", "1.5", "1e3", " 5", "٣", "１０", "ten", "0x10"})
  void limitThatIsNotAsciiDigitsIsInvalid(String raw) {
    assertRefused(ListBounds.limit(raw, 100, 1000), "invalid_limit", "limit", raw);
  }

  @Test
  void limitOfAJsonBodyFollowsTheSameRules() {
    assertEquals(100, ListBounds.limit((BigDecimal) null, 100, 1000).value());
    assertEquals(50, ListBounds.limit(new BigDecimal("50.00"), 100, 1000).value());
    assertRefused(
        ListBounds.limit(new BigDecimal("1e30"), 100, 1000), "out_of_range", "limit", "1e30");
    assertRefused(
        ListBounds.limit(new BigDecimal("1e1000000"), 100, 1000), "out_of_range", "limit", "1e");
    assertRefused(ListBounds.limit(new BigDecimal("-3"), 100, 1000), "out_of_range", "limit", "-3");
    assertRefused(
        ListBounds.limit(new BigDecimal("2.5"), 100, 1000), "invalid_limit", "limit", "2.5");
  }

  @Test
  void rangeDefaultsToTheSpanBeforeNow() {
    TimeRange range = ListBounds.range(null, null, NOW, WEEK, MONTH).value();
    assertEquals(new TimeRange(NOW.minus(WEEK), NOW), range);
    TimeRange toOnly = ListBounds.range(null, "2026-12-01T00:00:00Z", NOW, WEEK, MONTH).value();
    assertEquals(Instant.parse("2026-11-24T00:00:00Z"), toOnly.from());
    TimeRange fromOnly = ListBounds.range("2026-11-20T00:00:00Z", null, NOW, WEEK, MONTH).value();
    assertEquals(new TimeRange(Instant.parse("2026-11-20T00:00:00Z"), NOW), fromOnly);
  }

  @Test
  void theHostileYearIsOutOfRangeWithoutEchoingIt() {
    assertRefused(
        ListBounds.range("-999999999-01-01T00:00:00Z", null, NOW, WEEK, MONTH),
        "out_of_range",
        "from",
        "999999999");
    assertRefused(
        ListBounds.range("1999-12-31T23:59:59Z", null, NOW, WEEK, MONTH),
        "out_of_range",
        "from",
        "1999");
    assertRefused(
        ListBounds.range(null, "2026-12-08T05:00:01Z", NOW, WEEK, MONTH),
        "out_of_range",
        "to",
        "2026-12-08");
    assertTrue(ListBounds.range(null, "2026-12-08T05:00:00Z", NOW, WEEK, MONTH).isValid());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "yesterday",
        "+1000000001-01-01T00:00:00Z",
        "2026-13-01T00:00:00Z",
        "２０２６-12-01T00:00:00Z",
        "2026-12-01T00:00:00Z ",
        "2026-12-01T00:00:00.000000000000000000000000000000Z"
      })
  void unreadableInstantsAreInvalid(String raw) {
    assertRefused(ListBounds.range(raw, null, NOW, WEEK, MONTH), "invalid_instant", "from", raw);
  }

  @Test
  void rangeIsOrderedAndAtMostTheMaximumSpan() {
    assertRefused(
        ListBounds.range("2026-12-01T00:00:00Z", "2026-12-01T00:00:00Z", NOW, WEEK, MONTH),
        "invalid_range",
        "to",
        "2026-12-01");
    assertRefused(
        ListBounds.range("2026-11-05T23:59:59Z", "2026-12-07T00:00:00Z", NOW, WEEK, MONTH),
        "out_of_range",
        "to",
        "2026-11-05");
    assertTrue(
        ListBounds.range("2026-11-06T00:00:00Z", "2026-12-07T00:00:00Z", NOW, WEEK, MONTH)
            .isValid(),
        "exactly the maximum is allowed");
    // from alone, further back than the maximum before now: refused, not silently shortened
    assertFalse(ListBounds.range("2026-10-01T00:00:00Z", null, NOW, WEEK, MONTH).isValid());
  }

  @Test
  void instantsOfACursorAreCheckedByTheSameRules() {
    assertFalse(
        ListBounds.range(Instant.MIN, Instant.parse("2026-12-01T00:00:00Z"), NOW, MONTH).isValid());
    assertFalse(ListBounds.range(NOW.minus(Duration.ofDays(40)), NOW, NOW, MONTH).isValid());
    assertTrue(ListBounds.range(NOW.minus(MONTH), NOW, NOW, MONTH).isValid());
  }

  private static void assertRefused(
      Validated<?> result, String code, String field, String submitted) {
    assertFalse(result.isValid());
    FieldError error = result.errors().get(0);
    assertEquals(code, error.code(), error.toString());
    assertEquals(field, error.field(), error.toString());
    // short values ("0") may be part of the fixed text ("between 1 and 1000"): not an echo
    if (submitted.length() > 4) {
      assertFalse(
          error.message().contains(submitted), "the message echoes the value: " + error.message());
    }
  }
}
