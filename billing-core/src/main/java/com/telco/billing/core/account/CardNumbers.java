package com.telco.billing.core.account;

/**
 * Recognises primary account numbers (card numbers) so that they are refused before they can be
 * stored or logged: 13 to 19 digits, optionally separated by spaces or dashes, passing the Luhn
 * check.
 */
public final class CardNumbers {
  private CardNumbers() {}

  public static boolean looksLikeCardNumber(String text) {
    String digits = text.replaceAll("[ -]", "");
    if (digits.length() < 13
        || digits.length() > 19
        || !digits.chars().allMatch(Character::isDigit)) {
      return false;
    }
    return luhnValid(digits);
  }

  static boolean luhnValid(String digits) {
    int sum = 0;
    boolean doubleIt = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (doubleIt) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      doubleIt = !doubleIt;
    }
    return sum % 10 == 0;
  }
}
