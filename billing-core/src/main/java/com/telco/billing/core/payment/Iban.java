package com.telco.billing.core.payment;

import com.telco.billing.core.validation.FieldError;
import com.telco.billing.core.validation.Validated;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An International Bank Account Number (ISO 13616), normalised (no spaces, upper case) and checked:
 * a known country code, that country's length, only letters and digits, and the ISO 7064 MOD 97-10
 * check digits (the number read as digits, letters as 10..35, after moving the first four
 * characters to the end, is 1 modulo 97).
 *
 * <p>An IBAN identifies a person's bank account: {@link #toString()} is {@link #masked()}, so that
 * no log line or exception message ever carries it; {@link #value()} is only for the pain.008 file.
 */
public final class Iban {
  /** Error code of an IBAN that is absent or fails any check. */
  public static final String INVALID = "iban_invalid";

  /**
   * Lengths of the IBANs of the SEPA scheme's countries and territories (the EPC's list) and a few
   * frequent others, per ISO 13616's registry.
   */
  static final Map<String, Integer> LENGTHS =
      Map.ofEntries(
          Map.entry("AD", 24),
          Map.entry("AT", 20),
          Map.entry("BE", 16),
          Map.entry("BG", 22),
          Map.entry("CH", 21),
          Map.entry("CY", 28),
          Map.entry("CZ", 24),
          Map.entry("DE", 22),
          Map.entry("DK", 18),
          Map.entry("EE", 20),
          Map.entry("ES", 24),
          Map.entry("FI", 18),
          Map.entry("FR", 27),
          Map.entry("GB", 22),
          Map.entry("GI", 23),
          Map.entry("GR", 27),
          Map.entry("HR", 21),
          Map.entry("HU", 28),
          Map.entry("IE", 22),
          Map.entry("IS", 26),
          Map.entry("IT", 27),
          Map.entry("LI", 21),
          Map.entry("LT", 20),
          Map.entry("LU", 20),
          Map.entry("LV", 21),
          Map.entry("MC", 27),
          Map.entry("MT", 31),
          Map.entry("NL", 18),
          Map.entry("NO", 15),
          Map.entry("PL", 28),
          Map.entry("PT", 25),
          Map.entry("RO", 24),
          Map.entry("SE", 24),
          Map.entry("SI", 19),
          Map.entry("SK", 24),
          Map.entry("SM", 27),
          Map.entry("VA", 22),
          // outside SEPA, common in customer data
          Map.entry("TR", 26),
          Map.entry("AE", 23),
          Map.entry("SA", 24),
          Map.entry("IL", 23),
          Map.entry("UA", 29));

  /** Characters after the country code that {@link #masked()} keeps. */
  public static final int VISIBLE_TAIL = 4;

  private final String value;

  private Iban(String value) {
    this.value = value;
  }

  /** Spaces removed, upper case; null stays null. */
  public static String normalise(String raw) {
    return raw == null ? null : raw.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
  }

  /** The IBAN {@code raw} (spaces and case as people write it), or the error {@link #INVALID}. */
  public static Validated<Iban> parse(String raw, String field) {
    Optional<String> problem = problem(normalise(raw));
    if (problem.isPresent()) {
      // the message never repeats the value
      return Validated.invalid(List.of(new FieldError(INVALID, field, field + problem.get())));
    }
    return Validated.valid(new Iban(normalise(raw)));
  }

  /** The IBAN {@code raw}; throws {@link IllegalArgumentException} (without the value) else. */
  public static Iban of(String raw) {
    Validated<Iban> parsed = parse(raw, "iban");
    if (!parsed.isValid()) {
      throw new IllegalArgumentException(parsed.errors().get(0).message());
    }
    return parsed.value();
  }

  /** Whether {@code raw} is a valid IBAN. */
  public static boolean isValid(String raw) {
    return problem(normalise(raw)).isEmpty();
  }

  private static Optional<String> problem(String iban) {
    if (iban == null || iban.isEmpty()) {
      return Optional.of(" is required");
    }
    if (!iban.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
      return Optional.of(" must be letters and digits only");
    }
    if (iban.length() < 4) {
      return Optional.of(" is too short");
    }
    Integer length = LENGTHS.get(iban.substring(0, 2));
    if (length == null) {
      return Optional.of(" must start with a supported country code");
    }
    if (iban.length() != length) {
      return Optional.of(" must have " + length + " characters for its country");
    }
    if (!Character.isDigit(iban.charAt(2)) || !Character.isDigit(iban.charAt(3))) {
      return Optional.of(" must have two check digits after the country code");
    }
    if (mod97(iban) != 1) {
      return Optional.of(" has wrong check digits");
    }
    return Optional.empty();
  }

  /** ISO 7064 MOD 97-10 of the rearranged IBAN, digit by digit (no big integers needed). */
  static int mod97(String iban) {
    String rearranged = iban.substring(4) + iban.substring(0, 4);
    int remainder = 0;
    for (int i = 0; i < rearranged.length(); i++) {
      int digit = Character.digit(rearranged.charAt(i), 36);
      remainder = digit < 10 ? (remainder * 10 + digit) % 97 : (remainder * 100 + digit) % 97;
    }
    return remainder;
  }

  /** The check digits that make {@code country + "00" + bban} valid (for tests and samples). */
  public static String checkDigits(String country, String bban) {
    int remainder = mod97(country + "00" + bban);
    return String.format(java.util.Locale.ROOT, "%02d", 98 - remainder);
  }

  /** The normalised IBAN in full: only for the payment file itself. */
  public String value() {
    return value;
  }

  public String countryCode() {
    return value.substring(0, 2);
  }

  /**
   * The country code, then {@code *} for every hidden character, then the last 4: {@code
   * DE**…3000}.
   */
  public String masked() {
    return mask(value);
  }

  /**
   * Any account number masked as {@link #masked()} does: the first two and the last {@value
   * #VISIBLE_TAIL} characters of a long one, nothing of one of 6 characters or fewer.
   */
  public static String mask(String iban) {
    if (iban == null) {
      return null;
    }
    if (iban.length() <= 2 + VISIBLE_TAIL) {
      return "*".repeat(iban.length());
    }
    return iban.substring(0, 2)
        + "*".repeat(iban.length() - 2 - VISIBLE_TAIL)
        + iban.substring(iban.length() - VISIBLE_TAIL);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Iban other && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value);
  }

  /** Masked: an IBAN never reaches a log. */
  @Override
  public String toString() {
    return masked();
  }
}
