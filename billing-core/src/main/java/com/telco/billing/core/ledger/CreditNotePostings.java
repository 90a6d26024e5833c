package com.telco.billing.core.ledger;

import com.telco.billing.core.creditnote.CreditNoteDraft;
import com.telco.billing.core.creditnote.CreditedLine;
import com.telco.billing.core.invoice.InvoiceDraft;
import com.telco.billing.core.invoice.InvoiceLine;
import com.telco.billing.core.invoice.TaxItem;
import com.telco.billing.core.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The posting of a credit note (docs/billing-rules.md, "Ledger", credit note): debit revenue or
 * deferred revenue as the credited line was booked, and tax payable per rate; credit accounts
 * receivable (the part allocated to the invoice) and customer credit (the rest).
 *
 * <p>"As the credited line was booked" ({@link InvoicePostings#bookingOf}): a credited line booked
 * at revenue in full debits revenue. For a line with a deferred part, the credit's deferred share
 * is {@code HALF_UP(credited so far * deferred / line)} less that of the earlier credit notes (so
 * the credit notes of a whole line take back exactly its deferred part); the rest of the credit
 * debits revenue. Of the deferred share, the days already passed on the credit note's date were
 * recognised, so their part ({@code HALF_UP(share * passed days / deferred days)}) debits revenue;
 * the part of the days to come debits deferred revenue and becomes a negative {@link DeferredLine}
 * over those days, which offsets the credited line's recognition day by day.
 */
public final class CreditNotePostings {
  private CreditNotePostings() {}

  /**
   * The booking of credit note {@code source.sourceDocument()} against invoice {@code
   * invoiceNumber}, posted on {@code source.date()} (on or after the invoice's issue date).
   *
   * @param earlier the lines the invoice's earlier credit notes credited
   * @param allocated the part of the credit allocated to the invoice (the rest is customer credit)
   * @param jurisdiction the account's tax jurisdiction
   */
  public static CreditNoteBooking issued(
      PostingSource source,
      String invoiceNumber,
      InvoiceDraft invoice,
      List<CreditedLine> earlier,
      CreditNoteDraft note,
      BigDecimal allocated,
      String jurisdiction,
      ChartOfAccounts chart) {
    InvoicePostings.requireEntity(chart, source.legalEntity());
    int minor = invoice.currency().getDefaultFractionDigits();
    if (!invoice.currency().equals(source.currency())) {
      throw new IllegalArgumentException("credit note not in the invoice's currency");
    }
    LedgerAmounts.requireNotNegative(allocated, "allocated part");
    LedgerAmounts.requireMinorUnits(allocated, minor, "allocated part");
    if (allocated.compareTo(note.taxIncludedAmount()) > 0) {
      throw new IllegalArgumentException("allocated part above the credit note's amount");
    }
    Map<Integer, BigDecimal> creditedBefore = new HashMap<>();
    for (CreditedLine c : earlier) {
      creditedBefore.merge(c.line(), c.amount(), BigDecimal::add);
    }
    PostingBuilder posting = new PostingBuilder();
    List<DeferredLine> deferred = new ArrayList<>();
    for (CreditedLine c : note.lines()) {
      InvoiceLine line = invoice.lines().get(c.line() - 1);
      String revenue = chart.revenue(line.glCode());
      LineBooking booking = InvoicePostings.bookingOf(line, invoice.issueDate(), minor);
      BigDecimal amount = LedgerAmounts.requireMinorUnits(c.amount(), minor, "credited line");
      if (!booking.isDeferred()) {
        posting.debit(revenue, null, amount);
        continue;
      }
      BigDecimal before = creditedBefore.getOrDefault(c.line(), BigDecimal.ZERO);
      BigDecimal share =
          shareOf(before.add(amount), booking.deferred(), line.amount(), minor)
              .subtract(shareOf(before, booking.deferred(), line.amount(), minor));
      creditedBefore.put(c.line(), before.add(amount));
      LocalDate from = booking.deferredFrom();
      LocalDate to = booking.deferredUntil();
      LocalDate on = source.date().isAfter(from) ? source.date() : from;
      BigDecimal toCome = BigDecimal.ZERO;
      if (on.isBefore(to)) {
        long days = ChronoUnit.DAYS.between(from, to);
        long passed = ChronoUnit.DAYS.between(from, on);
        BigDecimal passedPart =
            share
                .multiply(BigDecimal.valueOf(passed))
                .divide(BigDecimal.valueOf(days), minor, Money.ROUNDING);
        toCome = share.subtract(passedPart);
      }
      posting.debit(revenue, null, amount.subtract(toCome));
      posting.debit(chart.deferredRevenue(), line.glCode(), toCome);
      if (toCome.signum() != 0) {
        deferred.add(
            new DeferredLine(
                source.sourceDocument(),
                c.line(),
                line.glCode(),
                on,
                to,
                toCome.negate(),
                invoice.currency()));
      }
    }
    for (TaxItem tax : note.taxItems()) {
      if (tax.taxAmount().signum() != 0) {
        posting.debit(
            chart.taxPayable(jurisdiction, tax),
            null,
            LedgerAmounts.requireMinorUnits(tax.taxAmount(), minor, "tax"));
      }
    }
    posting.credit(chart.receivable(), invoiceNumber, allocated);
    posting.credit(chart.customerCredit(), null, note.taxIncludedAmount().subtract(allocated));
    Posting built =
        posting
            .build(source, PostingKind.CREDIT_NOTE)
            .orElseThrow(() -> new IllegalArgumentException("credit note credits nothing"));
    return new CreditNoteBooking(built, deferred);
  }

  private static BigDecimal shareOf(
      BigDecimal credited, BigDecimal deferred, BigDecimal line, int minor) {
    return credited.multiply(deferred).divide(line, minor, Money.ROUNDING);
  }
}
