package com.telco.billing.core.invoice;

import com.telco.billing.core.catalog.Discount;
import com.telco.billing.core.invoice.BillingHistory.ChargedDiscount;
import com.telco.billing.core.invoice.BillingHistory.ChargedService;
import com.telco.billing.core.period.BillPeriod;
import com.telco.billing.core.subscription.Subscription;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Discount lines on recurring lines, and their credits.
 *
 * <p>docs/billing-rules.md, "Recurring and one-time charges; proration", "Discounts": a discount is
 * a percentage off an offering's recurring charge for the first {@code n} bill periods the
 * subscription is charged for, a line of its own computed before tax: {@code -HALF_UP(rounded
 * recurring line * percentage)}. "Termination inside a period already billed in advance": the
 * discount line of a credited recurring line gets a pro rata credit line of opposite sign ({@link
 * Proration#creditShare}). Project choices in docs/invoicing.md, "Discounts": the ordinal is
 * counted per subscription and fixed when the period is first charged.
 */
final class Discounts {
  private final InvoiceContext context;
  private final InvoiceLines lines;
  private final Corrections corrections;

  Discounts(InvoiceContext context, InvoiceLines lines, Corrections corrections) {
    this.context = context;
    this.lines = lines;
    this.corrections = corrections;
  }

  /**
   * Adds the lines of the {@code discounts} that apply in the subscription's {@code ordinal}-th
   * charged period to {@code recurring} (a recurring line just computed, rounded) and returns what
   * was charged, to remember with the recurring charge. Each line has the recurring line's
   * subscription, offering, catalog version, service period and tax category, and the discount's GL
   * code; in a period before the closed one it is a correction line ({@link Corrections}).
   */
  List<ChargedDiscount> apply(
      Subscription s,
      BillPeriod period,
      InvoiceLine recurring,
      List<Discount> discounts,
      int ordinal) {
    List<ChargedDiscount> charged = new ArrayList<>();
    for (Discount discount : discounts) {
      if (!discount.appliesInPeriod(ordinal)) {
        continue;
      }
      BigDecimal off =
          recurring
              .amount()
              .multiply(discount.fraction())
              .setScale(context.minorUnits(), InvoiceContext.HALF_UP);
      BigDecimal discountAmount = off.negate();
      charged.add(
          new ChargedDiscount(discount.id(), discount.name(), discount.glCode(), discountAmount));
      lines.addUnlessZero(
          new InvoiceLine(
              LineType.DISCOUNT,
              corrections.describe(period, discount.name(), s, recurring.servicePeriodStart()),
              recurring.subscriptionId(),
              recurring.offeringId(),
              discount.id(),
              recurring.catalogVersion(),
              recurring.servicePeriodStart(),
              recurring.servicePeriodEnd(),
              null,
              null,
              null,
              discountAmount,
              recurring.taxCategory(),
              discount.glCode(),
              null,
              null,
              null,
              null,
              recurring.originalPeriodStart(),
              false));
    }
    return charged;
  }

  /**
   * Adds the credit lines of the discounts charged on {@code charged} for the days {@code [from,
   * until)}, which take its credited days from {@code before} to {@code after} of {@code days};
   * {@code share} says so on the line ("9 of 28 days").
   */
  void credit(
      Subscription s,
      BillPeriod period,
      ChargedService charged,
      LocalDate from,
      LocalDate until,
      String share,
      long before,
      long after,
      long days) {
    for (ChargedDiscount d : charged.discounts()) {
      lines.addUnlessZero(
          new InvoiceLine(
              LineType.DISCOUNT,
              corrections.describe(period, "Credit: " + d.description() + ", " + share, s, from),
              charged.subscriptionId(),
              charged.offeringId(),
              d.discountId(),
              charged.catalogVersion(),
              from,
              until,
              null,
              null,
              null,
              Proration.creditShare(d.amount(), before, after, days, context.minorUnits()),
              charged.taxCategory(),
              d.glCode(),
              null,
              null,
              null,
              null,
              corrections.originalPeriodStart(period),
              true));
    }
  }
}
