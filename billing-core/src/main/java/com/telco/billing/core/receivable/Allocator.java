package com.telco.billing.core.receivable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Allocation (docs/billing-rules.md, Payments): the money receipts hold unallocated goes to the
 * open invoices, oldest first (issue date, then number), receipts in the order they came; an
 * allocation never exceeds an invoice's remaining amount; what is left stays unallocated credit.
 */
final class Allocator {
  private Allocator() {}

  /** Applies every receipt's unallocated money to the open invoices, as of {@code date}. */
  static Receivables settle(Receivables r, LocalDate date) {
    List<OpenItem> items = new ArrayList<>(r.items());
    items.sort(Receivables.OLDEST_FIRST);
    List<Receipt> receipts = new ArrayList<>(r.receipts());
    long seq = r.nextSeq();
    int firstOpen = nextOpen(items, 0);
    for (int ri = 0; ri < receipts.size() && firstOpen < items.size(); ri++) {
      Receipt receipt = receipts.get(ri);
      BigDecimal free = receipt.unallocated();
      if (free.signum() <= 0) {
        continue;
      }
      List<Allocation> allocations = new ArrayList<>(receipt.allocations());
      while (free.signum() > 0 && firstOpen < items.size()) {
        OpenItem item = items.get(firstOpen);
        BigDecimal amount = free.min(item.remaining());
        allocations.add(new Allocation(item.number(), amount, date, seq++));
        items.set(firstOpen, item.withRemaining(item.remaining().subtract(amount)));
        free = free.subtract(amount);
        firstOpen = nextOpen(items, firstOpen);
      }
      receipts.set(ri, receipt.with(allocations, receipt.reversals()));
    }
    return new Receivables(r.currency(), items, receipts, seq);
  }

  private static int nextOpen(List<OpenItem> items, int from) {
    int i = from;
    while (i < items.size() && !items.get(i).isOpen()) {
      i++;
    }
    return i;
  }
}
