package com.telco.billing.core.invoice;

import com.telco.billing.core.invoice.BillingHistory.BilledOneTimeCharge;
import com.telco.billing.core.invoice.BillingHistory.BilledUsage;
import com.telco.billing.core.invoice.BillingHistory.ChargedService;
import com.telco.billing.core.subscription.Subscription;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The billing history after an invoice: what the next invoice needs, and no more.
 *
 * <p>docs/billing-rules.md, "Recurring and one-time charges; proration": charged days are
 * remembered so that they can be credited, discounts count the periods a subscription was charged
 * for, one-time charges are billed once; "Invoices": one invoice per account and bill period.
 * "Corrections of late and backdated changes": the records of every period of the look-back are
 * kept so that a later invoice can correct them. Project choices in docs/invoicing.md, "History and
 * its bounds": charge records of periods before the invoice's window, one-time charges triggered
 * before it, usage totals and invoiced periods older than {@link
 * InvoiceCalculator#LATE_USAGE_HORIZON_DAYS} days before the cycle date and the period count of a
 * subscription terminated on or before the cycle date are dropped; the window's start becomes
 * {@code recordsFrom}, and the number of lifecycle entries of every subscription is remembered.
 */
final class HistoryAfter {
  private HistoryAfter() {}

  /**
   * The history after the invoice of {@code context}'s cycle date.
   *
   * @param subscriptions the account's subscriptions
   * @param periodsCharged per subscription id, the periods charged, this invoice's included
   * @param charges the charge records of the periods this invoice reconciled
   * @param oneTime the one-time charges this invoice billed
   * @param billedUsage the usage totals billed, this invoice's included, within the horizon
   */
  static BillingHistory compute(
      InvoiceContext context,
      List<Subscription> subscriptions,
      Map<String, Integer> periodsCharged,
      List<ChargedService> charges,
      List<BilledOneTimeCharge> oneTime,
      Map<String, BilledUsage> billedUsage) {
    BillingHistory history = context.history();
    LocalDate cycleDate = context.cycleDate();
    LocalDate closedStart = context.closed().start();
    LocalDate keepFrom = context.windowStart();
    LocalDate horizon = cycleDate.minusDays(InvoiceCalculator.LATE_USAGE_HORIZON_DAYS);
    Set<LocalDate> recent = new HashSet<>();
    for (LocalDate p : history.recentPeriods()) {
      if (!p.isBefore(horizon)) {
        recent.add(p);
      }
    }
    recent.add(closedStart);
    Map<String, Integer> counts = new HashMap<>();
    Map<String, Integer> seen = new HashMap<>(history.changesSeen());
    for (Subscription s : subscriptions) {
      seen.put(s.subscriptionId(), s.history().size());
      Integer count = periodsCharged.get(s.subscriptionId());
      boolean over = s.terminationDate().map(t -> !t.isAfter(cycleDate)).orElse(false);
      if (count != null && !over) {
        counts.put(s.subscriptionId(), count);
      }
    }
    List<BilledOneTimeCharge> oneTimeAfter = new ArrayList<>();
    for (BilledOneTimeCharge b : history.oneTimeCharges()) {
      if (!b.triggerDate().isBefore(keepFrom)) {
        oneTimeAfter.add(b);
      }
    }
    oneTimeAfter.addAll(oneTime);
    List<ChargedService> chargesAfter = new ArrayList<>();
    for (ChargedService c : charges) {
      if (!c.periodStart().isBefore(keepFrom)) {
        chargesAfter.add(c);
      }
    }
    return new BillingHistory(
        history.firstPeriodStart() == null ? closedStart : history.firstPeriodStart(),
        cycleDate,
        recent,
        chargesAfter,
        counts,
        oneTimeAfter,
        billedUsage,
        keepFrom,
        seen,
        // the records of a history written before corrections looked back keep their ordinals
        history.predatesLookBack() ? cycleDate : history.ordinalsFrom());
  }
}
