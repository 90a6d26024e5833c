package com.telco.billing.node.payment.gateway;

import java.util.Currency;

/**
 * One collection attempt of an invoice by card or wallet token. {@link StripeGateway} answers a
 * request without a key, token or currency, or with an amount not above zero, without calling the
 * gateway: {@code Unknown} without a key, else a hard {@code Declined} with code {@code
 * invalid_request}.
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
    String paymentId) {}
