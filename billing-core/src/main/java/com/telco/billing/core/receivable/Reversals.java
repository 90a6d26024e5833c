package com.telco.billing.core.receivable;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Taking money back from a payment (docs/billing-rules.md, Payments): a refund reverses the
 * payment's allocations newest first, the invoice allocated last reopening first, then takes its
 * unallocated credit; a chargeback or a bank return does the same for all the payment holds. A
 * chargeback won gives the money back to the payment, which is then allocated oldest first. Nothing
 * takes back more than a payment holds: a payment never goes below zero.
 */
final class Reversals {
  private Reversals() {}

  static Receivables takeBack(Receivables r, String paymentId, Reversal reversal) {
    int index = indexOf(r, paymentId);
    if (index < 0 || recorded(r.receipts().get(index), reversal.id())) {
      return r;
    }
    Receipt receipt = r.receipts().get(index);
    // never more than the payment still holds (a refund that lands after a chargeback took all)
    BigDecimal amount = reversal.amount().min(receipt.held());
    if (amount.signum() <= 0) {
      return r;
    }
    if (amount.compareTo(reversal.amount()) < 0) {
      reversal = new Reversal(reversal.id(), reversal.kind(), amount, reversal.date());
    }
    List<Allocation> allocations = new ArrayList<>(receipt.allocations());
    allocations.sort(Comparator.comparingLong(Allocation::seq));
    Map<String, BigDecimal> reopened = new HashMap<>();
    BigDecimal left = reversal.amount();
    for (int i = allocations.size() - 1; i >= 0 && left.signum() > 0; i--) {
      Allocation a = allocations.get(i);
      BigDecimal take = left.min(a.amount());
      reopened.merge(a.invoiceNumber(), take, BigDecimal::add);
      left = left.subtract(take);
      if (take.compareTo(a.amount()) == 0) {
        allocations.remove(i);
      } else {
        allocations.set(
            i, new Allocation(a.invoiceNumber(), a.amount().subtract(take), a.date(), a.seq()));
      }
    }
    // what is left of the reversal comes out of the payment's unallocated credit
    List<Reversal> reversals = new ArrayList<>(receipt.reversals());
    reversals.add(reversal);
    List<Receipt> receipts = new ArrayList<>(r.receipts());
    receipts.set(index, receipt.with(allocations, reversals));
    List<OpenItem> items = new ArrayList<>(r.items());
    items.replaceAll(
        item -> {
          BigDecimal back = reopened.get(item.number());
          return back == null ? item : item.withRemaining(item.remaining().add(back));
        });
    return Allocator.settle(
        new Receivables(r.currency(), items, receipts, r.nextSeq()), reversal.date());
  }

  static Receivables giveBack(Receivables r, String paymentId, Reversal won) {
    int index = indexOf(r, paymentId);
    if (index < 0 || recorded(r.receipts().get(index), won.id())) {
      return r;
    }
    Receipt receipt = r.receipts().get(index);
    List<Reversal> reversals = new ArrayList<>(receipt.reversals());
    reversals.add(won);
    List<Receipt> receipts = new ArrayList<>(r.receipts());
    receipts.set(index, receipt.with(receipt.allocations(), reversals));
    return Allocator.settle(
        new Receivables(r.currency(), r.items(), receipts, r.nextSeq()), won.date());
  }

  private static int indexOf(Receivables r, String paymentId) {
    for (int i = 0; i < r.receipts().size(); i++) {
      if (r.receipts().get(i).id().equals(paymentId)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean recorded(Receipt receipt, String reversalId) {
    for (Reversal existing : receipt.reversals()) {
      if (existing.id().equals(reversalId)) {
        return true;
      }
    }
    return false;
  }
}
