package com.telco.billing.core.invoice;

import com.telco.billing.core.period.BillPeriod;
import com.telco.billing.core.subscription.StatusChange;
import com.telco.billing.core.subscription.Subscription;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a correction line says, and what the invoice could not correct.
 *
 * <p>docs/billing-rules.md, "Corrections of late and backdated changes": every correction line
 * names the service period it corrects; nothing older than the look-back is changed silently, it is
 * reported to revenue assurance. Project choices in docs/invoicing.md, "Corrections and the
 * look-back": a correction line (of a period before the closed one) has {@code originalPeriodStart}
 * set to its period's first date and a description {@code "Correction of <period>: <what>
 * (<cause>)"}, the cause being the lifecycle change effective on the first day corrected, else the
 * last one before it; a change no invoice saw and dated before the window is reported as an {@link
 * UncorrectedChange}.
 */
final class Corrections {
  private final InvoiceContext context;
  private final Set<UncorrectedChange> uncorrected = new LinkedHashSet<>();

  Corrections(InvoiceContext context) {
    this.context = context;
  }

  /** What this invoice could not correct, in the order found. */
  List<UncorrectedChange> uncorrected() {
    return Collections.unmodifiableList(new ArrayList<>(uncorrected));
  }

  /**
   * The description of a line of {@code period}: {@code what} itself for the closed and advance
   * periods, else {@code "Correction of <period>: <what> (<cause>)"}.
   */
  String describe(BillPeriod period, String what, Subscription s, LocalDate firstDay) {
    if (!context.isCorrection(period)) {
      return what;
    }
    return "Correction of " + period + ": " + what + " (" + cause(s, firstDay) + ")";
  }

  /** {@code period}'s first date for a correction line, else {@code null}. */
  LocalDate originalPeriodStart(BillPeriod period) {
    return context.isCorrection(period) ? period.start() : null;
  }

  /**
   * The lifecycle change behind a correction starting on {@code date}: the one effective that day,
   * else the last one before it, as {@code "termination on 2026-03-10"}.
   */
  static String cause(Subscription s, LocalDate date) {
    StatusChange cause = s.history().get(entryOn(s, date));
    String kind =
        switch (cause.kind()) {
          case ACTIVATED -> "activation";
          case OFFERING_CHANGED -> "plan change";
          case SUSPENDED -> "suspension";
          case RESUMED -> "resumption";
          case TERMINATED -> "termination";
        };
    return kind + " on " + cause.effectiveDate();
  }

  /** The index of the last lifecycle entry effective on or before {@code date} (else the first). */
  private static int entryOn(Subscription s, LocalDate date) {
    int index = 0;
    for (int i = 0; i < s.history().size(); i++) {
      if (!s.history().get(i).effectiveDate().isAfter(date)) {
        index = i;
      }
    }
    return index;
  }

  /**
   * How many of {@code s}'s lifecycle entries an invoice saw: all of them for a history written
   * before corrections looked back.
   */
  private int seen(Subscription s) {
    BillingHistory history = context.history();
    return history.predatesLookBack()
        ? s.history().size()
        : history.changesSeen().getOrDefault(s.subscriptionId(), 0);
  }

  /**
   * Records that {@code s}'s days from {@code date} on in the window cannot be priced, once: when
   * the lifecycle entry they follow is one no invoice saw.
   */
  void notPriceable(Subscription s, LocalDate date) {
    int index = entryOn(s, date);
    if (index >= seen(s)) {
      report(s, s.history().get(index), UncorrectedChange.NOT_PRICEABLE);
    }
  }

  /**
   * Records the changes of {@code s} that no invoice saw and that are dated before the window:
   * their days before it are not corrected.
   */
  void beyondWindow(Subscription s) {
    for (int i = seen(s); i < s.history().size(); i++) {
      StatusChange c = s.history().get(i);
      if (c.effectiveDate().isBefore(context.windowStart())) {
        report(s, c, UncorrectedChange.BEYOND_LOOK_BACK);
      }
    }
  }

  private void report(Subscription s, StatusChange change, String reason) {
    uncorrected.add(
        new UncorrectedChange(
            s.subscriptionId(),
            change.kind().name(),
            change.effectiveDate(),
            context.windowStart(),
            reason));
  }
}
