package com.telco.billing.core.validation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CardNumbersTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "4111111111111111",
        "4111-1111-1111-1111",
        "4111 1111 1111 1111",
        "4111.1111.1111.1111",
        "4111/1111/1111/1111",
        "4111_1111_1111_1111",
        "5500 0000 0000 0004",
        "378282246310005",
        "3782-822463-10005",
        "6011111111111117",
        "4222222222222",
        "tok_4111111111111111",
        "card:4111111111111111",
        "Jane 4111 1111 1111 1111 Doe",
        "acc-4111111111111111",
        "x4111111111111111y",
        "12-4111-1111-1111-1111",
        "1234567-4111-1111-1111-1111",
        "4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1"
      })
  void findsCardNumbersWhateverTheSeparatorsOrPrefix(String text) {
    assertTrue(CardNumbers.containsCardNumber(text), text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "4111111111111112",
        "411111111111",
        "41111111111111111111",
        "2026-12-03 10:15:00",
        "2026-12-03T10:15:00.123Z",
        "msc1-20261203-101500-0001",
        "cdr-1",
        "",
        "Jane Doe"
      })
  void leavesOtherTextAlone(String text) {
    assertFalse(CardNumbers.containsCardNumber(text), text);
  }

  @Test
  void looksLikeCardNumberIsAboutTheWholeText() {
    assertTrue(CardNumbers.looksLikeCardNumber("4111-1111-1111-1111"));
    assertTrue(CardNumbers.looksLikeCardNumber(" 4111 1111 1111 1111 "));
    assertFalse(CardNumbers.looksLikeCardNumber("tok_4111111111111111"));
    assertFalse(CardNumbers.looksLikeCardNumber("4111111111111112"));
  }

  @Property
  void everyLuhnValidNumberIsFoundInAnyWrapping(
      @ForAll("cardNumbers") String digits, @ForAll("wrappings") String[] wrapping) {
    String text = wrapping[0] + group(digits, wrapping[1]) + wrapping[2];
    assertTrue(CardNumbers.containsCardNumber(text), text);
  }

  @Property
  void aNumberThatFailsLuhnIsNotACardNumber(@ForAll("cardNumbers") String digits) {
    char last = digits.charAt(digits.length() - 1);
    String broken = digits.substring(0, digits.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
    assertFalse(CardNumbers.containsCardNumber(broken), broken);
  }

  /** 13..19 digits with a Luhn check digit. */
  @Provide
  Arbitrary<String> cardNumbers() {
    return Arbitraries.strings()
        .numeric()
        .ofMinLength(12)
        .ofMaxLength(18)
        .map(body -> body + checkDigit(body));
  }

  @Provide
  Arbitrary<String[]> wrappings() {
    return Combinators.combine(
            Arbitraries.of("", "tok_", "card:", "Name ", "x", "PAN="),
            Arbitraries.of("", " ", "-", ".", "/", "_"),
            Arbitraries.of("", " end", "_x", "!"))
        .as((prefix, separator, suffix) -> new String[] {prefix, separator, suffix});
  }

  /** Groups of four joined by the separator, as cards are printed. */
  private static String group(String digits, String separator) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < digits.length(); i += 4) {
      if (i > 0) {
        b.append(separator);
      }
      b.append(digits, i, Math.min(digits.length(), i + 4));
    }
    return b.toString();
  }

  private static char checkDigit(String body) {
    int sum = 0;
    boolean doubleIt = true;
    for (int i = body.length() - 1; i >= 0; i--) {
      int d = body.charAt(i) - '0';
      if (doubleIt) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      doubleIt = !doubleIt;
    }
    return (char) ('0' + (10 - sum % 10) % 10);
  }
}
