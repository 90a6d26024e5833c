package com.telco.billing.node.security;

import com.telco.billing.core.subscription.ServiceId;
import com.telco.billing.core.validation.CardNumbers;
import java.util.Collection;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the node writes to its logs instead of personal data and secrets (docs/operations.md,
 * "Logs"): service numbers, bearer tokens, API key secrets, IBANs and card numbers keep at most
 * their last {@value #KEEP} characters, which is enough to tell two of them apart in an incident
 * and too little to use one.
 *
 * <p>Log statements mask the values they know to be such ({@link #serviceId}, {@link
 * #authorization}); {@link #text} is the safety net of the log layout ({@code
 * logging.MaskingMessageConverter}) for what reaches a message anyway, e.g. inside a refusal's
 * message or a value's {@code toString}.
 */
public final class Masking {
  private Masking() {}

  /** Characters kept at the end of a masked value. */
  public static final int KEEP = 4;

  private static final String MASK = "****";

  /**
   * Credentials of an {@code Authorization} header: scheme, then the token, which holds a digit or
   * a dot (a JWT, {@code <id>.<secret>}): "bearer tokens are refused" is a sentence, not a token.
   */
  private static final Pattern CREDENTIALS =
      Pattern.compile(
          "(?i)\\b(Bearer|ApiKey)(\\s+|=|:\\s*)(?=[A-Za-z_~+/=-]*[0-9.])([A-Za-z0-9._~+/=-]+)");

  /** An E.164 telephone number: '+', a non-zero digit, 7 to 15 digits in all. */
  private static final Pattern E164 = Pattern.compile("(?<![0-9])\\+[1-9][0-9]{6,14}(?![0-9])");

  /** An IMSI or MSISDN named by its type, as in a guiding key ({@code IMSI:262011234567890}). */
  private static final Pattern TYPED_SERVICE_ID =
      Pattern.compile("(?i)\\b(MSISDN|IMSI)([:= ]\\s*|, value=)(\\+?)([0-9]{7,15})(?![0-9])");

  /** An IBAN: country, check digits, then 11 to 30 letters and digits, maybe in groups of four. */
  private static final Pattern IBAN =
      Pattern.compile("\\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\\b");

  /** 13 to 19 digits, maybe joined by single spaces or dashes: a card number when Luhn-valid. */
  private static final Pattern DIGIT_CHAIN =
      Pattern.compile("(?<![0-9])[0-9](?:[ -]?[0-9]){12,18}(?![0-9])");

  /** IMSIs are 15 digits and are masked even when they do not pass the Luhn check. */
  private static final int IMSI_DIGITS = 15;

  /**
   * {@code value} as {@code ****} and its last {@link #KEEP} characters (only {@code ****} when it
   * is not longer than that): neither the value nor its length can be read back; null stays null.
   */
  public static String keepLast(String value) {
    if (value == null) {
      return null;
    }
    return value.length() > KEEP ? MASK + value.substring(value.length() - KEEP) : MASK;
  }

  /**
   * A service identifier for a log: its type and the end of its number, {@code MSISDN ****5678}.
   */
  public static String serviceId(ServiceId serviceId) {
    return serviceId == null ? "null" : serviceId.type() + " " + keepLast(serviceId.value());
  }

  /** Service identifiers for a log, {@code [MSISDN ****5678, IMSI ****7890]}. */
  public static String serviceIds(Collection<ServiceId> serviceIds) {
    return serviceIds == null
        ? "null"
        : serviceIds.stream().map(Masking::serviceId).collect(Collectors.joining(", ", "[", "]"));
  }

  private static String credential(String scheme, String token) {
    int dot = token.indexOf('.');
    if ("apikey".equals(scheme.toLowerCase(Locale.ROOT)) && dot > 0) {
      return token.substring(0, dot + 1) + MASK;
    }
    return keepLast(token);
  }

  /**
   * Free text (a log message) with every credential after {@code Bearer} or {@code ApiKey}, every
   * E.164 number, every MSISDN or IMSI named by its type, every IBAN and every digit chain of 13 to
   * 19 digits that passes the Luhn check (or has the 15 digits of an IMSI) masked. Text without any
   * of them is returned as it is, at the cost of one scan.
   */
  public static String text(String text) {
    if (text == null || !mayHoldSecret(text)) {
      return text;
    }
    String masked = replace(text, CREDENTIALS, m -> m.group(1) + m.group(2) + credential(m));
    masked =
        replace(
            masked,
            TYPED_SERVICE_ID,
            m -> m.group(1) + m.group(2) + m.group(3) + keepLast(m.group(4)));
    masked = replace(masked, E164, m -> keepLast(m.group()));
    masked = replace(masked, IBAN, m -> keepLast(m.group()));
    return replace(masked, DIGIT_CHAIN, Masking::digitChain);
  }

  private static String credential(Matcher m) {
    return credential(m.group(1), m.group(3));
  }

  private static String digitChain(Matcher m) {
    String chain = m.group();
    String digits = chain.replace(" ", "").replace("-", "");
    return CardNumbers.luhnValid(digits) || digits.length() == IMSI_DIGITS
        ? keepLast(chain)
        : chain;
  }

  /**
   * Whether {@code text} may hold something {@link #text} masks: seven digits or more, or a word
   * that starts credentials. Most log lines hold neither.
   */
  private static boolean mayHoldSecret(String text) {
    int digits = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        if (++digits >= 7) {
          return true;
        }
      } else if ((c == 'b' || c == 'B' || c == 'a' || c == 'A') && startsCredentials(text, i)) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsCredentials(String text, int i) {
    return text.regionMatches(true, i, "bearer", 0, 6)
        || text.regionMatches(true, i, "apikey", 0, 6);
  }

  private static String replace(
      String text, Pattern pattern, Function<Matcher, String> replacement) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    do {
      m.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(m)));
    } while (m.find());
    m.appendTail(out);
    return out.toString();
  }
}
