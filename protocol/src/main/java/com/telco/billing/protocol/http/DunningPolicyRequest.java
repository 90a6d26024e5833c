package com.telco.billing.protocol.http;

import com.telco.billing.core.dunning.DunningPolicy;
import com.telco.billing.core.dunning.DunningPolicyDraft;
import com.telco.billing.core.dunning.DunningPolicyRules;
import com.telco.billing.core.validation.Validated;
import java.math.BigDecimal;
import java.util.List;

/**
 * Body of {@code POST /dunning-policies}: a version of a dunning policy (docs/dunning.md,
 * "Policies"), before validation: every field may be missing or wrong. {@link #validate()} applies
 * {@link DunningPolicyRules} and reports every problem at once with its JSON path ({@code
 * $.steps[2].day}).
 *
 * @param policyId the policy's id; each publication under it makes the next version
 * @param legalEntity the legal entity whose accounts it applies to
 * @param segment optional: the customer segment it applies to (else every account of the legal
 *     entity that no segment policy covers)
 * @param minimumOverdue the overdue amount per currency (TMF Money) from which an account is dunned
 * @param steps the steps by days past due
 * @param lateFee the fee of its {@code late_fee} steps
 */
public record DunningPolicyRequest(
    String policyId,
    String legalEntity,
    String segment,
    List<MoneyDraft> minimumOverdue,
    List<Step> steps,
    LateFee lateFee) {

  /**
   * A step.
   *
   * @param actions wire names: {@code reminder}, {@code payment_retry}, {@code late_fee}, {@code
   *     suspend_service}, {@code terminate}, {@code collections}
   */
  public record Step(String name, Integer day, List<String> actions) {}

  /**
   * The late fee: {@code fixed} amounts per currency or a {@code percent} of the overdue amount.
   */
  public record LateFee(
      List<MoneyDraft> fixed, BigDecimal percent, String taxCategory, String description) {}

  /** The policy (version and publication time not yet given), or every problem of the body. */
  public Validated<DunningPolicy> validate() {
    return DunningPolicyRules.validate(toDraft());
  }

  /** The same document in the terms of the rules. */
  public DunningPolicyDraft toDraft() {
    return new DunningPolicyDraft(
        policyId,
        legalEntity,
        segment,
        amounts(minimumOverdue),
        steps == null
            ? null
            : steps.stream()
                .map(
                    s ->
                        s == null
                            ? null
                            : new DunningPolicyDraft.StepDraft(s.name(), s.day(), s.actions()))
                .toList(),
        lateFee == null
            ? null
            : new DunningPolicyDraft.LateFeeDraft(
                amounts(lateFee.fixed()),
                lateFee.percent(),
                lateFee.taxCategory(),
                lateFee.description()));
  }

  private static List<DunningPolicyDraft.AmountDraft> amounts(List<MoneyDraft> money) {
    return money == null
        ? null
        : money.stream()
            .map(m -> m == null ? null : new DunningPolicyDraft.AmountDraft(m.unit(), m.value()))
            .toList();
  }
}
