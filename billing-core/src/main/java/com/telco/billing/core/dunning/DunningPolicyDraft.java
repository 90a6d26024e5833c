package com.telco.billing.core.dunning;

import java.math.BigDecimal;
import java.util.List;

/**
 * A dunning policy as a client publishes it ({@code POST /dunning-policies}), before validation:
 * every field may be missing or wrong, and the field names are the JSON names. {@link
 * DunningPolicyRules#validate} turns it into a {@link DunningPolicy} or reports every problem with
 * its JSON path (docs/dunning.md, "Policies").
 *
 * @param policyId the policy's id; publishing under the same id makes a new version
 * @param legalEntity the legal entity whose accounts it applies to
 * @param segment optional: the customer segment it applies to
 * @param minimumOverdue the overdue amount per currency from which an account is dunned
 * @param steps the steps, in order of strictly increasing day
 * @param lateFee the fee of the {@code late_fee} steps; required when a step takes that action
 */
public record DunningPolicyDraft(
    String policyId,
    String legalEntity,
    String segment,
    List<AmountDraft> minimumOverdue,
    List<StepDraft> steps,
    LateFeeDraft lateFee) {

  /**
   * An amount in a currency: {@code {"unit": "EUR", "value": 5.00}}.
   *
   * @param unit an ISO 4217 code
   * @param value an exact decimal with at most the currency's minor units
   */
  public record AmountDraft(String unit, BigDecimal value) {}

  /**
   * A step.
   *
   * @param name unique in the policy
   * @param day days past due, 1..{@value DunningPolicyRules#MAX_DAY}
   * @param actions the actions' wire names ({@code reminder}, {@code late_fee}, ...)
   */
  public record StepDraft(String name, Integer day, List<String> actions) {}

  /**
   * The late fee: either {@code fixed} amounts or a {@code percent} of the overdue amount.
   *
   * @param fixed a positive amount per currency of {@code minimumOverdue}
   * @param percent more than 0, at most 100, at most 4 decimals
   * @param taxCategory the tax category of the fee's invoice line (as in the catalog's tax table)
   * @param description optional text of the fee's invoice line
   */
  public record LateFeeDraft(
      List<AmountDraft> fixed, BigDecimal percent, String taxCategory, String description) {}
}
