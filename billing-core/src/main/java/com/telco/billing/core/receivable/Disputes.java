package com.telco.billing.core.receivable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The disputes of an account and what they hold (docs/billing-rules.md, "Credit notes and
 * adjustments": a dispute puts the disputed amount on hold, owed but not overdue until it is
 * resolved; "Payments": overdue amount = remaining of the invoices past due, less amounts under
 * dispute). Immutable.
 *
 * <ul>
 *   <li>A dispute asks for at most what the invoice still owes and is not already on hold.
 *   <li>On hold per invoice: the sum of what its disputes hold ({@link Dispute#holds}), never more
 *       than its remaining amount: a payment pays the undisputed part last.
 *   <li>A dispute is resolved once: {@code released} (owed and chased again) or {@code upheld} (to
 *       be credited: the amount stays on hold until the invoice's remaining falls by it).
 * </ul>
 *
 * @param all every dispute, in the order they were opened
 */
public record Disputes(List<Dispute> all) {

  public static final Disputes NONE = new Disputes(List.of());

  public Disputes {
    all = List.copyOf(all);
  }

  public Optional<Dispute> dispute(String disputeId) {
    return all.stream().filter(d -> d.disputeId().equals(disputeId)).findFirst();
  }

  /** The disputes of invoice {@code number}, oldest first. */
  public List<Dispute> of(String number) {
    return all.stream().filter(d -> d.invoiceNumber().equals(number)).toList();
  }

  /** What is on hold of invoice {@code number}: at most its remaining amount; zero if unknown. */
  public BigDecimal onHold(Receivables receivables, String number) {
    Optional<OpenItem> item = receivables.item(number);
    BigDecimal zero = receivables.scaled(BigDecimal.ZERO);
    if (item.isEmpty()) {
      return zero;
    }
    BigDecimal remaining = item.get().remaining();
    BigDecimal held = zero;
    for (Dispute d : of(number)) {
      held = held.add(d.holds(remaining));
    }
    return held.min(remaining);
  }

  /**
   * What is on hold of the invoices past due on {@code today}: the amount {@code DunningInput}
   * deducts from the overdue amount. Invoices not yet due hold nothing of it: their disputed part
   * is deducted once they fall due.
   */
  public BigDecimal overdueOnHold(Receivables receivables, LocalDate today) {
    BigDecimal sum = receivables.scaled(BigDecimal.ZERO);
    for (OpenItem item : receivables.items()) {
      if (item.isPastDue(today)) {
        sum = sum.add(onHold(receivables, item.number()));
      }
    }
    return sum;
  }

  /**
   * Why {@code amount} of invoice {@code number} cannot be disputed, if it cannot: unknown invoice,
   * an amount that is not a positive amount of the account's currency, or more than the invoice
   * still owes and is not on hold already.
   */
  public Optional<String> openRefusal(Receivables receivables, String number, BigDecimal amount) {
    Optional<OpenItem> item = receivables.item(number);
    if (item.isEmpty()) {
      return Optional.of(RefusalCodes.INVOICE_NOT_FOUND);
    }
    Optional<String> bad = receivables.amountRefusal(amount, receivables.currency());
    if (bad.isPresent()) {
      return bad;
    }
    BigDecimal free = item.get().remaining().subtract(onHold(receivables, number));
    if (amount.compareTo(free) > 0) {
      return Optional.of(RefusalCodes.DISPUTE_EXCEEDS_REMAINING);
    }
    return Optional.empty();
  }

  /** The disputes with {@code dispute} opened; an id already known changes nothing. */
  public Disputes open(Dispute dispute) {
    if (dispute(dispute.disputeId()).isPresent()) {
      return this;
    }
    List<Dispute> next = new ArrayList<>(all);
    next.add(dispute);
    return new Disputes(next);
  }

  /** Why dispute {@code disputeId} cannot be resolved, if it cannot: unknown, or resolved. */
  public Optional<String> resolveRefusal(String disputeId) {
    Optional<Dispute> dispute = dispute(disputeId);
    if (dispute.isEmpty()) {
      return Optional.of(RefusalCodes.DISPUTE_NOT_FOUND);
    }
    if (!dispute.get().isOpen()) {
      return Optional.of(RefusalCodes.DISPUTE_RESOLVED);
    }
    return Optional.empty();
  }

  /**
   * The disputes with {@code disputeId} resolved on {@code on} as {@code outcome} ({@code RELEASED}
   * or {@code UPHELD}), {@code remaining} being its invoice's remaining amount then. Nothing
   * changes for a dispute {@link #resolveRefusal} refuses.
   */
  public Disputes resolve(
      String disputeId, Dispute.Status outcome, LocalDate on, BigDecimal remaining) {
    if (outcome == Dispute.Status.OPEN) {
      throw new IllegalArgumentException("a resolution is released or upheld");
    }
    if (resolveRefusal(disputeId).isPresent()) {
      return this;
    }
    List<Dispute> next = new ArrayList<>(all);
    next.replaceAll(d -> d.disputeId().equals(disputeId) ? d.resolved(outcome, on, remaining) : d);
    return new Disputes(next);
  }
}
