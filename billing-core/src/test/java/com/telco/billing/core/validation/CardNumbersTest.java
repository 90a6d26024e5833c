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
        "4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1",
        "971f881b-b4e4-3999-8936-8271ca297512 4111111111111111"
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
        "971f881b-b4e4-3999-8936-8271ca297512",
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

  @ParameterizedTest
  @ValueSource(
      strings = {
        "+4111111111119",
        "+378282246310005",
        "call +49 151 1234 5678",
        "+1-411-111-111-1117",
        "tel:+4222222222222"
      })
  void aTelephoneNumberAfterAPlusIsNotACardNumber(String text) {
    assertTrue(CardNumbers.containsCardNumber(text.replace("+", "")), text);
    assertFalse(CardNumbers.containsCardNumber(text), text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"+4111111111111111", "+4111 1111 1111 1111", "+49 4111 1111 1111 1111"})
  void aPlusDoesNotHideMoreDigitsThanATelephoneNumberHas(String text) {
    assertTrue(CardNumbers.containsCardNumber(text), text);
  }

  @Property
  void e164NumbersAreNotCardNumbers(
      @ForAll("e164") String digits, @ForAll("phoneSeparators") String separator) {
    String text = "+" + groupAfterCountryCode(digits, separator);
    assertFalse(CardNumbers.containsCardNumber(text), text);
    assertFalse(CardNumbers.containsCardNumber("tel:" + text + " (home)"), text);
  }

  @Property
  void cardNumbersAreFoundInAmexGroupsAndAfterAPlusWhenLongerThanAPhoneNumber(
      @ForAll("cardNumbers") String digits) {
    if (digits.length() <= 16) {
      String amex =
          digits.substring(0, 4) + " " + digits.substring(4, 10) + " " + digits.substring(10);
      assertTrue(CardNumbers.containsCardNumber("pay " + amex), amex);
    }
    if (digits.length() > CardNumbers.MAX_PHONE_DIGITS) {
      assertTrue(CardNumbers.containsCardNumber("+" + digits), digits);
    }
  }

  @Property
  void timestampsAreNotCardNumbers(@ForAll("instants") java.time.Instant instant) {
    String iso = instant.toString();
    String spaced = iso.replace('T', ' ').replace("Z", "");
    assertFalse(CardNumbers.containsCardNumber(iso), iso);
    assertFalse(CardNumbers.containsCardNumber(spaced), spaced);
  }

  @Property
  void ordinaryIdsAreNotCardNumbers(
      @ForAll("prefixes") String prefix,
      @ForAll @net.jqwik.api.constraints.LongRange(min = 0, max = 999_999_999_999L) long n) {
    String id = prefix + "-" + n;
    assertFalse(CardNumbers.containsCardNumber(id), id);
    String uuid = java.util.UUID.nameUUIDFromBytes(id.getBytes()).toString();
    assertFalse(CardNumbers.containsCardNumber(uuid), uuid);
  }

  /** E.164 numbers: a non-zero first digit, 7..15 digits in all. */
  @Provide
  Arbitrary<String> e164() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 9),
            Arbitraries.strings().numeric().ofMinLength(6).ofMaxLength(14))
        .as((first, rest) -> first + rest);
  }

  @Provide
  Arbitrary<String> phoneSeparators() {
    return Arbitraries.of("", " ", "-", ".");
  }

  @Provide
  Arbitrary<java.time.Instant> instants() {
    return Arbitraries.longs()
        .between(946_684_800_000L, 4_102_444_799_999L)
        .map(java.time.Instant::ofEpochMilli);
  }

  @Provide
  Arbitrary<String> prefixes() {
    return Arbitraries.of("cdr", "acc", "sub", "inv-2026", "msc1-20261203");
  }

  /** A telephone number as people write it: country code, then groups of up to four. */
  private static String groupAfterCountryCode(String digits, String separator) {
    if (separator.isEmpty()) {
      return digits;
    }
    StringBuilder b = new StringBuilder(digits.substring(0, 2));
    for (int i = 2; i < digits.length(); i += 4) {
      b.append(separator).append(digits, i, Math.min(digits.length(), i + 4));
    }
    return b.toString();
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
