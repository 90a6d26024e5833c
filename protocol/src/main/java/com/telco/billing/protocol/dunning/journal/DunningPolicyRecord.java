package com.telco.billing.protocol.dunning.journal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A published version of a dunning policy in the journal (docs/dunning.md, "Policies"). The policy
 * store maps it from and to {@code billing-core}'s {@code DunningPolicy} in {@code
 * DunningPolicyJournal}.
 *
 * @param version 1, 2, ... per policy id
 * @param segment the customer segment, or {@code null} for the legal entity's default policy
 * @param minimumOverdue the minimum overdue amount per currency
 * @param steps in order of strictly increasing day
 * @param lateFee the late fee, or {@code null} when no step charges one
 * @param publishedAt when the version was recorded
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DunningPolicyRecord(
    String policyId,
    int version,
    String legalEntity,
    String segment,
    List<Amount> minimumOverdue,
    List<Step> steps,
    LateFee lateFee,
    Instant publishedAt) {

  public DunningPolicyRecord {
    minimumOverdue = List.copyOf(minimumOverdue);
    steps = List.copyOf(steps);
  }

  /**
   * An amount.
   *
   * @param currency an ISO 4217 code
   * @param amount an exact decimal with the currency's minor units
   */
  public record Amount(String currency, BigDecimal amount) {}

  /**
   * A step.
   *
   * @param actions the actions' wire names ({@code reminder}, {@code late_fee}, ...)
   */
  public record Step(String name, int day, List<String> actions) {
    public Step {
      actions = List.copyOf(actions);
    }
  }

  /**
   * The late fee.
   *
   * @param fixed the amount per currency; empty for a percentage
   * @param percent the percentage of the overdue amount, or {@code null} for a fixed fee
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record LateFee(
      List<Amount> fixed, BigDecimal percent, String taxCategory, String description) {
    public LateFee {
      fixed = fixed == null ? List.of() : List.copyOf(fixed);
    }
  }
}
