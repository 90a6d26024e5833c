package com.telco.billing.core.dunning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link LateFees}: fixed per currency or a percentage, HALF_UP to the minor units. */
class LateFeesTest {
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final Currency JPY = Currency.getInstance("JPY");
  private static final Currency BHD = Currency.getInstance("BHD");

  private static LateFee percent(String percent) {
    return new LateFee(Map.of(), new BigDecimal(percent), "STANDARD", "Late payment fee");
  }

  @ParameterizedTest(name = "{1} % of {2} {0} = {3}")
  @CsvSource({
    "EUR, 2.5, 70.10, 1.75", // 1.7525
    "EUR, 2.5, 70.20, 1.76", // 1.755: HALF_UP
    "EUR, 1.5, 0.33, 0.00", // 0.00495 rounds to nothing
    "JPY, 2.5, 1234, 31", // 30.85
    "JPY, 2.5, 1220, 31", // 30.5: HALF_UP
    "JPY, 2.5, 1180, 30", // 29.5: HALF_UP
    "BHD, 2.5, 10.123, 0.253", // 0.253075
    "BHD, 3, 10.005, 0.300", // 0.30015
    "BHD, 0.5, 1.101, 0.006", // 0.005505
  })
  void aPercentageIsRoundedHalfUpToTheMinorUnits(
      String currency, String percent, String overdue, String expected) {
    Currency c = Currency.getInstance(currency);
    Optional<BigDecimal> fee = LateFees.amount(percent(percent), c, new BigDecimal(overdue));
    if (new BigDecimal(expected).signum() == 0) {
      assertTrue(fee.isEmpty(), "a fee that rounds to zero is not charged");
      return;
    }
    assertEquals(expected, fee.orElseThrow().toPlainString());
    assertEquals(c.getDefaultFractionDigits(), fee.get().scale());
  }

  @Test
  void aFixedFeeIsTheAmountOfTheCurrencyWithItsMinorUnits() {
    LateFee fixed =
        new LateFee(
            Map.of(
                EUR, new BigDecimal("5"), JPY, new BigDecimal("500"), BHD, new BigDecimal("2.5")),
            null,
            "STANDARD",
            "Late payment fee");
    assertEquals(
        "5.00",
        LateFees.amount(fixed, EUR, new BigDecimal("999.99")).orElseThrow().toPlainString());
    assertEquals(
        "500", LateFees.amount(fixed, JPY, new BigDecimal("1")).orElseThrow().toPlainString());
    assertEquals(
        "2.500", LateFees.amount(fixed, BHD, BigDecimal.ZERO).orElseThrow().toPlainString());
  }

  @Test
  void nothingIsChargedWithoutAFeeOrWithoutAnAmountInTheCurrency() {
    LateFee eurOnly = new LateFee(Map.of(EUR, new BigDecimal("5.00")), null, "STANDARD", "Fee");
    assertTrue(LateFees.amount(eurOnly, JPY, new BigDecimal("5000")).isEmpty());
    assertTrue(LateFees.amount(null, EUR, new BigDecimal("50.00")).isEmpty());
  }
}
