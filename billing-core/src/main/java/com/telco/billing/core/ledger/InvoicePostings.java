package com.telco.billing.core.ledger;

import com.telco.billing.core.invoice.InvoiceDraft;
import com.telco.billing.core.invoice.InvoiceLine;
import com.telco.billing.core.invoice.LineType;
import com.telco.billing.core.invoice.TaxItem;
import com.telco.billing.core.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The posting of an issued invoice (docs/billing-rules.md, "Ledger", invoice issued): debit
 * accounts receivable with the tax-included total; credit revenue per GL code for usage, one-time
 * charges, fees, adjustments and the service days before the issue date; credit deferred revenue
 * per GL code for the recurring service days from the issue date on; credit tax payable per rate.
 *
 * <ul>
 *   <li>Recurring lines ({@link LineType#RECURRING}) and their discounts ({@link
 *       LineType#DISCOUNT}, booked like the line they discount, under their own GL code) are split
 *       by days at the issue date: the days before at revenue, {@code HALF_UP(amount * days before
 *       / days)}, the rest deferred, so the two parts add up to the line exactly.
 *   <li>A negative line (a credit, a discount, a negative adjustment) books the same way with the
 *       opposite side: it debits its account.
 *   <li>Lines of zero make no posting line; amounts of one account and reference are netted.
 *   <li>A late fee is a one-time line with {@code FeeCharge.GL_CODE}: booked at the chart's fee
 *       income.
 * </ul>
 *
 * Pure: the caller gives the invoice number and the account's tax jurisdiction.
 */
public final class InvoicePostings {
  private InvoicePostings() {}

  /**
   * The booking of invoice {@code invoiceNumber}, posted on its issue date.
   *
   * @param postingId the stable posting id
   * @param jurisdiction the account's tax jurisdiction (keys the tax payable accounts); may be
   *     {@code null} for an invoice without tax items
   */
  public static InvoiceBooking issued(
      String postingId,
      String invoiceNumber,
      InvoiceDraft invoice,
      String jurisdiction,
      ChartOfAccounts chart) {
    requireEntity(chart, invoice.legalEntity());
    int minor = invoice.currency().getDefaultFractionDigits();
    PostingBuilder posting = new PostingBuilder();
    posting.debit(
        chart.receivable(),
        invoiceNumber,
        LedgerAmounts.requireMinorUnits(invoice.taxIncludedAmount(), minor, "invoice total"));
    List<DeferredLine> deferred = new ArrayList<>();
    List<InvoiceLine> lines = invoice.lines();
    for (int i = 0; i < lines.size(); i++) {
      InvoiceLine line = lines.get(i);
      LedgerAmounts.requireMinorUnits(line.amount(), minor, "line " + (i + 1));
      LineBooking booking = bookingOf(line, invoice.issueDate(), minor);
      posting.credit(chart.revenue(line.glCode()), null, booking.revenue());
      if (booking.isDeferred()) {
        posting.credit(chart.deferredRevenue(), line.glCode(), booking.deferred());
        deferred.add(
            new DeferredLine(
                invoiceNumber,
                i + 1,
                line.glCode(),
                booking.deferredFrom(),
                booking.deferredUntil(),
                booking.deferred(),
                invoice.currency()));
      }
    }
    for (TaxItem tax : invoice.taxItems()) {
      LedgerAmounts.requireMinorUnits(tax.taxAmount(), minor, "tax");
      if (tax.taxAmount().signum() != 0) {
        posting.credit(chart.taxPayable(jurisdiction, tax), null, tax.taxAmount());
      }
    }
    PostingSource source =
        new PostingSource(
            postingId,
            invoice.legalEntity(),
            invoice.currency(),
            invoice.issueDate(),
            invoice.accountId(),
            invoiceNumber);
    return new InvoiceBooking(posting.build(source, PostingKind.INVOICE_ISSUED), deferred);
  }

  /**
   * How a line of an invoice issued on {@code issueDate} is booked: recurring lines and discounts
   * split by days at the issue date, every other line at revenue in full.
   */
  public static LineBooking bookingOf(InvoiceLine line, LocalDate issueDate, int minor) {
    BigDecimal amount = line.amount();
    LocalDate start = line.servicePeriodStart();
    LocalDate end = line.servicePeriodEnd();
    boolean deferrable = line.type() == LineType.RECURRING || line.type() == LineType.DISCOUNT;
    if (!deferrable || !end.isAfter(issueDate) || !end.isAfter(start)) {
      return new LineBooking(amount, zero(minor), null, null);
    }
    LocalDate from = start.isAfter(issueDate) ? start : issueDate;
    long days = ChronoUnit.DAYS.between(start, end);
    long before = ChronoUnit.DAYS.between(start, from);
    BigDecimal revenue =
        amount
            .multiply(BigDecimal.valueOf(before))
            .divide(BigDecimal.valueOf(days), minor, Money.ROUNDING);
    return new LineBooking(revenue, amount.subtract(revenue), from, end);
  }

  static void requireEntity(ChartOfAccounts chart, String legalEntity) {
    if (!chart.legalEntity().equals(legalEntity)) {
      throw new IllegalArgumentException(
          "chart of " + chart.legalEntity() + " does not book " + legalEntity);
    }
  }

  static BigDecimal zero(int minor) {
    return BigDecimal.ZERO.setScale(minor);
  }
}
