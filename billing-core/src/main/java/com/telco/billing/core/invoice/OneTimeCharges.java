package com.telco.billing.core.invoice;

import com.telco.billing.core.catalog.CatalogVersion;
import com.telco.billing.core.catalog.OneTimeCharge;
import com.telco.billing.core.catalog.OneTimeTrigger;
import com.telco.billing.core.catalog.ProductOffering;
import com.telco.billing.core.invoice.BillingHistory.BilledOneTimeCharge;
import com.telco.billing.core.period.BillPeriod;
import com.telco.billing.core.period.BillPeriods;
import com.telco.billing.core.subscription.StatusChange;
import com.telco.billing.core.subscription.Subscription;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One-time charges of the lifecycle triggers that no invoice billed yet, dated in the window.
 *
 * <p>docs/billing-rules.md, "Recurring and one-time charges; proration": one-time charges go on the
 * first invoice whose cycle date comes after their trigger date. Project choices in
 * docs/invoicing.md, "One-time charges": the offering recorded with the change (the new one for an
 * offering change), the catalog version in effect on the trigger date, amount {@code
 * HALF_UP(price)}, service period {@code [trigger, trigger + 1 day)}; a charge the history records
 * as billed is not billed again. "Corrections of late and backdated changes": a trigger dated in
 * the window before the closed period (reported late) is billed on this invoice as a correction
 * line ({@link Corrections}); one before the window is reported, not billed.
 */
final class OneTimeCharges {
  private final InvoiceContext context;
  private final InvoiceLines lines;
  private final Corrections corrections;
  private final Set<BilledOneTimeCharge> billed = new LinkedHashSet<>();
  private final Set<BilledOneTimeCharge> alreadyBilled;

  OneTimeCharges(InvoiceContext context, InvoiceLines lines, Corrections corrections) {
    this.context = context;
    this.lines = lines;
    this.corrections = corrections;
    this.alreadyBilled = new HashSet<>(context.history().oneTimeCharges());
  }

  /** The one-time charges billed by this invoice so far, in the order billed. */
  List<BilledOneTimeCharge> billed() {
    return List.copyOf(billed);
  }

  /**
   * Bills the one-time charges of the triggers of {@code s} dated from the window's start to the
   * day before the cycle date that were not billed yet.
   */
  void bill(Subscription s) {
    for (StatusChange change : s.history()) {
      LocalDate date = change.effectiveDate();
      if (date.isBefore(context.windowStart()) || !date.isBefore(context.cycleDate())) {
        continue;
      }
      BillPeriod period = BillPeriods.periodOn(date, context.account().billCycleDay());
      OneTimeTrigger trigger =
          switch (change.kind()) {
            case ACTIVATED -> OneTimeTrigger.ACTIVATION;
            case OFFERING_CHANGED -> OneTimeTrigger.CHANGE;
            case SUSPENDED -> OneTimeTrigger.SUSPENSION;
            case RESUMED -> OneTimeTrigger.RESUMPTION;
            case TERMINATED -> OneTimeTrigger.TERMINATION;
          };
      if (context.isCorrection(period)
          && !context.priceable(
              change.offeringId(),
              date,
              o -> o.oneTimeChargesOn(trigger).stream().map(OneTimeCharge::price).toList())) {
        corrections.notPriceable(s, date);
        continue;
      }
      CatalogVersion version = context.versionAt(date);
      ProductOffering offering = InvoiceContext.offeringIn(version, change.offeringId());
      for (OneTimeCharge charge : offering.oneTimeChargesOn(trigger)) {
        BilledOneTimeCharge once =
            new BilledOneTimeCharge(s.subscriptionId(), charge.id(), trigger.name(), date);
        if (alreadyBilled.contains(once) || !billed.add(once)) {
          continue;
        }
        BigDecimal price =
            context.priceOf(
                charge.price().amountIn(context.account().currency()), charge.id(), version);
        lines.addUnlessZero(
            new InvoiceLine(
                LineType.ONE_TIME,
                corrections.describe(period, charge.name(), s, date),
                s.subscriptionId(),
                offering.id(),
                charge.id(),
                version.version(),
                date,
                date.plusDays(1),
                BigDecimal.ONE,
                "each",
                price,
                price.setScale(context.minorUnits(), InvoiceContext.HALF_UP),
                charge.taxCategory(),
                charge.glCode(),
                null,
                null,
                null,
                null,
                corrections.originalPeriodStart(period),
                false));
      }
    }
  }
}
