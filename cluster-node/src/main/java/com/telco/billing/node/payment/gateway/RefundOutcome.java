package com.telco.billing.node.payment.gateway;

public sealed interface RefundOutcome {
  record Succeeded(String gatewayRefundId) implements RefundOutcome {}

  record Pending(String gatewayRefundId) implements RefundOutcome {}

  record Failed(String code) implements RefundOutcome {}

  record Unknown(String reason) implements RefundOutcome {}
}
