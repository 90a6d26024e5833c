package com.telco.billing.protocol.http;

import com.telco.billing.core.validation.Validated;
import com.telco.billing.core.validation.Validator;
import java.util.Map;

/**
 * Body of {@code POST /invoices/{number}/disputes/{disputeId}/resolve} (docs/adjustments.md).
 *
 * @param outcome {@code release} (the amount is owed and chased again) or {@code credit} (the
 *     dispute is upheld and credited by the credit note {@code creditNote} describes; the amount
 *     stays on hold until the invoice's remaining falls by it)
 * @param note optional, at most 500 characters
 * @param creditNote with {@code credit} (and only then): the credit note to issue, as the body of
 *     {@code POST /invoices/{number}/credit-notes} (validated there)
 */
public record DisputeResolutionRequest(String outcome, String note, CreditNoteRequest creditNote) {

  /** A resolution without a credit note. */
  public DisputeResolutionRequest(String outcome, String note) {
    this(outcome, note, null);
  }

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
    if ("credit".equals(outcome)) {
      v.require(
          creditNote != null,
          "required",
          "creditNote",
          "a dispute upheld is credited: creditNote is required with outcome credit");
    } else if (creditNote != null) {
      v.add(
          new com.telco.billing.core.validation.FieldError(
              "invalid_value", "creditNote", "creditNote goes only with outcome credit"));
    }
    if (!v.isValid()) {
      return Validated.invalid(v.errors());
    }
    return Validated.valid(
        new Valid(OUTCOMES.get(outcome), note == null ? null : note.strip(), creditNote));
  }

  /**
   * A validated resolution.
   *
   * @param status the dispute's status after it: {@code released} or {@code upheld}
   * @param creditNote the credit note to issue with {@code upheld}, else {@code null}
   */
  public record Valid(String status, String note, CreditNoteRequest creditNote) {}
}
