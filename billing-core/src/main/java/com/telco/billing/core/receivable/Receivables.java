package com.telco.billing.core.receivable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The accounts receivable of one account in its one currency: its invoices as open items, the money
 * it received or was credited, and how one was applied to the other (docs/billing-rules.md,
 * Payments). Immutable; every change returns the next value. The allocation rules are in {@link
 * Allocator}, the rules of taking money back in {@link Reversals}.
 *
 * <p>Invariant: after every change no invoice is open while a receipt holds unallocated money (the
 * credit is applied, oldest invoice first).
 *
 * @param currency the account's currency; amounts have its minor units
 * @param items every issued invoice, in allocation order (issue date, then number)
 * @param receipts in the order they were received
 * @param nextSeq the sequence number of the next allocation
 */
public record Receivables(
    Currency currency, List<OpenItem> items, List<Receipt> receipts, long nextSeq) {

  /** Allocation order of invoices: oldest issue date first, then number. */
  public static final Comparator<OpenItem> OLDEST_FIRST =
      Comparator.comparing(OpenItem::issueDate).thenComparing(OpenItem::number);

  /** The id of the credit an invoice with a negative total creates. */
  public static String creditIdOf(String invoiceNumber) {
    return "credit:" + invoiceNumber;
  }

  public Receivables {
    Objects.requireNonNull(currency, "currency");
    items = List.copyOf(items);
    receipts = List.copyOf(receipts);
  }

  public static Receivables empty(Currency currency) {
    return new Receivables(currency, List.of(), List.of(), 1);
  }

  /** The invoice {@code number}, if issued. */
  public Optional<OpenItem> item(String number) {
    for (OpenItem item : items) {
      if (item.number().equals(number)) {
        return Optional.of(item);
      }
    }
    return Optional.empty();
  }

  /** The receipt {@code id}, if received. */
  public Optional<Receipt> receipt(String id) {
    for (Receipt receipt : receipts) {
      if (receipt.id().equals(id)) {
        return Optional.of(receipt);
      }
    }
    return Optional.empty();
  }

  /** Amounts of {@code currency} with exactly its minor units; anything else is refused. */
  public Optional<String> amountRefusal(BigDecimal amount, Currency of) {
    if (!currency.equals(of)) {
      return Optional.of(RefusalCodes.CURRENCY_MISMATCH);
    }
    if (amount.signum() <= 0) {
      return Optional.of(RefusalCodes.AMOUNT_NOT_POSITIVE);
    }
    if (amount.stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
      return Optional.of(RefusalCodes.AMOUNT_PRECISION);
    }
    return Optional.empty();
  }

  /**
   * Records an issued invoice: an open item, then the account's unallocated credit applied to it.
   * An invoice with a negative total is settled at once and creates credit of its amount. An
   * invoice already recorded is left as it is.
   */
  public Receivables issue(
      String number, LocalDate issueDate, LocalDate dueDate, BigDecimal total) {
    if (item(number).isPresent()) {
      return this;
    }
    BigDecimal amount = scaled(total);
    List<OpenItem> nextItems = new ArrayList<>(items);
    List<Receipt> nextReceipts = new ArrayList<>(receipts);
    BigDecimal zero = scaled(BigDecimal.ZERO);
    if (amount.signum() < 0) {
      nextItems.add(new OpenItem(number, issueDate, dueDate, amount, zero, zero));
      nextReceipts.add(
          new Receipt(
              creditIdOf(number),
              Receipt.Kind.CREDIT,
              issueDate,
              amount.negate(),
              List.of(),
              List.of()));
    } else {
      nextItems.add(new OpenItem(number, issueDate, dueDate, amount, zero, amount));
    }
    nextItems.sort(OLDEST_FIRST);
    Receivables settled =
        Allocator.settle(new Receivables(currency, nextItems, nextReceipts, nextSeq), issueDate);
    // the credit applied at issue is what the settling allocated to the new invoice
    BigDecimal credit = settled.allocatedTo(number);
    if (credit.signum() == 0) {
      return settled;
    }
    List<OpenItem> withCredit = new ArrayList<>(settled.items);
    withCredit.replaceAll(i -> i.number().equals(number) ? i.withCreditApplied(credit) : i);
    return new Receivables(currency, withCredit, settled.receipts, settled.nextSeq);
  }

  /**
   * Records a payment received on {@code date} and allocates it to the open invoices, oldest first;
   * what is left is unallocated credit. Check {@link #amountRefusal} first. A receipt already
   * recorded under {@code id} is left as it is.
   */
  public Receivables receive(String id, LocalDate date, BigDecimal amount) {
    if (receipt(id).isPresent()) {
      return this;
    }
    List<Receipt> next = new ArrayList<>(receipts);
    next.add(new Receipt(id, Receipt.Kind.PAYMENT, date, scaled(amount), List.of(), List.of()));
    return Allocator.settle(new Receivables(currency, items, next, nextSeq), date);
  }

  /**
   * Records the credit of credit note {@code number} (docs/billing-rules.md, "Credit notes and
   * adjustments"): allocated to the remaining amount of the invoice it credits first, then, like
   * any credit, to the other open invoices oldest first; what is left is unallocated credit. A
   * credit note already recorded is left as it is.
   *
   * @param amount the credit note's tax-included amount, positive
   */
  public Receivables creditNote(
      String number, String invoiceNumber, LocalDate date, BigDecimal amount) {
    if (receipt(number).isPresent()) {
      return this;
    }
    BigDecimal credit = scaled(amount);
    List<OpenItem> nextItems = new ArrayList<>(items);
    List<Allocation> allocations = new ArrayList<>();
    long seq = nextSeq;
    for (int i = 0; i < nextItems.size(); i++) {
      OpenItem item = nextItems.get(i);
      if (item.number().equals(invoiceNumber) && item.isOpen()) {
        BigDecimal applied = credit.min(item.remaining());
        allocations.add(new Allocation(invoiceNumber, applied, date, seq++));
        nextItems.set(i, item.withRemaining(item.remaining().subtract(applied)));
      }
    }
    List<Receipt> nextReceipts = new ArrayList<>(receipts);
    nextReceipts.add(
        new Receipt(number, Receipt.Kind.CREDIT_NOTE, date, credit, allocations, List.of()));
    return Allocator.settle(new Receivables(currency, nextItems, nextReceipts, seq), date);
  }

  /**
   * How much of receipt {@code receiptId} (a payment, a credit note) went to invoice {@code
   * invoiceNumber}: the sum of its allocations to it; zero for an unknown receipt.
   */
  public BigDecimal allocatedTo(String receiptId, String invoiceNumber) {
    return receipt(receiptId)
        .map(
            r ->
                r.allocations().stream()
                    .filter(a -> a.invoiceNumber().equals(invoiceNumber))
                    .map(Allocation::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add))
        .orElse(BigDecimal.ZERO);
  }

  /** Why {@code amount} cannot be refunded from payment {@code paymentId}, if it cannot. */
  public Optional<String> refundRefusal(String paymentId, BigDecimal amount) {
    Optional<Receipt> receipt = receipt(paymentId);
    if (receipt.isEmpty() || receipt.get().kind() != Receipt.Kind.PAYMENT) {
      return Optional.of(RefusalCodes.PAYMENT_NOT_FOUND);
    }
    Optional<String> bad = amountRefusal(amount, currency);
    if (bad.isPresent()) {
      return bad;
    }
    if (amount.compareTo(receipt.get().refundable()) > 0) {
      return Optional.of(RefusalCodes.REFUND_EXCEEDS_PAYMENT);
    }
    return Optional.empty();
  }

  /**
   * Refunds {@code amount} of a payment: its allocations are reversed newest first (the invoice
   * allocated last reopens first), then its unallocated credit; then the account's credit is
   * applied again. Check {@link #refundRefusal} first; a refund id already recorded is ignored.
   */
  public Receivables refund(String paymentId, String refundId, BigDecimal amount, LocalDate date) {
    return Reversals.takeBack(
        this, paymentId, new Reversal(refundId, Reversal.Kind.REFUND, scaled(amount), date));
  }

  /**
   * A chargeback (or a direct debit returned by the bank, {@code kind} RETURN): the whole of what
   * the payment still holds is taken back like a full refund. Nothing happens for an unknown
   * payment, a repeated id, or a payment that holds nothing.
   */
  public Receivables reverseInFull(
      String paymentId, String reversalId, Reversal.Kind kind, LocalDate date) {
    Optional<Receipt> receipt = receipt(paymentId);
    if (receipt.isEmpty() || receipt.get().held().signum() == 0) {
      return this;
    }
    return Reversals.takeBack(
        this, paymentId, new Reversal(reversalId, kind, receipt.get().held(), date));
  }

  /**
   * A chargeback won: what the chargebacks of the payment took comes back and is allocated again,
   * oldest invoice first. Nothing happens when nothing is charged back or the id was recorded.
   */
  public Receivables chargebackWon(String paymentId, String reversalId, LocalDate date) {
    Optional<Receipt> receipt = receipt(paymentId);
    if (receipt.isEmpty() || receipt.get().chargedBack().signum() <= 0) {
      return this;
    }
    return Reversals.giveBack(
        this,
        paymentId,
        new Reversal(reversalId, Reversal.Kind.CHARGEBACK_WON, receipt.get().chargedBack(), date));
  }

  /**
   * Why invoice {@code number} cannot be written off, if it cannot: unknown, or nothing remains
   * (docs/billing-rules.md, "Credit notes and adjustments").
   */
  public Optional<String> writeOffRefusal(String number) {
    Optional<OpenItem> item = item(number);
    if (item.isEmpty()) {
      return Optional.of(RefusalCodes.INVOICE_NOT_FOUND);
    }
    if (!item.get().isOpen()) {
      return Optional.of(RefusalCodes.INVOICE_NOT_OPEN);
    }
    return Optional.empty();
  }

  /**
   * Writes off what invoice {@code number} still owes on {@code date}: a receipt of kind {@link
   * Receipt.Kind#WRITE_OFF} holding exactly the remaining amount, allocated to that invoice alone,
   * which is settled. Its allocation is never reversed (only payments are refunded), so a refund of
   * a payment that reopens the invoice reopens only what that payment paid. Nothing happens for an
   * id already recorded or an invoice {@link #writeOffRefusal} refuses.
   */
  public Receivables writeOff(String number, String id, LocalDate date) {
    if (receipt(id).isPresent() || writeOffRefusal(number).isPresent()) {
      return this;
    }
    OpenItem item = item(number).orElseThrow();
    BigDecimal amount = item.remaining();
    List<Receipt> nextReceipts = new ArrayList<>(receipts);
    nextReceipts.add(
        new Receipt(
            id,
            Receipt.Kind.WRITE_OFF,
            date,
            amount,
            List.of(new Allocation(number, amount, date, nextSeq)),
            List.of()));
    List<OpenItem> nextItems = new ArrayList<>(items);
    nextItems.replaceAll(
        i -> i.number().equals(number) ? i.withRemaining(scaled(BigDecimal.ZERO)) : i);
    return new Receivables(currency, nextItems, nextReceipts, nextSeq + 1);
  }

  /** What write-offs gave up of invoice {@code number}. */
  public BigDecimal writtenOff(String number) {
    BigDecimal sum = scaled(BigDecimal.ZERO);
    for (Receipt r : receipts) {
      if (r.kind() == Receipt.Kind.WRITE_OFF) {
        for (Allocation a : r.allocations()) {
          if (a.invoiceNumber().equals(number)) {
            sum = sum.add(a.amount());
          }
        }
      }
    }
    return sum;
  }

  /** What is allocated to invoice {@code number} now, over all receipts. */
  public BigDecimal allocatedTo(String number) {
    BigDecimal sum = scaled(BigDecimal.ZERO);
    for (Receipt r : receipts) {
      for (Allocation a : r.allocations()) {
        if (a.invoiceNumber().equals(number)) {
          sum = sum.add(a.amount());
        }
      }
    }
    return sum;
  }

  /** The open items (remaining above zero), oldest first. */
  public List<OpenItem> openItems() {
    List<OpenItem> open = new ArrayList<>();
    for (OpenItem item : items) {
      if (item.isOpen()) {
        open.add(item);
      }
    }
    return open;
  }

  /** Sum of what the open invoices still owe. */
  public BigDecimal receivable() {
    BigDecimal sum = scaled(BigDecimal.ZERO);
    for (OpenItem item : items) {
      sum = sum.add(item.remaining());
    }
    return sum;
  }

  /** Sum of the receipts' unallocated money. */
  public BigDecimal unallocatedCredit() {
    BigDecimal sum = scaled(BigDecimal.ZERO);
    for (Receipt r : receipts) {
      sum = sum.add(r.unallocated());
    }
    return sum;
  }

  BigDecimal scaled(BigDecimal amount) {
    return amount.setScale(currency.getDefaultFractionDigits(), RoundingMode.UNNECESSARY);
  }
}
