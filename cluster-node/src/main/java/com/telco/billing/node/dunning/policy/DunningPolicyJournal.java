package com.telco.billing.node.dunning.policy;

import com.telco.billing.core.dunning.DunningAction;
import com.telco.billing.core.dunning.DunningPolicy;
import com.telco.billing.core.dunning.DunningStep;
import com.telco.billing.core.dunning.LateFee;
import com.telco.billing.protocol.Origin;
import com.telco.billing.protocol.dunning.DunningPolicyEvent.PolicyPublished;
import com.telco.billing.protocol.dunning.journal.DunningPolicyRecord;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place the dunning policy store's journal records are mapped from and to {@code
 * billing-core} values: the entity builds its event here, and the entity and every node's replica
 * read it back through here.
 */
public final class DunningPolicyJournal {
  private DunningPolicyJournal() {}

  /** The event of publishing {@code policy} (with its version and publication time). */
  public static PolicyPublished policyPublished(DunningPolicy policy, Origin origin) {
    return new PolicyPublished(toRecord(policy), origin);
  }

  /** The published version an event records. */
  public static DunningPolicy toPolicy(PolicyPublished event) {
    return toPolicy(event.policy());
  }

  static DunningPolicyRecord toRecord(DunningPolicy policy) {
    LateFee fee = policy.lateFee();
    return new DunningPolicyRecord(
        policy.policyId(),
        policy.version(),
        policy.legalEntity(),
        policy.segment(),
        toRecords(policy.minimumOverdue()),
        policy.steps().stream()
            .map(
                s ->
                    new DunningPolicyRecord.Step(
                        s.name(),
                        s.day(),
                        s.actions().stream().map(DunningAction::wireName).toList()))
            .toList(),
        fee == null
            ? null
            : new DunningPolicyRecord.LateFee(
                toRecords(fee.fixed()), fee.percent(), fee.taxCategory(), fee.description()),
        policy.publishedAt());
  }

  static DunningPolicy toPolicy(DunningPolicyRecord record) {
    DunningPolicyRecord.LateFee fee = record.lateFee();
    return new DunningPolicy(
        record.policyId(),
        record.version(),
        record.legalEntity(),
        record.segment(),
        toAmounts(record.minimumOverdue()),
        record.steps().stream()
            .map(
                s ->
                    new DunningStep(
                        s.name(),
                        s.day(),
                        s.actions().stream()
                            .map(
                                a ->
                                    DunningAction.fromWire(a)
                                        .orElseThrow(
                                            () ->
                                                new IllegalStateException(
                                                    "unknown dunning action in the journal: " + a)))
                            .toList()))
            .toList(),
        fee == null
            ? null
            : new LateFee(
                toAmounts(fee.fixed()), fee.percent(), fee.taxCategory(), fee.description()),
        record.publishedAt());
  }

  /** Amounts in the order of their currency codes, so that the record is the same every time. */
  private static List<DunningPolicyRecord.Amount> toRecords(Map<Currency, BigDecimal> amounts) {
    return amounts.entrySet().stream()
        .sorted(Comparator.comparing(e -> e.getKey().getCurrencyCode()))
        .map(e -> new DunningPolicyRecord.Amount(e.getKey().getCurrencyCode(), e.getValue()))
        .toList();
  }

  private static Map<Currency, BigDecimal> toAmounts(List<DunningPolicyRecord.Amount> records) {
    Map<Currency, BigDecimal> amounts = new LinkedHashMap<>();
    records.forEach(a -> amounts.put(Currency.getInstance(a.currency()), a.amount()));
    return amounts;
  }
}
