package com.telco.billing.core.invoice;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The lines of one invoice in the order the rules add them: per subscription (by id) the closed
 * period's credits and charges, the advance period's, the one-time charges; then usage, then late
 * usage; then the fees.
 *
 * <p>docs/billing-rules.md, "Recurring and one-time charges; proration", project choices:
 * recurring, discount, credit and one-time lines that round to zero are left out. Usage lines are
 * kept as the usage rule builds them (a line whose quantity or record count changed is billed even
 * when its amount did not).
 */
final class InvoiceLines {
  private final List<InvoiceLine> lines = new ArrayList<>();

  /** Adds {@code line} unless its amount is zero. */
  void addUnlessZero(InvoiceLine line) {
    if (line.amount().signum() != 0) {
      lines.add(line);
    }
  }

  /** Adds every line of {@code more}, zero amounts included. */
  void addAll(List<InvoiceLine> more) {
    lines.addAll(more);
  }

  /** A read-only view of the lines so far. */
  List<InvoiceLine> asList() {
    return Collections.unmodifiableList(lines);
  }
}
