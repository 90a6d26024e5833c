package com.telco.billing.core.invoice;

import static com.telco.billing.core.invoice.InvoiceFixtures.dec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Proration}: daily proration and credits that add up to the line they credit. */
class ProrationTest {

  @ParameterizedTest
  @CsvSource({
    // amount, days, daysInPeriod, minorUnits, expected
    "24.99, 22, 31, 2, 17.73", // 17.734838..
    "12.99, 14, 28, 2, 6.50", // 6.495: half up
    "2500, 22, 31, 0, 1774", // JPY, no minor units
    "7.700, 10, 30, 3, 2.567", // BHD, three minor units
    "-5.00, 9, 28, 2, -1.61", // -1.607..: away from zero
    "9.99, 28, 28, 2, 9.99"
  })
  void prorateRoundsTheExactQuotientOnceHalfUp(
      String amount, long days, long daysInPeriod, int minorUnits, String expected) {
    // as text: the value and its scale (the currency's minor units)
    assertEquals(
        expected, Proration.prorate(dec(amount), days, daysInPeriod, minorUnits).toPlainString());
  }

  @Test
  void creditShareIsTheDifferenceOfTwoProratedAmountsWithTheOppositeSign() {
    // HALF_UP(9.99 * 9 / 28 = 3.211..) = 3.21
    assertEquals("-3.21", Proration.creditShare(dec("9.99"), 0, 9, 28, 2).toPlainString());
    // a discount line credits positive: -(HALF_UP(-5.00 * 9 / 28) = -1.61)
    assertEquals("1.61", Proration.creditShare(dec("-5.00"), 0, 9, 28, 2).toPlainString());
    // days 3..5 after 2 credited: HALF_UP(9.99 * 5 / 28 = 1.78392..) - HALF_UP(0.71357..) = 1.07
    assertEquals("-1.07", Proration.creditShare(dec("9.99"), 2, 5, 28, 2).toPlainString());
  }

  @Test
  void successiveCreditsOfALineAddUpExactlyToTheLine() {
    BigDecimal amount = dec("9.99");
    long days = 28;
    for (List<Integer> runs :
        List.of(List.of(28), List.of(1, 27), List.of(3, 5, 20), List.of(7, 7, 7, 7))) {
      long credited = 0;
      BigDecimal sum = BigDecimal.ZERO;
      for (int run : runs) {
        sum = sum.add(Proration.creditShare(amount, credited, credited + run, days, 2));
        credited += run;
      }
      assertEquals(0, amount.negate().compareTo(sum), runs::toString);
    }
  }
}
