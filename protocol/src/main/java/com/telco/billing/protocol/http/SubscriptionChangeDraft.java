package com.telco.billing.protocol.http;

import com.telco.billing.core.subscription.SubscriptionChange;
import com.telco.billing.core.subscription.SubscriptionRules;
import com.telco.billing.core.validation.FieldError;
import com.telco.billing.core.validation.Validated;
import com.telco.billing.core.validation.Validator;
import java.time.LocalDate;
import java.util.Locale;

/**
 * A subscription change as order management sends it (built by {@link SubscriptionChangeRequest}
 * from the body and the action in the path), before validation. {@link #validate()} reports every
 * problem at once, naming the field.
 *
 * @param type {@code CHANGE_OFFERING}, {@code SUSPEND}, {@code RESUME} or {@code TERMINATE}, in any
 *     letter case
 * @param effectiveDate ISO {@code yyyy-MM-dd} in the account's zone; may be in the future
 * @param offeringId the new offering, required for {@code CHANGE_OFFERING} and refused ({@code
 *     not_allowed}) for the others
 */
public record SubscriptionChangeDraft(String type, String effectiveDate, String offeringId) {

  /** Checks every field and returns the change or all problems found. */
  public Validated<SubscriptionChange> validate() {
    Validator v = new Validator();
    String kind = null;
    if (v.requireText(type, "type")) {
      String upper = type.strip().toUpperCase(Locale.ROOT);
      boolean known =
          upper.equals("CHANGE_OFFERING")
              || upper.equals("SUSPEND")
              || upper.equals("RESUME")
              || upper.equals("TERMINATE");
      kind = known ? upper : null;
      v.require(
          known,
          "unknown_change_type",
          "type",
          "type must be one of CHANGE_OFFERING, SUSPEND, RESUME, TERMINATE");
    }
    LocalDate date = SubscriptionRules.parseDate(v, effectiveDate, "effectiveDate");
    if ("CHANGE_OFFERING".equals(kind)) {
      SubscriptionRules.requireIdentifier(v, offeringId, "offeringId");
    } else if (kind != null && offeringId != null) {
      v.add(
          new FieldError(
              "not_allowed", "offeringId", "offeringId applies only to type CHANGE_OFFERING"));
    }
    if (!v.isValid()) {
      return Validated.invalid(v.errors());
    }
    SubscriptionChange change =
        switch (kind) {
          case "CHANGE_OFFERING" -> new SubscriptionChange.ChangeOffering(offeringId, date);
          case "SUSPEND" -> new SubscriptionChange.Suspend(date);
          case "RESUME" -> new SubscriptionChange.Resume(date);
          default -> new SubscriptionChange.Terminate(date);
        };
    return Validated.valid(change);
  }
}
