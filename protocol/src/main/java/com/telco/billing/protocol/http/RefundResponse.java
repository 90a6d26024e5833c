package com.telco.billing.protocol.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.telco.billing.protocol.payment.RefundView;
import java.time.LocalDate;

/**
 * A refund of a payment (TMF670-style Refund: amount, status, reason, the payment it returns).
 *
 * @param status {@code pending}, {@code succeeded} or {@code failed}
 * @param gatewayRefundId the gateway's refund id, for card refunds
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RefundResponse(
    String id,
    String status,
    MoneyValue amount,
    String reason,
    LocalDate refundDate,
    PaymentRef payment,
    String gatewayRefundId,
    String failureCode,
    @JsonProperty("@type") String type) {

  /** The payment a refund returns. */
  public record PaymentRef(String id, String href) {}

  public static RefundResponse of(RefundView r) {
    return new RefundResponse(
        r.refundId(),
        r.status(),
        MoneyValue.of(r.amount(), r.currency()),
        r.reason(),
        r.date(),
        new PaymentRef(r.paymentId(), PaymentResponse.href(r.paymentId())),
        r.gatewayRefundId(),
        r.failureCode(),
        "Refund");
  }
}
