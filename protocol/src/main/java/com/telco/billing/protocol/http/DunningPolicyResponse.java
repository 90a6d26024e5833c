package com.telco.billing.protocol.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.telco.billing.core.dunning.DunningAction;
import com.telco.billing.core.dunning.DunningPolicy;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * A published version of a dunning policy, as {@code /dunning-policies} answers it: the document as
 * validated (amounts with the currency's minor units, currencies in alphabetical order), its
 * version and when it was published. Absent fields ({@code segment}, {@code lateFee}) are left out.
 *
 * @param version 1, 2, ... in publication order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DunningPolicyResponse(
    String policyId,
    int version,
    String legalEntity,
    String segment,
    List<MoneyValue> minimumOverdue,
    List<Step> steps,
    LateFee lateFee,
    Instant publishedAt) {

  /** A step; {@code actions} by their wire names. */
  public record Step(String name, int day, List<String> actions) {}

  /** The late fee: {@code fixed} (left out when empty) or {@code percent}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record LateFee(
      List<MoneyValue> fixed, BigDecimal percent, String taxCategory, String description) {}

  public static DunningPolicyResponse from(DunningPolicy policy) {
    return new DunningPolicyResponse(
        policy.policyId(),
        policy.version(),
        policy.legalEntity(),
        policy.segment(),
        money(policy.minimumOverdue()),
        policy.steps().stream()
            .map(
                s ->
                    new Step(
                        s.name(),
                        s.day(),
                        s.actions().stream().map(DunningAction::wireName).toList()))
            .toList(),
        policy.lateFee() == null
            ? null
            : new LateFee(
                money(policy.lateFee().fixed()),
                policy.lateFee().percent(),
                policy.lateFee().taxCategory(),
                policy.lateFee().description()),
        policy.publishedAt());
  }

  private static List<MoneyValue> money(Map<Currency, BigDecimal> amounts) {
    return amounts.entrySet().stream()
        .sorted(Comparator.comparing(e -> e.getKey().getCurrencyCode()))
        .map(e -> MoneyValue.of(e.getValue(), e.getKey()))
        .toList();
  }
}
