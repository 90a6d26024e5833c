package com.telco.billing.node.payment.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class StripeAmountsTest {
  static long units(String amount, String currency) {
    return StripeAmounts.toGateway(new BigDecimal(amount), Currency.getInstance(currency));
  }

  @Test
  void amountsAreSentInTheGatewaysUnits() {
    assertEquals(1250, units("12.50", "EUR"));
    assertEquals(1200, units("1200", "JPY"));
    assertEquals(100, units("100.00", "MGA"), "zero-decimal at the gateway, two decimals in ISO");
    assertEquals(5000, units("5000", "UGX"));
    assertEquals(12340, units("12.340", "BHD"));
    assertEquals(15000, units("150", "ISK"), "ISK in hundredths at the gateway");
  }

  @Test
  void whatTheGatewayCannotTakeExactlyIsRefused() {
    assertThrows(ArithmeticException.class, () -> units("12.345", "BHD"));
    assertThrows(ArithmeticException.class, () -> units("100.50", "MGA"));
    assertThrows(ArithmeticException.class, () -> units("0.001", "EUR"));
  }

  @Test
  void gatewayAmountsReadBack() {
    assertEquals(
        0,
        new BigDecimal("12.34")
            .compareTo(StripeAmounts.fromGateway(1234, Currency.getInstance("EUR"))));
    assertEquals(
        0,
        new BigDecimal("150")
            .compareTo(StripeAmounts.fromGateway(15000, Currency.getInstance("ISK"))));
  }
}
