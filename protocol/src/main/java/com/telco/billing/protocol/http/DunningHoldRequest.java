package com.telco.billing.protocol.http;

import com.telco.billing.core.validation.PlausibleDates;
import com.telco.billing.core.validation.Validated;
import com.telco.billing.core.validation.Validator;
import java.time.LocalDate;

/**
 * Body of {@code POST /accounts/{id}/dunning/hold}: dunning steps pause until {@code until}
 * (inclusive, a date of the account's zone) for {@code reason}. Every field may be missing or wrong
 * until {@link #validate()}.
 */
public record DunningHoldRequest(String until, String reason) {

  /** Longest reason accepted. */
  public static final int MAX_REASON_LENGTH = 500;

  /** A checked hold request. */
  public record Valid(LocalDate until, String reason) {}

  /** Checks every field and returns the hold or all problems found. */
  public Validated<Valid> validate() {
    Validator v = new Validator();
    LocalDate end = null;
    if (v.requireText(until, "until")) {
      end = PlausibleDates.parse(v, until, "until");
    }
    v.requireFreeText(reason, "reason", MAX_REASON_LENGTH);
    if (!v.isValid()) {
      return Validated.invalid(v.errors());
    }
    return Validated.valid(new Valid(end, reason.strip()));
  }
}
