package com.telco.billing.node.payment.gateway;

import java.util.Set;

/**
 * Which declines are hard: retrying the same payment method cannot succeed (stolen or lost card,
 * closed account, wrong number...), so the collection schedule stops for it. Every other decline is
 * soft (insufficient funds, processing errors, "try again later") and is retried on schedule.
 */
public final class DeclineCodes {
  private static final Set<String> HARD =
      Set.of(
          "stolen_card",
          "lost_card",
          "pickup_card",
          "fraudulent",
          "merchant_blacklist",
          "invalid_account",
          "incorrect_number",
          "invalid_number",
          "card_not_supported",
          "currency_not_supported",
          "expired_card",
          "restricted_card",
          "revocation_of_all_authorizations",
          "revocation_of_authorization",
          "security_violation",
          "stop_payment_order",
          "transaction_not_allowed",
          "generic_decline",
          "do_not_honor",
          "do_not_try_again",
          // the gateway refused the request itself: the same request cannot succeed later
          "resource_missing",
          "payment_method_invalid_parameter",
          "parameter_invalid_integer",
          "amount_too_small",
          "amount_too_large");

  private DeclineCodes() {}

  /**
   * Whether a decline is hard.
   *
   * @param code the gateway's error code (e.g. {@code card_declined}, {@code expired_card})
   * @param declineCode the issuer's reason; decides when present
   */
  public static boolean isHard(String code, String declineCode) {
    if (declineCode != null && !declineCode.isBlank()) {
      return HARD.contains(declineCode);
    }
    return code != null && HARD.contains(code);
  }
}
