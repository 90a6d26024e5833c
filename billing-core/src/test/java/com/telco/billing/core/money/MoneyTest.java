package com.telco.billing.core.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Currency;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {

  @ParameterizedTest(name = "{0} {1} rounds to {2}")
  @CsvSource({
    // EUR: 2 minor units, HALF_UP at the half cent
    "EUR, 0.005, 0.01",
    "EUR, 0.004999, 0.00",
    "EUR, 1.115, 1.12",
    "EUR, 1.114999, 1.11",
    "EUR, -0.005, -0.01",
    "EUR, -1.115, -1.12",
    "EUR, 2.5, 2.50",
    // JPY: no minor units
    "JPY, 0.5, 1",
    "JPY, 0.499999, 0",
    "JPY, 100.5, 101",
    "JPY, -100.5, -101",
    // BHD: 3 minor units
    "BHD, 0.0005, 0.001",
    "BHD, 0.000499, 0.000",
    "BHD, 1.2345, 1.235",
    "BHD, -1.2345, -1.235",
  })
  void roundsToTheCurrencysMinorUnitsHalfUp(String currency, String amount, String expected) {
    Money rounded = Money.of(amount, currency).roundToMinorUnits();
    assertEquals(0, rounded.amount().compareTo(new BigDecimal(expected)), rounded.toString());
    assertEquals(
        Currency.getInstance(currency).getDefaultFractionDigits(), rounded.amount().scale());
  }

  @Test
  void minorUnitsComeFromTheCurrency() {
    assertEquals(2, Money.of("1", "EUR").minorUnits());
    assertEquals(0, Money.of("1", "JPY").minorUnits());
    assertEquals(3, Money.of("1", "BHD").minorUnits());
  }

  @Test
  void ratingScaleIsSixDecimalsHalfUp() {
    assertEquals(new BigDecimal("0.000001"), Money.of("0.0000005", "EUR").toRatingScale().amount());
    assertEquals(
        new BigDecimal("0.000000"), Money.of("0.00000049", "EUR").toRatingScale().amount());
    assertEquals(6, Money.of("3", "JPY").toRatingScale().amount().scale());
  }

  @Test
  void equalityIsNumericNotByScale() {
    assertEquals(Money.of("1.5", "EUR"), Money.of("1.50", "EUR"));
    assertEquals(Money.of("1.5", "EUR").hashCode(), Money.of("1.500000", "EUR").hashCode());
    assertEquals(Money.of("0", "EUR").hashCode(), Money.of("0.00", "EUR").hashCode());
    assertNotEquals(Money.of("1.5", "EUR"), Money.of("1.5", "USD"));
    assertNotEquals(Money.of("1.5", "EUR"), Money.of("1.51", "EUR"));
  }

  @Test
  void arithmeticRefusesMixedCurrencies() {
    Money eur = Money.of("1", "EUR");
    Money usd = Money.of("1", "USD");
    assertThrows(IllegalArgumentException.class, () -> eur.plus(usd));
    assertThrows(IllegalArgumentException.class, () -> eur.minus(usd));
    assertThrows(IllegalArgumentException.class, () -> eur.compareTo(usd));
  }

  @Test
  void currenciesWithoutMinorUnitsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> Money.of("1", "XXX"));
  }

  @Test
  void arithmeticIsExact() {
    Money a = Money.of("0.1", "EUR");
    Money b = Money.of("0.2", "EUR");
    assertEquals(Money.of("0.3", "EUR"), a.plus(b));
    assertEquals(Money.of("-0.1", "EUR"), a.minus(b));
    assertEquals(Money.of("0.03", "EUR"), a.times(new BigDecimal("0.3")));
    assertTrue(a.negate().isNegative());
    assertTrue(Money.zero(Currency.getInstance("EUR")).isZero());
  }

  @Property
  void roundingMovesAnAmountByAtMostHalfAMinorUnit(
      @ForAll @BigRange(min = "-1000000", max = "1000000") @Scale(6) BigDecimal amount) {
    for (String code : new String[] {"EUR", "JPY", "BHD"}) {
      Money money = Money.of(amount, Currency.getInstance(code));
      BigDecimal diff = money.roundToMinorUnits().amount().subtract(amount).abs();
      BigDecimal half =
          BigDecimal.ONE.movePointLeft(money.minorUnits()).divide(BigDecimal.valueOf(2));
      assertTrue(diff.compareTo(half) <= 0, code + " " + amount);
    }
  }

  @Property
  void roundingIsSymmetricAroundZero(
      @ForAll @BigRange(min = "0", max = "1000000") @Scale(6) BigDecimal amount) {
    Money positive = Money.of(amount, Currency.getInstance("EUR"));
    assertEquals(positive.roundToMinorUnits().negate(), positive.negate().roundToMinorUnits());
  }
}
