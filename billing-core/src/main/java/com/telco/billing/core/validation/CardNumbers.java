package com.telco.billing.core.validation;

import java.util.regex.Pattern;

/**
 * Recognises primary account numbers (card numbers) in any text so that they are refused before
 * they can be stored, logged or echoed (docs/input-contract.md, "Card numbers").
 *
 * <p>A card number is 13 to 19 digits that pass the Luhn check, written either
 *
 * <ul>
 *   <li>as one run of digits, wherever it stands: {@code 4111111111111111}, {@code
 *       tok_4111111111111111}, {@code x4111111111111111y}; or
 *   <li>in groups of 1 to {@value #MAX_GROUP} digits joined by one separator character that is the
 *       same throughout: {@code 4111 1111 1111 1111}, {@code 4111-1111-1111-1111}, {@code
 *       3782.822463.10005}, {@code 4/1/1/1/...}. Any consecutive groups of such a chain count, so a
 *       card number inside a longer chain is found too.
 * </ul>
 *
 * <p>Runs longer than 19 digits are not card numbers, and a chain with changing separators (a time
 * stamp such as {@code 2026-12-03 10:15:00}) or with a group longer than {@value #MAX_GROUP} digits
 * is not read as one number: those are what ids and dates look like, and card numbers are written
 * in groups of 4 to 6.
 *
 * <p>A chain written right after a {@code +} with at most {@value #MAX_PHONE_DIGITS} digits in all
 * ({@code +4915112345678}, {@code +49 151 12345678}) is a telephone number in E.164 form, not a
 * card number: card numbers are never written with a {@code +}, and one in ten telephone numbers of
 * 13 to 15 digits passes the Luhn check. Without the {@code +} such a number cannot be told from a
 * card number and is found like one; fields that hold service numbers by nature (MSISDNs, IMSIs)
 * are exempt from the card rule and keep their own strict format instead ({@link
 * TextRules#checkCharacters}).
 *
 * <p>A UUID ({@code 971f881b-b4e4-3999-8936-8271ca297512}) is an id, not a card number, although
 * its hex groups may hold a chain of digits that passes the Luhn check ({@code 4-3999-8936-8271}).
 */
public final class CardNumbers {
  private CardNumbers() {}

  static final int MIN_DIGITS = 13;
  static final int MAX_DIGITS = 19;

  /** Longest group of a card number written with separators (Amex: 4-6-5). */
  static final int MAX_GROUP = 6;

  /** Most digits of a telephone number (E.164). */
  static final int MAX_PHONE_DIGITS = 15;

  /** Whether the whole text is one card number (digits with optional separators). */
  public static boolean looksLikeCardNumber(String text) {
    return text != null && digitsOnlyWithSeparators(text.strip()) && containsCardNumber(text);
  }

  private static final Pattern UUID =
      Pattern.compile(
          "(?<![0-9A-Fa-f])[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}"
              + "(?![0-9A-Fa-f])");

  /** Whether the text holds a card number anywhere. */
  public static boolean containsCardNumber(String text) {
    if (text == null || !enoughDigits(text)) {
      return false;
    }
    if (text.indexOf('-') >= 0 && UUID.matcher(text).find()) {
      // a UUID stands alone: what is around it is still read
      return containsCardNumber(UUID.matcher(text).replaceAll(" "));
    }
    int length = text.length();
    int[] groupStarts = new int[length];
    int[] groupEnds = new int[length];
    int i = 0;
    while (i < length) {
      if (!isAsciiDigit(text.charAt(i))) {
        i++;
        continue;
      }
      // A chain: groups of digits, each pair joined by the same single separator.
      int groups = 0;
      char separator = 0;
      int pos = i;
      while (true) {
        int start = pos;
        while (pos < length && isAsciiDigit(text.charAt(pos))) {
          pos++;
        }
        groupStarts[groups] = start;
        groupEnds[groups] = pos;
        groups++;
        if (pos + 1 < length
            && isSeparator(text.charAt(pos))
            && (separator == 0 || text.charAt(pos) == separator)
            && isAsciiDigit(text.charAt(pos + 1))) {
          separator = text.charAt(pos);
          pos++;
        } else {
          break;
        }
      }
      boolean phoneNumber =
          i > 0
              && text.charAt(i - 1) == '+'
              && digitCount(groupStarts, groupEnds, groups) <= MAX_PHONE_DIGITS;
      if (!phoneNumber && chainHoldsCard(text, groupStarts, groupEnds, groups)) {
        return true;
      }
      i = pos;
    }
    return false;
  }

  private static boolean chainHoldsCard(String text, int[] starts, int[] ends, int groups) {
    for (int first = 0; first < groups; first++) {
      int firstLength = ends[first] - starts[first];
      if (firstLength >= MIN_DIGITS
          && firstLength <= MAX_DIGITS
          && luhnValid(text, starts, ends, first, first)) {
        return true;
      }
      if (firstLength > MAX_GROUP) {
        continue;
      }
      int digits = firstLength;
      for (int last = first + 1; last < groups; last++) {
        int groupLength = ends[last] - starts[last];
        if (groupLength > MAX_GROUP) {
          break;
        }
        digits += groupLength;
        if (digits > MAX_DIGITS) {
          break;
        }
        if (digits >= MIN_DIGITS && luhnValid(text, starts, ends, first, last)) {
          return true;
        }
      }
    }
    return false;
  }

  private static int digitCount(int[] starts, int[] ends, int groups) {
    int digits = 0;
    for (int g = 0; g < groups; g++) {
      digits += ends[g] - starts[g];
    }
    return digits;
  }

  private static boolean enoughDigits(String text) {
    int digits = 0;
    for (int i = 0; i < text.length(); i++) {
      if (isAsciiDigit(text.charAt(i)) && ++digits >= MIN_DIGITS) {
        return true;
      }
    }
    return false;
  }

  private static boolean digitsOnlyWithSeparators(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isAsciiDigit(c) && !isSeparator(c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** White space and punctuation join digits; letters and everything else end a run. */
  private static boolean isSeparator(char c) {
    return c == ' '
        || c == '\u00a0'
        || (c < 128 && !Character.isLetterOrDigit(c) && !Character.isISOControl(c));
  }

  /** Whether {@code digits} (ASCII digits only) pass the Luhn check. */
  public static boolean luhnValid(String digits) {
    return luhnValid(digits, new int[] {0}, new int[] {digits.length()}, 0, 0);
  }

  /** The Luhn check over the digits of groups {@code first..last}. */
  private static boolean luhnValid(String text, int[] starts, int[] ends, int first, int last) {
    int sum = 0;
    boolean doubleIt = false;
    for (int g = last; g >= first; g--) {
      for (int i = ends[g] - 1; i >= starts[g]; i--) {
        int d = text.charAt(i) - '0';
        if (doubleIt) {
          d *= 2;
          if (d > 9) {
            d -= 9;
          }
        }
        sum += d;
        doubleIt = !doubleIt;
      }
    }
    return sum % 10 == 0;
  }
}
