package com.telco.billing.protocol.payment;

import com.telco.billing.protocol.CborSerializable;

/**
 * What the payment gateway answered a charge or a refund the account asked for (delivered by the
 * account to itself).
 *
 * @param status what happened; {@code UNKNOWN}: no answer could be had, try again with the same key
 * @param gatewayId the PaymentIntent or refund id, or {@code null}
 * @param code a decline or failure code, or {@code null}
 * @param hard whether a decline is hard (never retried)
 */
public record GatewayAnswer(Status status, String gatewayId, String code, boolean hard)
    implements CborSerializable {

  /** Outcome of a gateway call. */
  public enum Status {
    SUCCEEDED,
    PROCESSING,
    DECLINED,
    FAILED,
    UNKNOWN
  }
}
