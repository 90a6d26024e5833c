package com.telco.billing.node.payment.gateway;

import java.time.Instant;
import java.util.Currency;
import java.util.Map;

/**
 * A verified gateway webhook, typed. Every event has the gateway's event id (deduplicate by it) and
 * type; delivery may repeat an event and may reorder events (a {@code succeeded} before its {@code
 * processing}).
 */
public sealed interface GatewayEvent {
  /** {@code evt_...}, unique per event, the same on every delivery of it. */
  String eventId();

  /** The gateway's type, e.g. {@code payment_intent.succeeded}. */
  String type();

  /** When the gateway created the event. */
  Instant created();

  /**
   * The intent's metadata this node set on it ({@code account_id}, {@code invoice}, {@code
   * payment_id}); each may be null on an intent the node did not create.
   */
  record PaymentRef(String accountId, String invoiceNumber, String paymentId) {
    static PaymentRef of(Map<String, String> metadata) {
      return new PaymentRef(
          metadata.get("account_id"), metadata.get("invoice"), metadata.get("payment_id"));
    }
  }

  /** {@code payment_intent.succeeded}: the money was captured. */
  record PaymentSucceeded(
      String eventId,
      String type,
      Instant created,
      String intentId,
      PaymentRef payment,
      long amountMinor,
      Currency currency)
      implements GatewayEvent {}

  /** {@code payment_intent.processing}: accepted, the result follows. */
  record PaymentProcessing(
      String eventId,
      String type,
      Instant created,
      String intentId,
      PaymentRef payment,
      long amountMinor,
      Currency currency)
      implements GatewayEvent {}

  /**
   * {@code payment_intent.payment_failed}.
   *
   * @param code e.g. {@code card_declined}
   * @param declineCode e.g. {@code insufficient_funds}; may be null
   * @param hard per {@link DeclineCodes}
   */
  record PaymentFailed(
      String eventId,
      String type,
      Instant created,
      String intentId,
      PaymentRef payment,
      long amountMinor,
      Currency currency,
      String code,
      String declineCode,
      boolean hard)
      implements GatewayEvent {}

  /**
   * {@code refund.created}, {@code refund.updated}, {@code refund.failed}: a refund and its status
   * ({@code pending}, {@code succeeded}, {@code failed}, {@code canceled}).
   *
   * @param metadata the refund's metadata ({@code account_id}, {@code payment_id}, {@code
   *     refund_id})
   */
  record RefundUpdated(
      String eventId,
      String type,
      Instant created,
      String gatewayRefundId,
      String intentId,
      long amountMinor,
      Currency currency,
      String status,
      Map<String, String> metadata)
      implements GatewayEvent {
    public RefundUpdated {
      metadata = Map.copyOf(metadata);
    }
  }

  /** {@code charge.dispute.created}: a chargeback; the disputed amount is taken back. */
  record DisputeCreated(
      String eventId,
      String type,
      Instant created,
      String disputeId,
      String intentId,
      long amountMinor,
      Currency currency)
      implements GatewayEvent {}

  /** {@code charge.dispute.closed}: won (the money is restored) or lost. */
  record DisputeClosed(
      String eventId,
      String type,
      Instant created,
      String disputeId,
      String intentId,
      long amountMinor,
      Currency currency,
      boolean won)
      implements GatewayEvent {}

  /** Any other type: acknowledge, nothing to do. */
  record Other(String eventId, String type, Instant created) implements GatewayEvent {}
}
