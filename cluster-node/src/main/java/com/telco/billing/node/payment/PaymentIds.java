package com.telco.billing.node.payment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ids of payments and refunds. They name their account ({@code PAY-<16 hex>-<account id>}, {@code
 * RF-<16 hex>-<account id>}) so a read by id goes straight to the account; the hex part is a digest
 * of what makes them unique (an idempotency key, a collection attempt), so the same request always
 * gets the same id.
 */
public final class PaymentIds {
  private PaymentIds() {}

  private static final Pattern PAYMENT = Pattern.compile("PAY-[0-9a-f]{16}-(.{1,64})");
  private static final Pattern REFUND = Pattern.compile("RF-[0-9a-f]{16}-(.{1,64})");

  /** The payment recorded under idempotency key {@code key} for {@code accountId}. */
  public static String manualPayment(String accountId, String key) {
    return "PAY-" + digest("payment|" + accountId + "|" + key) + "-" + accountId;
  }

  /** The payment of collection attempt {@code attempt} of an invoice. */
  public static String collection(String accountId, String invoiceNumber, int attempt) {
    return "PAY-"
        + digest("collection|" + accountId + "|" + invoiceNumber + "|" + attempt)
        + "-"
        + accountId;
  }

  /** The payment of the direct debit of an invoice. */
  public static String directDebit(String accountId, String invoiceNumber) {
    return "PAY-" + digest("direct-debit|" + accountId + "|" + invoiceNumber) + "-" + accountId;
  }

  /** The end-to-end id of the direct debit of an invoice (35 characters at most). */
  public static String endToEndId(String accountId, String invoiceNumber) {
    return "DD" + digest("e2e|" + accountId + "|" + invoiceNumber).toUpperCase();
  }

  /** The refund made under idempotency key {@code key} of payment {@code paymentId}. */
  public static String refund(String accountId, String paymentId, String key) {
    return "RF-" + digest("refund|" + paymentId + "|" + key) + "-" + accountId;
  }

  /** The account a payment id names, if it is one. */
  public static Optional<String> accountOfPayment(String paymentId) {
    Matcher m = PAYMENT.matcher(paymentId);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** The account a refund id names, if it is one. */
  public static Optional<String> accountOfRefund(String refundId) {
    Matcher m = REFUND.matcher(refundId);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** The first 16 hex digits of SHA-256 of {@code text}. */
  public static String digest(String text) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }
}
