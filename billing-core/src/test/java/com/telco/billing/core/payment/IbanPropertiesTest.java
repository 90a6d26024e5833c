package com.telco.billing.core.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of the IBAN check (ISO 7064 MOD 97-10): every IBAN built with its check digits is
 * accepted and round-trips through its written form; a single changed character or two adjacent
 * characters swapped are always rejected; masking shows at most the country code and 4 characters.
 */
class IbanPropertiesTest {
  /** Countries whose BBAN is all digits, so that every substitution below stays in its class. */
  private static final String[] NUMERIC_COUNTRIES = {
    "DE", "AT", "BE", "FI", "NL", "ES", "SE", "SK", "CZ", "PL", "HU", "PT", "SI", "DK", "NO", "EE",
    "LT", "HR"
  };

  @Provide
  Arbitrary<String> ibans() {
    Arbitrary<String> country = Arbitraries.of(NUMERIC_COUNTRIES);
    return country.flatMap(
        c -> {
          int bbanLength = Iban.LENGTHS.get(c) - 4;
          if (c.equals("NL")) {
            // NL has a 4-letter bank code
            return Combinators.combine(
                    Arbitraries.strings().withCharRange('A', 'Z').ofLength(4),
                    Arbitraries.strings().numeric().ofLength(bbanLength - 4))
                .as((bank, account) -> withCheckDigits(c, bank + account));
          }
          return Arbitraries.strings()
              .numeric()
              .ofLength(bbanLength)
              .map(bban -> withCheckDigits(c, bban));
        });
  }

  private static String withCheckDigits(String country, String bban) {
    return country + Iban.checkDigits(country, bban) + bban;
  }

  /** The IBAN as people write it: groups of four, any case. */
  private static String written(String iban, boolean lower) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < iban.length(); i++) {
      if (i > 0 && i % 4 == 0) {
        out.append(' ');
      }
      out.append(iban.charAt(i));
    }
    return lower ? out.toString().toLowerCase() : out.toString();
  }

  @Property
  void validIbansRoundTrip(@ForAll("ibans") String iban, @ForAll boolean lower) {
    Iban parsed = Iban.of(written(iban, lower));
    assertEquals(iban, parsed.value());
    assertEquals(parsed, Iban.of(parsed.value()));
  }

  @Property
  void anySingleCharacterChangeIsRejected(
      @ForAll("ibans") String iban,
      @ForAll @IntRange(min = 0, max = 1000) int where,
      @ForAll @IntRange(min = 1, max = 35) int shift) {
    int position = where % iban.length();
    char original = iban.charAt(position);
    char changed;
    if (Character.isLetter(original)) {
      changed = (char) ('A' + (original - 'A' + shift % 26 + (shift % 26 == 0 ? 1 : 0)) % 26);
    } else {
      changed = (char) ('0' + (original - '0' + shift % 10 + (shift % 10 == 0 ? 1 : 0)) % 10);
    }
    String mutated = iban.substring(0, position) + changed + iban.substring(position + 1);
    assertFalse(Iban.isValid(mutated), "changed at " + position);
  }

  @Property
  void anyAdjacentTranspositionIsRejected(
      @ForAll("ibans") String iban, @ForAll @IntRange(min = 0, max = 1000) int where) {
    int position = where % (iban.length() - 1);
    char a = iban.charAt(position);
    char b = iban.charAt(position + 1);
    if (a == b) {
      return;
    }
    String swapped = iban.substring(0, position) + b + a + iban.substring(position + 2);
    assertFalse(Iban.isValid(swapped), "swapped at " + position);
  }

  @Property
  void maskingNeverShowsMoreThanTheCountryAndFourTrailingCharacters(@ForAll("ibans") String iban) {
    String masked = Iban.of(iban).masked();
    assertEquals(iban.length(), masked.length());
    assertEquals(iban.substring(0, 2), masked.substring(0, 2));
    assertEquals(iban.substring(iban.length() - 4), masked.substring(masked.length() - 4));
    assertTrue(masked.substring(2, masked.length() - 4).chars().allMatch(ch -> ch == '*'));
    assertEquals(masked, Iban.of(iban).toString());
  }

  @Property
  void maskOfAnyTextShowsAtMostSixCharacters(@ForAll String text) {
    String masked = Iban.mask(text);
    assertTrue(masked.chars().filter(ch -> ch != '*').count() <= 6);
    assertEquals(text.length(), masked.length());
  }
}
