package com.telco.billing.node.account;

import com.telco.billing.core.catalog.Catalog;
import com.telco.billing.core.catalog.ProductOffering;
import com.telco.billing.core.catalog.UsageCharge;
import com.telco.billing.core.period.BillPeriod;
import com.telco.billing.core.period.BillPeriods;
import com.telco.billing.core.rating.CounterKey;
import com.telco.billing.core.rating.UsageCounters;
import com.telco.billing.core.subscription.LifecycleDates;
import com.telco.billing.core.subscription.Subscription;
import com.telco.billing.core.usage.UsageBook;
import com.telco.billing.protocol.usage.CurrentUsage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Maps an account's state to its bill so far for the period open at an instant. */
final class CurrentUsageView {
  private CurrentUsageView() {}

  static CurrentUsage of(AccountState.Open state, Instant now, Catalog catalog) {
    BillPeriod period = BillPeriods.periodAt(now, state.profile());
    List<UsageBook.UsageLine> lines = state.usage().linesOf(period.start());
    BigDecimal total =
        lines.stream().map(UsageBook.UsageLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    return new CurrentUsage(
        state.profile().accountId(),
        period.start(),
        period.end(),
        state.profile().currency().getCurrencyCode(),
        lines.stream()
            .map(
                line ->
                    new CurrentUsage.Line(
                        line.subscriptionId(),
                        line.usageType(),
                        line.zone(),
                        line.band(),
                        line.quantity(),
                        line.chargeableQuantity(),
                        line.records(),
                        line.amount()))
            .toList(),
        allowances(state, period, catalog),
        total);
  }

  /**
   * Included allowances of the subscriptions active in the period, from the offering in force at
   * the period's start (or the subscription's activation, if later).
   */
  private static List<CurrentUsage.Allowance> allowances(
      AccountState.Open state, BillPeriod period, Catalog catalog) {
    List<CurrentUsage.Allowance> result = new ArrayList<>();
    for (Subscription subscription : state.subscriptions().values()) {
      var from =
          subscription.activationDate().isAfter(period.start())
              ? subscription.activationDate()
              : period.start();
      if (!from.isBefore(period.end())) {
        continue;
      }
      Instant at = LifecycleDates.startOfDay(from, state.profile().timeZone());
      var offeringId = subscription.offeringOn(from);
      if (offeringId.isEmpty()) {
        continue;
      }
      var offering = catalog.offering(offeringId.get(), at);
      if (offering.isEmpty()) {
        continue;
      }
      for (UsageCharge charge : usageCharges(offering.get())) {
        long included = charge.allowance().quantity();
        if (included <= 0) {
          continue;
        }
        UsageCounters counters =
            state
                .usage()
                .countersOf(
                    new CounterKey(
                        subscription.subscriptionId(), charge.usageType(), period.start()));
        long used = counters == null ? 0 : counters.allowanceUsed();
        result.add(
            new CurrentUsage.Allowance(
                subscription.subscriptionId(),
                charge.usageType(),
                included,
                used,
                Math.max(0, included - used)));
      }
    }
    return result;
  }

  private static List<UsageCharge> usageCharges(ProductOffering offering) {
    return offering.usageCharges();
  }
}
