package com.telco.billing.core.dunning;

import java.util.Locale;
import java.util.Optional;

/**
 * What a dunning step does (docs/billing-rules.md, "Dunning"). The wire name is the lower-case name
 * ({@code reminder}, {@code payment_retry}, ...).
 */
public enum DunningAction {
  /** An email reminder and a {@code dunning.step} notification. */
  REMINDER,
  /** Another collection attempt of the oldest unpaid invoice, by the collection driver. */
  PAYMENT_RETRY,
  /** The policy's late fee, billed once per episode on the next invoice. */
  LATE_FEE,
  /** The account's subscriptions are barred; {@code service.barred} goes to provisioning. */
  SUSPEND_SERVICE,
  /** The account's subscriptions are terminated; the next bill run issues the final invoice. */
  TERMINATE,
  /** The account is handed to a collection agency (listed in the collections export). */
  COLLECTIONS;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The action named {@code wireName}, if there is one. */
  public static Optional<DunningAction> fromWire(String wireName) {
    for (DunningAction action : values()) {
      if (action.wireName().equals(wireName)) {
        return Optional.of(action);
      }
    }
    return Optional.empty();
  }
}
