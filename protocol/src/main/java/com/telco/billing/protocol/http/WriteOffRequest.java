package com.telco.billing.protocol.http;

import com.telco.billing.core.validation.Validated;
import com.telco.billing.core.validation.Validator;

/**
 * Body of {@code POST /invoices/{number}/write-off}: why what the invoice still owes is given up
 * (docs/adjustments.md).
 *
 * @param reason at most 500 characters
 */
public record WriteOffRequest(String reason) {

  public Validated<Valid> validate() {
    Validator v = new Validator();
    v.requireFreeText(reason, "reason", DisputeRequest.MAX_REASON_LENGTH);
    if (!v.isValid()) {
      return Validated.invalid(v.errors());
    }
    return Validated.valid(new Valid(reason.strip()));
  }

  /** A validated write-off. */
  public record Valid(String reason) {
    public String fingerprint() {
      return reason;
    }
  }
}
