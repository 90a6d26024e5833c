package com.telco.billing.core.creditnote;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Why a credit note credits an invoice (docs/billing-rules.md, "Credit notes and adjustments"). */
public enum CreditReason {
  DUPLICATED_CHARGE,
  PRODUCT_UNSATISFACTORY,
  ORDER_CHANGE,
  ORDER_CANCELLATION,
  FRAUDULENT_CHARGE,
  SERVICE_OUTAGE,
  OTHER;

  /** The wire name, e.g. {@code service_outage}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The reason whose wire name is {@code wire}, if there is one. */
  public static Optional<CreditReason> of(String wire) {
    return Arrays.stream(values()).filter(r -> r.wire().equals(wire)).findFirst();
  }
}
