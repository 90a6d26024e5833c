package com.telco.billing.protocol.adjustment;

import com.telco.billing.protocol.CborSerializable;
import java.util.List;

/** The one-off charges of an account, pending and billed, oldest first. */
public record ChargeList(String accountId, List<ChargeView> charges) implements CborSerializable {
  public ChargeList {
    charges = List.copyOf(charges);
  }
}
