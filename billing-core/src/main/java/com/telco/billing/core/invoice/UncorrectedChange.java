package com.telco.billing.core.invoice;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Something an invoice could not correct, for revenue assurance (docs/billing-rules.md,
 * "Corrections of late and backdated changes": nothing older than the look-back is changed
 * silently). Project choices in docs/invoicing.md, "Corrections and the look-back".
 *
 * @param subscriptionId the subscription
 * @param change what changed: {@code ACTIVATED}, {@code OFFERING_CHANGED}, {@code SUSPENDED},
 *     {@code RESUMED} or {@code TERMINATED}
 * @param effectiveDate the date the change took effect
 * @param correctableFrom the first date the invoice could correct; the days from {@code
 *     effectiveDate} up to it are not billed or credited
 * @param reason {@link #BEYOND_LOOK_BACK} (a change no invoice saw, dated before the first date the
 *     invoice corrects) or {@link #NOT_PRICEABLE} (days inside the look-back that no catalog
 *     version prices: no version in effect, or the offering not in it)
 */
public record UncorrectedChange(
    String subscriptionId,
    String change,
    LocalDate effectiveDate,
    LocalDate correctableFrom,
    String reason) {

  /** A change dated before the first date the invoice corrects. */
  public static final String BEYOND_LOOK_BACK = "beyond_look_back";

  /** Days of the look-back that no catalog version prices. */
  public static final String NOT_PRICEABLE = "not_priceable";

  public UncorrectedChange {
    Objects.requireNonNull(subscriptionId, "subscriptionId");
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(effectiveDate, "effectiveDate");
    Objects.requireNonNull(correctableFrom, "correctableFrom");
    Objects.requireNonNull(reason, "reason");
  }
}
