package com.telco.billing.node.payment.gateway;

import java.util.Currency;
import java.util.Objects;

/**
 * One collection attempt of an invoice by card or wallet token.
 *
 * @param idempotencyKey the attempt's key: every try of this attempt sends it, a new attempt has a
 *     new one
 * @param paymentMethodToken the account's gateway token
 * @param amountMinor the amount in the currency's minor units (cents), greater than zero
 * @param currency the invoice's currency
 * @param accountId metadata {@code account_id} of the intent
 * @param invoiceNumber metadata {@code invoice}
 * @param paymentId metadata {@code payment_id}: the payment this attempt records
 */
public record ChargeRequest(
    String idempotencyKey,
    String paymentMethodToken,
    long amountMinor,
    Currency currency,
    String accountId,
    String invoiceNumber,
    String paymentId) {
  public ChargeRequest {
    requireText(idempotencyKey, "idempotencyKey");
    requireText(paymentMethodToken, "paymentMethodToken");
    Objects.requireNonNull(currency, "currency");
    requireText(accountId, "accountId");
    requireText(invoiceNumber, "invoiceNumber");
    requireText(paymentId, "paymentId");
    if (amountMinor <= 0) {
      throw new IllegalArgumentException("amountMinor must be greater than zero");
    }
  }

  static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
