package com.telco.billing.node.payment.gateway;

import java.util.concurrent.CompletionStage;

/** The payment gateway as the account entity sees it. */
public interface PaymentGateway {
  CompletionStage<ChargeOutcome> charge(ChargeRequest request);

  CompletionStage<IntentView> retrieve(String intentId);

  CompletionStage<RefundOutcome> refund(RefundRequest request);
}
