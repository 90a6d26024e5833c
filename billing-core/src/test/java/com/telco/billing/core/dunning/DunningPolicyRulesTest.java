package com.telco.billing.core.dunning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.dunning.DunningPolicyDraft.AmountDraft;
import com.telco.billing.core.dunning.DunningPolicyDraft.LateFeeDraft;
import com.telco.billing.core.dunning.DunningPolicyDraft.StepDraft;
import com.telco.billing.core.validation.FieldError;
import com.telco.billing.core.validation.Validated;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DunningPolicyRulesTest {
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final Currency JPY = Currency.getInstance("JPY");

  private static AmountDraft amount(String unit, String value) {
    return new AmountDraft(unit, value == null ? null : new BigDecimal(value));
  }

  private static StepDraft step(String name, Integer day, String... actions) {
    return new StepDraft(name, day, Arrays.asList(actions));
  }

  private static final List<AmountDraft> MINIMUM =
      List.of(amount("EUR", "5.00"), amount("JPY", "500"));

  private static final List<StepDraft> STEPS =
      List.of(
          step("reminder-1", 3, "reminder"),
          step("reminder-2", 10, "reminder", "late_fee"),
          step("suspend", 21, "suspend_service"),
          step("terminate", 45, "terminate", "collections"));

  private static final LateFeeDraft FIXED_FEE =
      new LateFeeDraft(
          List.of(amount("EUR", "5"), amount("JPY", "500")), null, "STANDARD", "Late fee");

  private static DunningPolicyDraft draft(
      List<AmountDraft> minimum, List<StepDraft> steps, LateFeeDraft fee) {
    return new DunningPolicyDraft("standard", "DEFAULT", null, minimum, steps, fee);
  }

  private static List<FieldError> problems(DunningPolicyDraft draft) {
    Validated<DunningPolicy> result = DunningPolicyRules.validate(draft);
    assertFalse(result.isValid(), "expected problems");
    return result.errors();
  }

  private static List<String> codesAndFields(DunningPolicyDraft draft) {
    return problems(draft).stream().map(e -> e.code() + " " + e.field()).toList();
  }

  @Test
  void theSamplePolicyIsValid() {
    DunningPolicy policy = DunningPolicyRules.validate(draft(MINIMUM, STEPS, FIXED_FEE)).value();
    assertEquals("standard", policy.policyId());
    assertEquals(DunningPolicyRules.UNPUBLISHED, policy.version());
    assertEquals("DEFAULT", policy.legalEntity());
    assertNull(policy.segment());
    assertNull(policy.publishedAt());
    assertEquals(0, new BigDecimal("5.00").compareTo(policy.minimumFor(EUR).orElseThrow()));
    assertEquals(2, policy.minimumOverdue().get(EUR).scale(), "kept with the minor units");
    assertEquals(0, policy.minimumOverdue().get(JPY).scale());
    assertEquals(4, policy.steps().size());
    assertEquals(
        List.of(DunningAction.TERMINATE, DunningAction.COLLECTIONS),
        policy.steps().get(3).actions());
    assertEquals(10, policy.steps().get(1).day());
    assertFalse(policy.lateFee().isPercentage());
    assertEquals(new BigDecimal("5.00"), policy.lateFee().fixed().get(EUR));
    assertEquals("STANDARD", policy.lateFee().taxCategory());
  }

  @Test
  void aPercentageFeeWithoutDescriptionTakesTheDefaultText() {
    LateFeeDraft percent = new LateFeeDraft(null, new BigDecimal("2.500"), "STANDARD", null);
    DunningPolicy policy = DunningPolicyRules.validate(draft(MINIMUM, STEPS, percent)).value();
    assertTrue(policy.lateFee().isPercentage());
    assertEquals(new BigDecimal("2.5"), policy.lateFee().percent());
    assertEquals(DunningPolicyRules.DEFAULT_FEE_DESCRIPTION, policy.lateFee().description());
    assertEquals(Map.of(), policy.lateFee().fixed());
  }

  @Test
  void aPolicyWithoutLateFeeStepNeedsNoFee() {
    var steps = List.of(step("remind", 7, "reminder"), step("suspend", 30, "suspend_service"));
    DunningPolicy policy =
        DunningPolicyRules.validate(
                new DunningPolicyDraft("business", "ENT-1", "business", MINIMUM, steps, null))
            .value();
    assertNull(policy.lateFee());
    assertEquals("business", policy.segment());
  }

  @Test
  void everyProblemOfTheHeaderIsListed() {
    var draft = new DunningPolicyDraft(" bad id", "default", "no spaces!", null, STEPS, FIXED_FEE);
    assertEquals(
        List.of(
            "invalid_format $.policyId",
            "invalid_format $.legalEntity",
            "invalid_format $.segment",
            "required $.minimumOverdue"),
        codesAndFields(draft));
  }

  @Test
  void missingFieldsAreRequired() {
    assertEquals(
        List.of(
            "required $.policyId",
            "required $.legalEntity",
            "required $.minimumOverdue",
            "required $.steps"),
        codesAndFields(new DunningPolicyDraft(null, null, null, List.of(), null, null)));
    assertEquals(List.of("required $"), codesAndFields(null));
  }

  @Test
  void minimumAmountsAreCheckedOneByOne() {
    var minimum =
        Arrays.asList(
            amount("EUR", "5.001"),
            amount("XYZ", "5"),
            amount("USD", "-1"),
            amount("JPY", "0"),
            amount("JPY", "1"),
            amount("GBP", null),
            null,
            amount("CHF", "1234567890123"));
    assertEquals(
        List.of(
            "amount_precision $.minimumOverdue[0].value",
            "unknown_currency $.minimumOverdue[1].unit",
            "out_of_range $.minimumOverdue[2].value",
            "duplicate_currency $.minimumOverdue[4].unit",
            "required $.minimumOverdue[5].value",
            "required $.minimumOverdue[6]",
            "too_large $.minimumOverdue[7].value"),
        codesAndFields(draft(minimum, STEPS.subList(0, 1), null)));
  }

  @Test
  void stepsNeedUniqueNamesIncreasingDaysAndKnownActions() {
    var steps =
        Arrays.asList(
            step("first", 3, "reminder"),
            step("first", 10, "reminder"),
            step("early", 10, "reminder"),
            step("back", 7, "payment_retry"),
            step("zero", 0, "reminder"),
            step("far", 3651, "reminder"),
            step("none", 40),
            step("odd", 41, "dance", "reminder", "reminder"),
            step("late", 42, (String) null),
            step(null, null, "reminder"),
            null);
    assertEquals(
        List.of(
            "duplicate_step_name $.steps[1].name",
            "day_not_increasing $.steps[2].day",
            "day_not_increasing $.steps[3].day",
            "out_of_range $.steps[4].day",
            "out_of_range $.steps[5].day",
            "required $.steps[6].actions",
            "unknown_action $.steps[7].actions[0]",
            "duplicate_action $.steps[7].actions[2]",
            "required $.steps[8].actions[0]",
            "required $.steps[9].name",
            "required $.steps[9].day",
            "required $.steps[10]"),
        codesAndFields(draft(MINIMUM, steps, null)));
  }

  @Test
  void aLateFeeStepNeedsTheFeeAndOnlyThen() {
    assertEquals(List.of("required $.lateFee"), codesAndFields(draft(MINIMUM, STEPS, null)));
    assertEquals(
        List.of("not_allowed $.lateFee"),
        codesAndFields(draft(MINIMUM, List.of(step("remind", 3, "reminder")), FIXED_FEE)));
    // a late_fee step with another problem still asks for the fee
    var broken = List.of(step("fee", 0, "late_fee"));
    assertEquals(
        List.of("out_of_range $.steps[0].day", "required $.lateFee"),
        codesAndFields(draft(MINIMUM, broken, null)));
  }

  @Test
  void theFeeIsFixedOrAPercentage() {
    var both = new LateFeeDraft(List.of(amount("EUR", "5")), BigDecimal.ONE, "STANDARD", "fee");
    var neither = new LateFeeDraft(List.of(), null, null, " ");
    assertEquals(
        List.of("fixed_or_percent $.lateFee"), codesAndFields(draft(MINIMUM, STEPS, both)));
    assertEquals(
        List.of(
            "fixed_or_percent $.lateFee",
            "required $.lateFee.taxCategory",
            "required $.lateFee.description"),
        codesAndFields(draft(MINIMUM, STEPS, neither)));
  }

  @Test
  void fixedFeesAreInExactlyTheDunnedCurrencies() {
    var fee =
        new LateFeeDraft(
            List.of(amount("EUR", "5"), amount("USD", "5"), amount("EUR", "6"), amount("EUR", "0")),
            null,
            "STANDARD",
            null);
    assertEquals(
        List.of(
            "currency_not_dunned $.lateFee.fixed[1].unit",
            "duplicate_currency $.lateFee.fixed[2].unit",
            "amount_not_positive $.lateFee.fixed[3].value",
            "missing_currency $.lateFee.fixed"),
        codesAndFields(draft(MINIMUM, STEPS, fee)));
  }

  @Test
  void percentagesAreAboveZeroAtMostHundredWithFourDecimals() {
    for (String bad : List.of("0", "-1", "100.01")) {
      var fee = new LateFeeDraft(null, new BigDecimal(bad), "STANDARD", null);
      assertEquals(
          List.of("out_of_range $.lateFee.percent"),
          codesAndFields(draft(MINIMUM, STEPS, fee)),
          bad);
    }
    var fine = new LateFeeDraft(null, new BigDecimal("1E+2"), "STANDARD", null);
    assertEquals(
        new BigDecimal("100"),
        DunningPolicyRules.validate(draft(MINIMUM, STEPS, fine)).value().lateFee().percent());
    var precise = new LateFeeDraft(null, new BigDecimal("1.23456"), "STANDARD", null);
    assertEquals(
        List.of("amount_precision $.lateFee.percent"),
        codesAndFields(draft(MINIMUM, STEPS, precise)));
  }

  @Test
  void messagesNeverRepeatTheSubmittedValue() {
    var draft =
        new DunningPolicyDraft(
            "4111111111111111", "SECRET!", null, List.of(amount("QQQ", "1")), STEPS, FIXED_FEE);
    for (FieldError error : problems(draft)) {
      assertFalse(error.message().contains("4111111111111111"), error.toString());
      assertFalse(error.message().contains("SECRET!"), error.toString());
      assertFalse(error.message().contains("QQQ"), error.toString());
    }
  }

  @Test
  void policiesThatDifferOnlyInHowNumbersAreWrittenHaveTheSameTerms() {
    DunningPolicy a = DunningPolicyRules.validate(draft(MINIMUM, STEPS, FIXED_FEE)).value();
    var rewritten =
        new LateFeeDraft(
            List.of(amount("JPY", "500.0"), amount("EUR", "5.0")), null, "STANDARD", "Late fee");
    DunningPolicy b =
        DunningPolicyRules.validate(
                draft(List.of(amount("JPY", "5E+2"), amount("EUR", "5")), STEPS, rewritten))
            .value();
    assertTrue(DunningPolicyRules.sameTerms(a, b));

    var dearer =
        new LateFeeDraft(
            List.of(amount("EUR", "6"), amount("JPY", "500")), null, "STANDARD", "Late fee");
    DunningPolicy c = DunningPolicyRules.validate(draft(MINIMUM, STEPS, dearer)).value();
    assertFalse(DunningPolicyRules.sameTerms(a, c));

    var later = List.of(step("reminder-1", 4, "reminder"));
    DunningPolicy d = DunningPolicyRules.validate(draft(MINIMUM, later, null)).value();
    assertFalse(DunningPolicyRules.sameTerms(a, d));

    var percent = new LateFeeDraft(null, new BigDecimal("2"), "STANDARD", "Late fee");
    var percentAgain = new LateFeeDraft(null, new BigDecimal("2.00"), "STANDARD", "Late fee");
    assertTrue(
        DunningPolicyRules.sameTerms(
            DunningPolicyRules.validate(draft(MINIMUM, STEPS, percent)).value(),
            DunningPolicyRules.validate(draft(MINIMUM, STEPS, percentAgain)).value()));
  }
}
