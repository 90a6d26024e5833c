package com.telco.billing.node.payment.gateway;

public sealed interface ChargeOutcome {
  record Succeeded(String intentId, long amountMinor) implements ChargeOutcome {}

  record Processing(String intentId) implements ChargeOutcome {}

  record Declined(String intentId, String code, String declineCode, boolean hard)
      implements ChargeOutcome {}

  record Unknown(String reason) implements ChargeOutcome {}
}
