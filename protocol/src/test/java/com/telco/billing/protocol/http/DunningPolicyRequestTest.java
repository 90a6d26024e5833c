package com.telco.billing.protocol.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.dunning.DunningAction;
import com.telco.billing.core.dunning.DunningPolicy;
import com.telco.billing.core.validation.Validated;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class DunningPolicyRequestTest {

  private static MoneyDraft money(String unit, String value) {
    return new MoneyDraft(unit, new BigDecimal(value));
  }

  static DunningPolicyRequest standard() {
    return new DunningPolicyRequest(
        "standard",
        "DEFAULT",
        null,
        List.of(money("USD", "5.00"), money("EUR", "5.00"), money("JPY", "500")),
        List.of(
            new DunningPolicyRequest.Step("reminder-1", 3, List.of("reminder")),
            new DunningPolicyRequest.Step("reminder-2", 10, List.of("reminder", "late_fee")),
            new DunningPolicyRequest.Step("suspend", 21, List.of("suspend_service")),
            new DunningPolicyRequest.Step("terminate", 45, List.of("terminate", "collections"))),
        new DunningPolicyRequest.LateFee(
            List.of(money("EUR", "5"), money("USD", "5.00"), money("JPY", "500")),
            null,
            "STANDARD",
            "Late payment fee"));
  }

  @Test
  void aValidRequestBecomesAPolicy() {
    Validated<DunningPolicy> result = standard().validate();
    assertTrue(result.isValid(), () -> result.errors().toString());
    DunningPolicy policy = result.value();
    assertEquals("standard", policy.policyId());
    assertEquals(3, policy.minimumOverdue().size());
    assertEquals(
        List.of(DunningAction.REMINDER, DunningAction.LATE_FEE), policy.steps().get(1).actions());
    assertEquals(new BigDecimal("5.00"), policy.lateFee().fixed().get(Currency.getInstance("EUR")));
  }

  @Test
  void everyProblemIsListedWithItsJsonPath() {
    var request =
        new DunningPolicyRequest(
            "standard",
            "DEFAULT",
            null,
            Arrays.asList(money("EUR", "5.001"), null),
            List.of(
                new DunningPolicyRequest.Step("a", 3, List.of("reminder")),
                new DunningPolicyRequest.Step("b", 2, List.of("late_fee"))),
            new DunningPolicyRequest.LateFee(null, new BigDecimal("101"), null, null));
    Validated<DunningPolicy> result = request.validate();
    assertFalse(result.isValid());
    assertEquals(
        List.of(
            "amount_precision $.minimumOverdue[0].value",
            "required $.minimumOverdue[1]",
            "day_not_increasing $.steps[1].day",
            "out_of_range $.lateFee.percent",
            "required $.lateFee.taxCategory"),
        result.errors().stream().map(e -> e.code() + " " + e.field()).toList());
  }

  @Test
  void theResponseListsCurrenciesInOrderWithTheirMinorUnits() {
    DunningPolicy draft = standard().validate().value();
    Instant at = Instant.parse("2026-12-07T10:00:00Z");
    DunningPolicy published =
        new DunningPolicy(
            draft.policyId(),
            2,
            draft.legalEntity(),
            draft.segment(),
            draft.minimumOverdue(),
            draft.steps(),
            draft.lateFee(),
            at);
    DunningPolicyResponse response = DunningPolicyResponse.from(published);
    assertEquals(2, response.version());
    assertEquals(at, response.publishedAt());
    assertNull(response.segment());
    assertEquals(
        List.of(
            new MoneyValue("EUR", new BigDecimal("5.00")),
            new MoneyValue("JPY", new BigDecimal("500")),
            new MoneyValue("USD", new BigDecimal("5.00"))),
        response.minimumOverdue());
    assertEquals(List.of("reminder", "late_fee"), response.steps().get(1).actions());
    assertEquals(45, response.steps().get(3).day());
    assertEquals("STANDARD", response.lateFee().taxCategory());
    assertEquals(3, response.lateFee().fixed().size());
    assertNull(response.lateFee().percent());
  }
}
