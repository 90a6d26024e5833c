package com.telco.billing.protocol.http;

import java.util.List;

/** {@code GET /accounts/{id}/payments}: the account's payments, newest first. */
public record PaymentPage(String accountId, List<PaymentResponse> payments) {
  public PaymentPage {
    payments = List.copyOf(payments);
  }
}
