package com.telco.billing.core.invoice;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.core.invoice.BillingHistory.BilledUsage;
import com.telco.billing.core.invoice.BillingHistory.ChargedService;
import com.telco.billing.core.subscription.Subscription;
import com.telco.billing.core.usage.UsageBook.UsageLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The invoice of one account and one cycle date, computed purely from the account, its
 * subscriptions, the catalog, its usage lines and its billing history (docs/billing-rules.md,
 * "Recurring and one-time charges; proration", "Tax", "Invoices"; every choice is in
 * docs/invoicing.md).
 *
 * <p>At cycle date {@code D_k} the invoice bills the closed period {@code C = [D_k-1, D_k)} and the
 * advance period {@code A = [D_k, D_k+1)}:
 *
 * <ul>
 *   <li>Recurring charges are reconciled day by day for every bill period of the window (the
 *       look-back, "Corrections of late and backdated changes") through {@code C} and {@code A}, so
 *       that changes reported after the invoice of their period are corrected: a day is
 *       <em>billable</em> with an offering when the subscription is active on it (or suspended and
 *       the offering says {@code chargeWhileSuspended}), and, for {@code A}, the subscription was
 *       activated before {@code D_k}. Days charged earlier (the history's {@link ChargedService}s)
 *       that are no longer billable with their offering are credited; billable days not yet charged
 *       are charged, {@code HALF_UP(price * days / daysInBillPeriod)}, per run of consecutive days
 *       with one offering, priced with the catalog version in effect on the run's first day. This
 *       one mechanism gives the partial first period, termination and plan-change credits, and
 *       suspension credits.
 *   <li>Discounts apply in the first {@code n} bill periods the subscription is charged for: {@code
 *       -HALF_UP(rounded recurring line * percentage)}.
 *   <li>A credit of {@code k} more days of a charged line of {@code N} days, of which {@code c}
 *       were credited before, is {@code HALF_UP(amount * (c + k) / N) - HALF_UP(amount * c / N)}
 *       with the opposite sign (pro rata, and all credits of a line add up to the line).
 *   <li>One-time charges of triggers dated from the window's start to the day before {@code D_k}
 *       that no invoice billed (the first cycle date after them is {@code D_k}, or they were
 *       reported late).
 *   <li>Changes and days it cannot correct (before the window, unpriced) are listed in {@link
 *       InvoiceComputation#uncorrected()}.
 *   <li>Usage lines of {@code C}, and for earlier periods the difference between the usage line and
 *       what was billed for it (late usage), each rounded once.
 *   <li>The fees of the request (late fees), one one-time line each.
 *   <li>Tax per rate on the issue date: {@code HALF_UP(sum of rounded net lines at that rate *
 *       rate)}; none for a tax-exempt account.
 * </ul>
 *
 * <p>This class composes the rules; each rule family is a class of its own, with the rules it
 * applies cited in its comment: {@link RecurringCharges} (billable days, charges, credits), {@link
 * Discounts}, {@link Proration}, {@link OneTimeCharges}, {@link UsageCharges} (usage and late
 * usage), {@link FeeCharges}, {@link InvoiceTax} and {@link HistoryAfter} (what the next invoice
 * needs). They share an {@link InvoiceContext} (the request, its two periods, catalog look-ups) and
 * add to one {@link InvoiceLines}.
 */
public final class InvoiceCalculator {

  /**
   * How far back (days before the cycle date) usage lines are looked at for late usage, and how
   * long the history keeps the usage totals it billed: maxUsageAge (45 days) plus the longest bill
   * period (31 days) plus 24 days of slack for a late bill run.
   */
  public static final int LATE_USAGE_HORIZON_DAYS = 100;

  /** Refusal code: the date is not one of the account's cycle dates. */
  public static final String NOT_A_CYCLE_DATE = "not_a_cycle_date";

  /** Refusal code: the period ending on the cycle date is already invoiced. */
  public static final String ALREADY_INVOICED = "period_already_invoiced";

  /** Refusal code: a period between the last invoice and this cycle date is not invoiced yet. */
  public static final String PERIOD_SKIPPED = "period_skipped";

  private InvoiceCalculator() {}

  /**
   * Why {@code request} cannot be computed, as a stable code ({@link #NOT_A_CYCLE_DATE}, {@link
   * #ALREADY_INVOICED}, {@link #PERIOD_SKIPPED}), or empty when it can. Cycle dates are invoiced
   * one after the other: after the invoice of {@code D_k} only {@code D_k+1} can be computed.
   */
  public static Optional<String> refusal(InvoiceRequest request) {
    LocalDate cycleDate = request.cycleDate();
    if (cycleDate.getDayOfMonth() != request.account().billCycleDay()) {
      return Optional.of(NOT_A_CYCLE_DATE);
    }
    LocalDate last = request.history().lastCycleDate();
    if (last != null && !cycleDate.isAfter(last)) {
      return Optional.of(ALREADY_INVOICED);
    }
    if (last != null && cycleDate.isAfter(last.plusMonths(1))) {
      return Optional.of(PERIOD_SKIPPED);
    }
    return Optional.empty();
  }

  /**
   * The invoice of {@code request.cycleDate()} and the history after it.
   *
   * @throws IllegalArgumentException when {@link #refusal} names a reason (the message starts with
   *     the code), or when the data cannot be billed (a price in the account's currency or a tax
   *     rate missing, an offering not in the catalog version, usage of an unknown subscription)
   */
  public static InvoiceComputation compute(InvoiceRequest request) {
    Optional<String> refused = refusal(request);
    if (refused.isPresent()) {
      throw new IllegalArgumentException(
          refused.get()
              + ": cycle date "
              + request.cycleDate()
              + ", bill cycle day "
              + request.account().billCycleDay()
              + ", last invoiced cycle date "
              + request.history().lastCycleDate());
    }
    return run(request);
  }

  /** The key of a usage line in {@link BillingHistory#billedUsage()}, as {@code UsageBook}'s. */
  public static String usageLineKey(UsageLine line) {
    return UsageCharges.lineKey(line);
  }

  /**
   * The rules in invoice order: per subscription (by id) the recurring charges of each period of
   * the window with their credits and discounts, then its one-time charges; then usage and late
   * usage; then the fees; then tax over all lines; then the history after the invoice.
   */
  private static InvoiceComputation run(InvoiceRequest request) {
    InvoiceContext context = new InvoiceContext(request);
    AccountProfile account = context.account();
    LocalDate cycleDate = context.cycleDate();
    List<Subscription> subscriptions = byId(request.subscriptions());
    InvoiceLines lines = new InvoiceLines();
    Corrections corrections = new Corrections(context);
    RecurringCharges recurring =
        new RecurringCharges(
            context, lines, new Discounts(context, lines, corrections), corrections);
    OneTimeCharges oneTime = new OneTimeCharges(context, lines, corrections);
    for (Subscription s : subscriptions) {
      corrections.beyondWindow(s);
      recurring.reconcile(s);
      oneTime.bill(s);
    }
    Map<String, BilledUsage> billedUsage = new UsageCharges(context, lines).bill(subscriptions);
    FeeCharges.bill(context, lines);
    List<TaxItem> taxItems = InvoiceTax.compute(context, lines.asList());
    BigDecimal net = context.zero();
    for (InvoiceLine line : lines.asList()) {
      net = net.add(line.amount());
    }
    BigDecimal tax = context.zero();
    for (TaxItem item : taxItems) {
      tax = tax.add(item.taxAmount());
    }
    InvoiceDraft draft =
        new InvoiceDraft(
            account.accountId(),
            account.legalEntity(),
            account.currency(),
            cycleDate,
            cycleDate.plusDays(account.paymentTermsDays()),
            context.closed(),
            lines.asList(),
            taxItems,
            net,
            tax,
            net.add(tax));
    BillingHistory after =
        HistoryAfter.compute(
            context,
            subscriptions,
            recurring.periodsCharged(),
            recurring.charged(),
            oneTime.billed(),
            billedUsage);
    return new InvoiceComputation(draft, after, corrections.uncorrected());
  }

  /** The subscriptions sorted by id; an id twice cannot be billed. */
  private static List<Subscription> byId(List<Subscription> requested) {
    Set<String> ids = new HashSet<>();
    List<Subscription> subscriptions = new ArrayList<>(requested);
    subscriptions.sort(Comparator.comparing(Subscription::subscriptionId));
    for (Subscription s : subscriptions) {
      if (!ids.add(s.subscriptionId())) {
        throw new IllegalArgumentException("duplicate subscription " + s.subscriptionId());
      }
    }
    return subscriptions;
  }
}
