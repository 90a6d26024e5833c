package com.telco.billing.protocol.payment;

import com.telco.billing.protocol.CborSerializable;
import java.util.List;

/** An account's payments, newest first. */
public record PaymentList(String accountId, List<PaymentView> payments)
    implements CborSerializable {
  public PaymentList {
    payments = List.copyOf(payments);
  }
}
