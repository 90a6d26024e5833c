package com.telco.billing.core.catalog;

import java.util.Arrays;
import java.util.Optional;

/**
 * The lifecycle event that makes a one-time charge due. docs/billing-rules.md, "Recurring and
 * one-time charges; proration": one-time charges are billed on the first invoice whose cycle date
 * is after their trigger date (e.g. the activation date). The triggers are the lifecycle dates of
 * "Periods and time": activation, change, suspension, resumption, termination.
 */
public enum OneTimeTrigger {
  ACTIVATION("activation"),
  CHANGE("change"),
  SUSPENSION("suspension"),
  RESUMPTION("resumption"),
  TERMINATION("termination");

  private final String json;

  OneTimeTrigger(String json) {
    this.json = json;
  }

  /** The value used in catalog documents ({@code trigger}). */
  public String jsonValue() {
    return json;
  }

  /** The trigger named as in the catalog document ({@code "activation"}), if any. */
  public static Optional<OneTimeTrigger> fromJson(String value) {
    return Arrays.stream(values()).filter(t -> t.json.equals(value)).findFirst();
  }
}
