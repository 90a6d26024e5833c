package com.telco.billing.protocol.payment;

import com.telco.billing.protocol.CborSerializable;
import java.util.Objects;

/**
 * A payment gateway event for one account, verified and parsed by the webhook route.
 *
 * @param eventId the gateway's event id (deliveries are deduplicated by it)
 * @param kind what happened
 * @param paymentId our payment id from the intent's metadata, or {@code null}
 * @param invoiceNumber the invoice from the intent's metadata, or {@code null}
 * @param intentId the PaymentIntent id
 * @param amountMinor the amount in minor units, or 0
 * @param code a decline or failure code, or {@code null}
 * @param hard whether a decline is hard
 * @param objectId the gateway's refund or dispute id, or {@code null}
 * @param refundId our refund id from a refund's metadata, or {@code null} (a refund made at the
 *     gateway itself)
 */
public record GatewayNotice(
    String eventId,
    Kind kind,
    String paymentId,
    String invoiceNumber,
    String intentId,
    long amountMinor,
    String code,
    boolean hard,
    String objectId,
    String refundId)
    implements CborSerializable {

  /** The gateway events the account acts on. */
  public enum Kind {
    PAYMENT_PROCESSING,
    PAYMENT_SUCCEEDED,
    PAYMENT_FAILED,
    REFUND_SUCCEEDED,
    REFUND_FAILED,
    DISPUTE_CREATED,
    DISPUTE_WON,
    DISPUTE_LOST
  }

  public GatewayNotice {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(kind, "kind");
  }
}
