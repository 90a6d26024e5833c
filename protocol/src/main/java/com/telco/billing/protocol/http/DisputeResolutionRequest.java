package com.telco.billing.protocol.http;

import com.telco.billing.core.validation.Validated;
import com.telco.billing.core.validation.Validator;
import java.util.Map;

/**
 * Body of {@code POST /invoices/{number}/disputes/{disputeId}/resolve} (docs/adjustments.md).
 *
 * @param outcome {@code release} (the amount is owed and chased again) or {@code credit} (the
 *     dispute is upheld: finance issues the credit note; the amount stays on hold until the
 *     invoice's remaining falls by it)
 * @param note optional, at most 500 characters
 */
public record DisputeResolutionRequest(String outcome, String note) {

  /** The outcomes of the API and the dispute status each leads to. */
  public static final Map<String, String> OUTCOMES =
      Map.of("release", "released", "credit", "upheld");

  public Validated<Valid> validate() {
    Validator v = new Validator();
    if (v.requireText(outcome, "outcome")) {
      v.require(
          OUTCOMES.containsKey(outcome),
          "invalid_value",
          "outcome",
          "outcome must be release or credit");
    }
    if (note != null) {
      v.requireFreeText(note, "note", DisputeRequest.MAX_REASON_LENGTH);
    }
    if (!v.isValid()) {
      return Validated.invalid(v.errors());
    }
    return Validated.valid(new Valid(OUTCOMES.get(outcome), note == null ? null : note.strip()));
  }

  /**
   * A validated resolution.
   *
   * @param status the dispute's status after it: {@code released} or {@code upheld}
   */
  public record Valid(String status, String note) {}
}
