package com.telco.billing.core.receivable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Properties of the allocation rules over random histories of invoices, payments, reversals. */
class ReceivablesPropertiesTest {
  static final Currency EUR = Currency.getInstance("EUR");
  static final LocalDate START = LocalDate.of(2026, 1, 1);

  static BigDecimal cents(long c) {
    return BigDecimal.valueOf(c, 2);
  }

  /** A random history: invoices (some negative), payments, refunds, chargebacks, wins. */
  static Receivables history(long seed, int steps) {
    Random random = new Random(seed);
    Receivables r = Receivables.empty(EUR);
    List<String> payments = new ArrayList<>();
    for (int i = 0; i < steps; i++) {
      LocalDate day = START.plusDays(i);
      int what = random.nextInt(10);
      if (what < 3) {
        long total = random.nextInt(20) == 0 ? -random.nextInt(5000) : random.nextInt(20000);
        r = r.issue("INV-" + i, day, day.plusDays(14), cents(total));
      } else if (what < 7) {
        r = r.receive("P" + i, day, cents(1 + random.nextInt(15000)));
        payments.add("P" + i);
      } else if (!payments.isEmpty()) {
        String p = payments.get(random.nextInt(payments.size()));
        Receipt receipt = r.receipt(p).orElseThrow();
        if (what == 7 && receipt.refundable().signum() > 0) {
          long max = receipt.refundable().movePointRight(2).longValueExact();
          BigDecimal amount = cents(1 + (long) (random.nextDouble() * max) % max);
          assertTrue(r.refundRefusal(p, amount).isEmpty());
          r = r.refund(p, "R" + i, amount, day);
        } else if (what == 8) {
          r = r.reverseInFull(p, "CB" + i, Reversal.Kind.CHARGEBACK, day);
        } else {
          r = r.chargebackWon(p, "W" + i, day);
        }
      }
    }
    return r;
  }

  @Property(tries = 400)
  void allocationsPlusCreditEqualPaymentsMinusRefunds(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int steps) {
    Receivables r = history(seed, steps);
    BigDecimal allocated = BigDecimal.ZERO;
    BigDecimal held = BigDecimal.ZERO;
    for (Receipt receipt : r.receipts()) {
      allocated = allocated.add(receipt.allocated());
      held = held.add(receipt.held());
      assertTrue(
          receipt.unallocated().signum() >= 0, "a receipt never allocates more than it holds");
      assertTrue(receipt.held().signum() >= 0);
    }
    assertEquals(0, allocated.add(r.unallocatedCredit()).compareTo(held));
  }

  @Property(tries = 400)
  void noRemainingBelowZeroOrAboveTotalAndNoCreditBesideAnOpenInvoice(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int steps) {
    Receivables r = history(seed, steps);
    for (OpenItem item : r.items()) {
      assertTrue(item.remaining().signum() >= 0);
      assertTrue(item.remaining().compareTo(item.total().max(BigDecimal.ZERO)) <= 0);
      BigDecimal expected =
          item.total().max(BigDecimal.ZERO).subtract(r.allocatedTo(item.number()));
      assertEquals(0, expected.compareTo(item.remaining()), "remaining = total - allocations");
    }
    assertFalse(
        r.receivable().signum() > 0 && r.unallocatedCredit().signum() > 0,
        "credit is applied while an invoice is open");
  }

  @Property(tries = 400)
  void theStatementClosesOnTheBalance(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int steps) {
    Receivables r = history(seed, steps);
    LocalDate end = START.plusDays(steps);
    Statement s = Statement.of(r, START.plusDays(steps / 2), end);
    assertEquals(0, s.closing().compareTo(Balance.of(r, end).balance()));
    BigDecimal running = s.opening();
    for (Statement.Entry e : s.entries()) {
      running = running.add(e.amount());
      assertEquals(0, running.compareTo(e.balance()));
    }
  }

  /** With every invoice issued first, what remains per invoice depends only on what was paid. */
  @Property(tries = 300)
  void paymentsInAnyOrderLeaveTheSameRemainingAmounts(
      @ForAll long seed, @ForAll @LongRange(min = 1, max = 12) long count) {
    Random random = new Random(seed);
    Receivables invoiced = Receivables.empty(EUR);
    for (int i = 0; i < 6; i++) {
      invoiced =
          invoiced.issue(
              "INV-" + i, START.plusDays(i), START.plusDays(i + 14), cents(random.nextInt(10000)));
    }
    List<BigDecimal> amounts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      amounts.add(cents(1 + random.nextInt(8000)));
    }
    Receivables inOrder = invoiced;
    for (int i = 0; i < amounts.size(); i++) {
      inOrder = inOrder.receive("P" + i, START.plusDays(30), amounts.get(i));
    }
    List<BigDecimal> shuffled = new ArrayList<>(amounts);
    Collections.shuffle(shuffled, random);
    Receivables otherOrder = invoiced;
    for (int i = 0; i < shuffled.size(); i++) {
      otherOrder = otherOrder.receive("Q" + i, START.plusDays(30), shuffled.get(i));
    }
    for (OpenItem item : inOrder.items()) {
      OpenItem other = otherOrder.item(item.number()).orElseThrow();
      assertEquals(0, item.remaining().compareTo(other.remaining()));
    }
    assertEquals(0, inOrder.unallocatedCredit().compareTo(otherOrder.unallocatedCredit()));
  }

  @Property(tries = 200)
  void aFullRefundRestoresTheInvoicesAsIfThePaymentNeverCame(
      @ForAll long seed, @ForAll @LongRange(min = 1, max = 20000) long paid) {
    Random random = new Random(seed);
    Receivables invoiced = Receivables.empty(EUR);
    for (int i = 0; i < 4; i++) {
      invoiced =
          invoiced.issue(
              "INV-" + i, START.plusDays(i), START.plusDays(i + 14), cents(random.nextInt(10000)));
    }
    Receivables refunded =
        invoiced
            .receive("P", START.plusDays(20), cents(paid))
            .refund("P", "R", cents(paid), START.plusDays(21));
    for (OpenItem item : invoiced.items()) {
      assertEquals(
          0, item.remaining().compareTo(refunded.item(item.number()).orElseThrow().remaining()));
    }
    assertEquals(0, refunded.unallocatedCredit().signum());
  }
}
