package com.telco.billing.core.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IbanTest {
  @Test
  void publishedExamplesAreValidAndNormalised() {
    for (String iban :
        new String[] {
          "DE89 3704 0044 0532 0130 00",
          "GB82 WEST 1234 5698 7654 32",
          "FR14 2004 1010 0505 0001 3M02 606",
          "nl91abna0417164300",
          "AT611904300234573201",
          "BE68539007547034",
        }) {
      assertTrue(Iban.isValid(iban), iban);
    }
    Iban de = Iban.of("de89 3704 0044 0532 0130 00");
    assertEquals("DE89370400440532013000", de.value());
    assertEquals("DE", de.countryCode());
  }

  @Test
  void masksAllButCountryAndLastFour() {
    Iban de = Iban.of("DE89370400440532013000");
    assertEquals("DE****************3000", de.masked());
    assertEquals(de.masked(), de.toString());
    assertEquals(22, de.masked().length());
  }

  @Test
  void refusesWithOneStableCodeAndNeverEchoesTheValue() {
    for (String bad :
        new String[] {
          "DE89370400440532013001", // check digits
          "DE8937040044053201300", // length
          "XX89370400440532013000", // country
          "DE89-3704-0044-0532-0130", // characters
          "DEAB370400440532013000", // check digits not digits
          "",
        }) {
      var parsed = Iban.parse(bad, "iban");
      assertFalse(parsed.isValid(), bad);
      assertEquals(Iban.INVALID, parsed.errors().get(0).code());
      assertEquals("iban", parsed.errors().get(0).field());
      if (bad.length() > 4) {
        assertFalse(parsed.errors().get(0).message().contains(bad.substring(4, 10)), bad);
      }
    }
    var thrown =
        assertThrows(IllegalArgumentException.class, () -> Iban.of("DE89370400440532013001"));
    assertFalse(thrown.getMessage().contains("370400"));
  }

  @Test
  void checkDigitsMakeAValidIban() {
    String bban = "370400440532013000";
    assertEquals("89", Iban.checkDigits("DE", bban));
  }
}
