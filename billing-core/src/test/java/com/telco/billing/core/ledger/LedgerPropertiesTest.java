package com.telco.billing.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.creditnote.CreditNoteCalculator;
import com.telco.billing.core.creditnote.CreditNoteDraft;
import com.telco.billing.core.creditnote.CreditRequest;
import com.telco.billing.core.invoice.FeeCharge;
import com.telco.billing.core.invoice.InvoiceDraft;
import com.telco.billing.core.invoice.InvoiceLine;
import com.telco.billing.core.invoice.LineType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** Properties of invoice postings and recognition over random invoices. */
class LedgerPropertiesTest {
  static final List<String> CURRENCIES = List.of("EUR", "JPY", "BHD");
  static final List<String> CATEGORIES = List.of("telecom", "reduced", "odd", "exempt");
  static final List<String> GL_CODES =
      List.of("4100-SUBS", "4110-TV", "4190-DISC", "4200-USAGE", FeeCharge.GL_CODE, "4300-ADJ");
  static final ChartOfAccounts CHART = LedgerSamples.chart();

  static InvoiceDraft randomInvoice(Random random, Currency currency) {
    int minor = currency.getDefaultFractionDigits();
    LocalDate issued = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(400));
    List<InvoiceLine> lines = new ArrayList<>();
    int n = 1 + random.nextInt(8);
    for (int i = 0; i < n; i++) {
      LineType type = LineType.values()[random.nextInt(LineType.values().length)];
      boolean credit = random.nextInt(5) == 0;
      long units = random.nextInt(random.nextBoolean() ? 100 : 100_000);
      boolean negative =
          type == LineType.DISCOUNT ^ credit
              || (type == LineType.ADJUSTMENT && random.nextBoolean());
      BigDecimal amount = BigDecimal.valueOf(negative ? -units : units, minor);
      // service periods before, straddling or after the issue date
      LocalDate from = issued.plusDays(random.nextInt(70) - 45);
      LocalDate until = from.plusDays(1 + random.nextInt(45));
      lines.add(
          LedgerSamples.line(
              type,
              amount.toPlainString(),
              from,
              until,
              CATEGORIES.get(random.nextInt(CATEGORIES.size())),
              GL_CODES.get(random.nextInt(GL_CODES.size())),
              credit));
    }
    return LedgerSamples.invoice(currency, issued, random.nextInt(5) == 0 ? null : "DE", lines);
  }

  static Currency currency(Random random) {
    return Currency.getInstance(CURRENCIES.get(random.nextInt(CURRENCIES.size())));
  }

  @Property(tries = 400)
  void invoicePostingBalancesAndRecognitionMovesExactlyTheDeferredAmount(
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed) {
    Random random = new Random(seed);
    Currency currency = currency(random);
    InvoiceDraft invoice = randomInvoice(random, currency);
    InvoiceBooking booking = InvoicePostings.issued("P", "INV-1", invoice, "DE", CHART);

    BigDecimal deferredTotal = BigDecimal.ZERO;
    for (DeferredLine d : booking.deferred()) {
      deferredTotal = deferredTotal.add(d.amount());
    }
    BigDecimal revenueTotal = BigDecimal.ZERO;
    for (InvoiceLine line : invoice.lines()) {
      LineBooking b =
          InvoicePostings.bookingOf(line, invoice.issueDate(), currency.getDefaultFractionDigits());
      assertEquals(0, b.revenue().add(b.deferred()).compareTo(line.amount()), line.toString());
      revenueTotal = revenueTotal.add(b.revenue());
    }
    if (booking.posting().isEmpty()) {
      assertEquals(0, invoice.taxIncludedAmount().signum());
      assertEquals(0, deferredTotal.signum());
      return;
    }
    Posting p = booking.posting().get();
    assertEquals(0, p.totalDebit().compareTo(p.totalCredit()));
    // the receivable debit equals the revenue + deferred + tax credits
    BigDecimal receivable = p.balanceOf(LedgerSamples.AR);
    assertEquals(0, receivable.compareTo(invoice.taxIncludedAmount()));
    BigDecimal others = BigDecimal.ZERO;
    for (PostingLine line : p.lines()) {
      if (!line.glAccount().equals(LedgerSamples.AR)) {
        others = others.subtract(line.signedAmount());
      }
    }
    assertEquals(0, others.compareTo(receivable), p.toString());
    assertEquals(0, p.balanceOf(LedgerSamples.DEFERRED).negate().compareTo(deferredTotal));
    BigDecimal tax = invoice.taxAmount();
    assertEquals(0, revenueTotal.add(deferredTotal).add(tax).compareTo(receivable));

    // recognising every day of every deferred line moves exactly the deferred amount
    BigDecimal recognised = BigDecimal.ZERO;
    LocalDate first = invoice.issueDate();
    LocalDate last = first;
    for (DeferredLine d : booking.deferred()) {
      last = d.endDay().isAfter(last) ? d.endDay() : last;
    }
    for (LocalDate day = first; day.isBefore(last); day = day.plusDays(1)) {
      var posting =
          RevenueRecognition.forDay(
              LedgerSamples.source("R", currency, day, "rec"), booking.deferred(), CHART);
      if (posting.isPresent()) {
        assertEquals(0, posting.get().totalDebit().compareTo(posting.get().totalCredit()));
        recognised = recognised.add(posting.get().balanceOf(LedgerSamples.DEFERRED));
      }
    }
    assertEquals(0, recognised.compareTo(deferredTotal));
  }

  @Property(tries = 400)
  void dayByDayAndRangeRecognitionAgree(
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed) {
    Random random = new Random(seed);
    Currency currency = currency(random);
    int minor = currency.getDefaultFractionDigits();
    LocalDate firstDay = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(365));
    long units = 1 + random.nextInt(random.nextBoolean() ? 50 : 1_000_000);
    DeferredLine line =
        new DeferredLine(
            "INV",
            1,
            "4100",
            firstDay,
            firstDay.plusDays(1 + random.nextInt(400)),
            BigDecimal.valueOf(random.nextBoolean() ? units : -units, minor),
            currency);
    BigDecimal all = BigDecimal.ZERO;
    for (LocalDate d = firstDay; d.isBefore(line.endDay()); d = d.plusDays(1)) {
      all = all.add(line.recognisedOn(d));
    }
    assertEquals(0, all.compareTo(line.amount()));
    assertEquals(
        0,
        line.recognisedBetween(firstDay.minusDays(5), line.endDay().plusDays(5))
            .compareTo(line.amount()));
    for (int k = 0; k < 5; k++) {
      LocalDate from = firstDay.plusDays(random.nextInt(450) - 30);
      LocalDate until = from.plusDays(random.nextInt(60));
      BigDecimal byDay = BigDecimal.ZERO;
      for (LocalDate d = from; d.isBefore(until); d = d.plusDays(1)) {
        byDay = byDay.add(line.recognisedOn(d));
      }
      assertEquals(0, byDay.compareTo(line.recognisedBetween(from, until)));
      // month-end runs: consecutive ranges add up
      LocalDate mid = from.plusDays(random.nextInt(30));
      assertEquals(
          0,
          line.recognisedBetween(from, mid)
              .add(line.recognisedBetween(mid, until.isAfter(mid) ? until : mid))
              .compareTo(line.recognisedBetween(from, until.isAfter(mid) ? until : mid)));
      assertTrue(LedgerAmounts.atMinorUnits(line.recognisedBetween(from, until), minor));
    }
  }

  @Property(tries = 200)
  void creditingAWholeInvoiceReversesItsBookingOnceRecognised(
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed) {
    Random random = new Random(seed);
    Currency currency = currency(random);
    InvoiceDraft invoice = randomInvoice(random, currency);
    List<CreditRequest> requests = new ArrayList<>();
    for (int i = 0; i < invoice.lines().size(); i++) {
      if (invoice.lines().get(i).amount().signum() > 0) {
        requests.add(new CreditRequest(i + 1, null, null));
      }
    }
    BigDecimal net = invoice.taxExcludedAmount();
    if (requests.isEmpty() || net.signum() <= 0) {
      return;
    }
    if (!(CreditNoteCalculator.compute(invoice, List.of(), requests)
        instanceof CreditNoteCalculator.Computed computed)) {
      return; // the invoice's negative lines make its positive lines more than it can credit
    }
    CreditNoteDraft note = computed.draft();
    LocalDate on = invoice.issueDate().plusDays(random.nextInt(40));
    InvoiceBooking issued = InvoicePostings.issued("P", "INV-1", invoice, "DE", CHART);
    CreditNoteBooking credited =
        CreditNotePostings.issued(
            LedgerSamples.source("CNP", currency, on, "CN-1"),
            "INV-1",
            invoice,
            List.of(),
            note,
            BigDecimal.ZERO,
            "DE",
            CHART);
    Posting cn = credited.posting();
    assertEquals(0, cn.totalDebit().compareTo(cn.totalCredit()));
    assertEquals(
        0, cn.balanceOf(LedgerSamples.CREDIT).negate().compareTo(note.taxIncludedAmount()));
    // after every day is recognised, deferred revenue of the invoice and its credit note is zero
    List<DeferredLine> all = new ArrayList<>(issued.deferred());
    all.addAll(credited.deferred());
    BigDecimal deferred =
        issued
            .posting()
            .map(p -> p.balanceOf(LedgerSamples.DEFERRED))
            .orElse(BigDecimal.ZERO)
            .add(cn.balanceOf(LedgerSamples.DEFERRED));
    for (DeferredLine d : all) {
      deferred = deferred.add(d.recognisedBetween(d.firstDay(), d.endDay()));
    }
    assertEquals(0, deferred.signum(), "deferred left: " + deferred);
  }
}
