package com.telco.billing.core.validation;

import java.util.Optional;

/**
 * The rules every text field of the API obeys before it can reach an event, a table or a log
 * (docs/input-contract.md, "Text"): well-formed Unicode, no characters that mean nothing in a
 * field, and no card numbers.
 *
 * <ul>
 *   <li>{@value #MALFORMED}: a lone UTF-16 surrogate (a JSON escape such as {@code \ud800} with no
 *       partner), the replacement character U+FFFD (what undecodable bytes become) or a
 *       noncharacter (U+FFFE, U+FFFF, ...). Such a string cannot be written to the journal.
 *   <li>{@value #CONTROL}: control characters (NUL, tab, line breaks, DEL, C1), format characters
 *       (bidirectional overrides and isolates, zero-width spaces, the byte order mark) except the
 *       zero-width joiner and non-joiner that some scripts and emoji need, line and paragraph
 *       separators, private-use and unassigned code points.
 *   <li>{@value #CARD_NUMBER}: {@link CardNumbers#containsCardNumber}.
 * </ul>
 *
 * <p>Messages name the field and the rule, never the submitted value.
 */
public final class TextRules {
  private TextRules() {}

  /** Code of text that is not well-formed Unicode. */
  public static final String MALFORMED = "malformed_text";

  /** Code of text with a character that has no meaning in a field. */
  public static final String CONTROL = "control_character";

  /** Code of text that holds a card number. */
  public static final String CARD_NUMBER = "card_number_not_allowed";

  private static final char ZERO_WIDTH_NON_JOINER = '\u200c';
  private static final char ZERO_WIDTH_JOINER = '\u200d';
  private static final char REPLACEMENT = '\ufffd';

  /**
   * The first rule {@code value} breaks, with {@code field} named, or empty when it is fine (also
   * for null: whether a field is required is its own rule).
   */
  public static Optional<FieldError> check(String value, String field) {
    String code = violation(value, true);
    return code == null ? Optional.empty() : Optional.of(error(code, field));
  }

  /** {@link #check} without the card number rule, for fields that are numbers by nature. */
  public static Optional<FieldError> checkCharacters(String value, String field) {
    String code = violation(value, false);
    return code == null ? Optional.empty() : Optional.of(error(code, field));
  }

  /** Whether {@code value} obeys every rule, so that it may be stored, logged or echoed. */
  public static boolean isClean(String value) {
    return violation(value, true) == null;
  }

  /** Adds the first rule {@code value} breaks to {@code v}; returns whether it was clean. */
  public static boolean require(Validator v, String value, String field) {
    Optional<FieldError> error = check(value, field);
    error.ifPresent(v::add);
    return error.isEmpty();
  }

  /** The code of the first rule broken, or null. */
  static String violation(String value, boolean cards) {
    if (value == null) {
      return null;
    }
    int length = value.length();
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c >= 0x20 && c < 0x7f) {
        continue; // printable ASCII, the common case
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
          int codePoint = Character.toCodePoint(c, value.charAt(i + 1));
          String code = codePointViolation(codePoint);
          if (code != null) {
            return code;
          }
          i++;
          continue;
        }
        return MALFORMED;
      }
      if (Character.isLowSurrogate(c)) {
        return MALFORMED;
      }
      String code = codePointViolation(c);
      if (code != null) {
        return code;
      }
    }
    if (cards && CardNumbers.containsCardNumber(value)) {
      return CARD_NUMBER;
    }
    return null;
  }

  private static String codePointViolation(int codePoint) {
    if (codePoint == REPLACEMENT || isNoncharacter(codePoint)) {
      return MALFORMED;
    }
    if (codePoint == ZERO_WIDTH_JOINER || codePoint == ZERO_WIDTH_NON_JOINER) {
      return null;
    }
    return switch (Character.getType(codePoint)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR,
          Character.PRIVATE_USE,
          Character.UNASSIGNED ->
          CONTROL;
      default -> null;
    };
  }

  private static boolean isNoncharacter(int codePoint) {
    return (codePoint >= 0xfdd0 && codePoint <= 0xfdef) || (codePoint & 0xfffe) == 0xfffe;
  }

  private static FieldError error(String code, String field) {
    String name = field == null ? "the value" : field;
    String message =
        switch (code) {
          case MALFORMED -> name + " is not well-formed Unicode text";
          case CONTROL -> name + " must not contain control, format or unassigned characters";
          default -> name + " must not contain a card number";
        };
    return new FieldError(code, field, message);
  }
}
