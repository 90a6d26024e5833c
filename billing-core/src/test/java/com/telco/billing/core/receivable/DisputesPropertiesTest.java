package com.telco.billing.core.receivable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Properties of disputes and write-offs over random histories: what is on hold never exceeds what
 * remains, and the overdue amount less what is on hold is never negative.
 */
class DisputesPropertiesTest {

  @Property(tries = 300)
  void theHoldNeverExceedsTheRemainingAndOverdueLessHoldIsNeverNegative(
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 1, max = 60) int steps) {
    Random random = new Random(seed);
    Receivables r = ReceivablesPropertiesTest.history(seed, steps);
    Disputes d = Disputes.NONE;
    LocalDate day = ReceivablesPropertiesTest.START.plusDays(steps);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < steps; i++) {
      day = day.plusDays(random.nextInt(3));
      List<OpenItem> open = r.openItems();
      int what = random.nextInt(10);
      if (what < 5 && !open.isEmpty()) {
        OpenItem item = open.get(random.nextInt(open.size()));
        BigDecimal free = item.remaining().subtract(d.onHold(r, item.number()));
        long maxCents = free.movePointRight(2).longValueExact() + 2;
        BigDecimal amount =
            ReceivablesPropertiesTest.cents(1 + (long) (random.nextDouble() * maxCents));
        boolean fits = amount.compareTo(free) <= 0;
        assertEquals(fits, d.openRefusal(r, item.number(), amount).isEmpty());
        if (fits) {
          d = d.open(Dispute.opened("D" + i, item.number(), amount, "", day));
          ids.add("D" + i);
        }
      } else if (what < 7 && !ids.isEmpty()) {
        String id = ids.get(random.nextInt(ids.size()));
        Dispute dispute = d.dispute(id).orElseThrow();
        BigDecimal remaining = r.item(dispute.invoiceNumber()).orElseThrow().remaining();
        Dispute.Status outcome =
            random.nextBoolean() ? Dispute.Status.RELEASED : Dispute.Status.UPHELD;
        d = d.resolve(id, outcome, day, remaining);
      } else if (what < 8 && !open.isEmpty()) {
        r = r.writeOff(open.get(random.nextInt(open.size())).number(), "WO" + i, day);
      } else {
        r = r.receive("PX" + i, day, ReceivablesPropertiesTest.cents(1 + random.nextInt(8000)));
      }
      BigDecimal totalHold = BigDecimal.ZERO;
      for (OpenItem item : r.items()) {
        BigDecimal hold = d.onHold(r, item.number());
        assertTrue(hold.signum() >= 0);
        assertTrue(hold.compareTo(item.remaining()) <= 0, "hold above remaining");
        totalHold = totalHold.add(hold);
      }
      assertTrue(totalHold.compareTo(r.receivable()) <= 0);
      for (int ahead = 0; ahead < 40; ahead += 13) {
        LocalDate on = day.plusDays(ahead);
        BigDecimal overdue = Balance.of(r, on).overdue();
        BigDecimal held = d.overdueOnHold(r, on);
        assertTrue(overdue.subtract(held).signum() >= 0, "overdue less hold negative");
      }
      // invariant of receivables: no open invoice while money is unallocated
      assertTrue(r.openItems().isEmpty() || r.unallocatedCredit().signum() == 0);
    }
  }
}
