package com.telco.billing.core.ledger;

import static com.telco.billing.core.ledger.LedgerSamples.AR;
import static com.telco.billing.core.ledger.LedgerSamples.BAD_DEBT;
import static com.telco.billing.core.ledger.LedgerSamples.BANK;
import static com.telco.billing.core.ledger.LedgerSamples.CARD;
import static com.telco.billing.core.ledger.LedgerSamples.CREDIT;
import static com.telco.billing.core.ledger.LedgerSamples.DD;
import static com.telco.billing.core.ledger.LedgerSamples.DEFERRED;
import static com.telco.billing.core.ledger.LedgerSamples.FEES;
import static com.telco.billing.core.ledger.LedgerSamples.dec;
import static com.telco.billing.core.ledger.LedgerSamples.inv;
import static com.telco.billing.core.ledger.LedgerSamples.line;
import static com.telco.billing.core.ledger.LedgerSamples.source;
import static com.telco.billing.core.ledger.LedgerSamples.taxAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.creditnote.CreditNoteDraft;
import com.telco.billing.core.creditnote.CreditedLine;
import com.telco.billing.core.invoice.FeeCharge;
import com.telco.billing.core.invoice.InvoiceDraft;
import com.telco.billing.core.invoice.LineType;
import com.telco.billing.core.invoice.TaxItem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One test per row of the posting table (docs/billing-rules.md, "Ledger"), amounts by hand. */
class PostingTableTest {
  static final Currency EUR = Currency.getInstance("EUR");
  static final Currency JPY = Currency.getInstance("JPY");
  static final Currency BHD = Currency.getInstance("BHD");
  static final LocalDate MAR_1 = LocalDate.of(2026, 3, 1);
  static final LocalDate APR_1 = LocalDate.of(2026, 4, 1);
  static final ChartOfAccounts CHART = LedgerSamples.chart();

  static PostingLine d(String account, String amount) {
    return new PostingLine(account, Side.DEBIT, dec(amount), null);
  }

  static PostingLine d(String account, String amount, String reference) {
    return new PostingLine(account, Side.DEBIT, dec(amount), reference);
  }

  static PostingLine c(String account, String amount) {
    return new PostingLine(account, Side.CREDIT, dec(amount), null);
  }

  static PostingLine c(String account, String amount, String reference) {
    return new PostingLine(account, Side.CREDIT, dec(amount), reference);
  }

  static void assertLines(Posting posting, PostingLine... expected) {
    assertEquals(Set.of(expected), Set.copyOf(posting.lines()), posting.lines().toString());
    assertEquals(expected.length, posting.lines().size());
    assertEquals(0, posting.totalDebit().compareTo(posting.totalCredit()));
  }

  /** EUR: every line type; a recurring line straddling the issue date; a discount; a late fee. */
  static InvoiceDraft eurInvoice() {
    return LedgerSamples.invoice(
        EUR,
        MAR_1,
        "DE",
        List.of(
            line(LineType.RECURRING, "30.00", MAR_1, APR_1, "telecom", "4100-SUBS"),
            line(
                LineType.RECURRING,
                "45.00",
                LocalDate.of(2026, 2, 15),
                APR_1,
                "telecom",
                "4100-SUBS"),
            line(LineType.DISCOUNT, "-3.00", MAR_1, APR_1, "telecom", "4190-DISC"),
            line(LineType.USAGE, "12.34", MAR_1.minusMonths(1), MAR_1, "telecom", "4200-USAGE"),
            line(
                LineType.ONE_TIME,
                "5.00",
                MAR_1.minusDays(3),
                MAR_1.minusDays(2),
                "telecom",
                FeeCharge.GL_CODE),
            line(LineType.ADJUSTMENT, "-2.00", MAR_1.minusDays(1), MAR_1, "reduced", "4300-ADJ"),
            line(LineType.USAGE, "0.00", MAR_1.minusMonths(1), MAR_1, "telecom", "4200-USAGE")));
  }

  @Test
  void invoiceIssuedEur() {
    InvoiceDraft invoice = eurInvoice();
    // telecom base 89.34 * 0.19 = 16.9746 -> 16.97; reduced -2.00 * 0.07 = -0.14
    assertEquals(0, invoice.taxIncludedAmount().compareTo(dec("104.17")));
    InvoiceBooking booking = InvoicePostings.issued("P-INV-1", "INV-1", invoice, "DE", CHART);
    Posting p = booking.posting().orElseThrow();
    assertEquals(PostingKind.INVOICE_ISSUED, p.kind());
    assertEquals(MAR_1, p.date());
    assertEquals("INV-1", p.sourceDocument());
    assertLines(
        p,
        d(AR, "104.17", "INV-1"),
        // 45.00 over 45 days, 14 before the issue date: 14.00 at revenue, 31.00 deferred
        c("4100-SUBS", "14.00"),
        c(DEFERRED, "61.00", "4100-SUBS"),
        d(DEFERRED, "3.00", "4190-DISC"),
        c("4200-USAGE", "12.34"),
        c(FEES, "5.00"),
        d("4300-ADJ", "2.00"),
        c(taxAccount("DE", "0.19"), "16.97"),
        d(taxAccount("DE", "0.07"), "0.14"));
    assertEquals(
        List.of(
            new DeferredLine("INV-1", 1, "4100-SUBS", MAR_1, APR_1, dec("30.00"), EUR),
            new DeferredLine("INV-1", 2, "4100-SUBS", MAR_1, APR_1, dec("31.00"), EUR),
            new DeferredLine("INV-1", 3, "4190-DISC", MAR_1, APR_1, dec("-3.00"), EUR)),
        booking.deferred());
    // deterministic: the same invoice gives the same posting, lines in the same order
    assertEquals(
        p, InvoicePostings.issued("P-INV-1", "INV-1", invoice, "DE", CHART).posting().get());
  }

  @Test
  void invoiceIssuedJpyStraddlingHalfUp() {
    // 1000 JPY over 28 days, 9 before the issue date: 1000 * 9 / 28 = 321.43 -> 321; 679 deferred
    InvoiceDraft invoice =
        LedgerSamples.invoice(
            JPY,
            MAR_1,
            "JP",
            List.of(
                line(
                    LineType.RECURRING,
                    "1000",
                    LocalDate.of(2026, 2, 20),
                    LocalDate.of(2026, 3, 20),
                    "telecom",
                    "4100-SUBS")));
    InvoiceBooking booking = InvoicePostings.issued("P-INV-J", "INV-J", invoice, "JP", CHART);
    assertLines(
        booking.posting().orElseThrow(),
        d(AR, "1100", "INV-J"),
        c("4100-SUBS", "321"),
        c(DEFERRED, "679", "4100-SUBS"),
        c(taxAccount("JP", "0.10"), "100"));
    DeferredLine deferred = booking.deferred().get(0);
    // 679 / 19 days = 35.74 -> 36 a day; the last day takes 679 - 18 * 36 = 31
    assertEquals(19, deferred.days());
    assertEquals(0, deferred.dailyAmount().compareTo(dec("36")));
    assertEquals(0, deferred.lastDayAmount().compareTo(dec("31")));
    assertEquals(0, deferred.recognisedOn(LocalDate.of(2026, 3, 19)).compareTo(dec("31")));
    assertEquals(0, deferred.recognisedOn(LocalDate.of(2026, 3, 20)).signum());
  }

  @Test
  void invoiceIssuedBhdAndRecognition() {
    InvoiceDraft invoice =
        LedgerSamples.invoice(
            BHD,
            MAR_1,
            "BH",
            List.of(line(LineType.RECURRING, "10.000", MAR_1, APR_1, "telecom", "4100-SUBS")));
    InvoiceBooking booking = InvoicePostings.issued("P-INV-B", "INV-B", invoice, "BH", CHART);
    assertLines(
        booking.posting().orElseThrow(),
        d(AR, "11.000", "INV-B"),
        c(DEFERRED, "10.000", "4100-SUBS"),
        c(taxAccount("BH", "0.10"), "1.000"));
    // 10.000 / 31 = 0.32258 -> 0.323 a day; the last day 10.000 - 30 * 0.323 = 0.310
    Posting day1 =
        RevenueRecognition.forDay(
                source("R-1", BHD, MAR_1, "recognition"), booking.deferred(), CHART)
            .orElseThrow();
    assertEquals(PostingKind.REVENUE_RECOGNISED, day1.kind());
    assertLines(day1, d(DEFERRED, "0.323", "4100-SUBS"), c("4100-SUBS", "0.323"));
    Posting day31 =
        RevenueRecognition.forDay(
                source("R-31", BHD, LocalDate.of(2026, 3, 31), "recognition"),
                booking.deferred(),
                CHART)
            .orElseThrow();
    assertLines(day31, d(DEFERRED, "0.310", "4100-SUBS"), c("4100-SUBS", "0.310"));
    Posting firstHalf =
        RevenueRecognition.forRange(
                source("R-H", BHD, LocalDate.of(2026, 3, 15), "recognition"),
                booking.deferred(),
                MAR_1,
                LocalDate.of(2026, 3, 16),
                CHART)
            .orElseThrow();
    assertLines(firstHalf, d(DEFERRED, "4.845", "4100-SUBS"), c("4100-SUBS", "4.845"));
    Posting month =
        RevenueRecognition.forRange(
                source("R-M", BHD, LocalDate.of(2026, 3, 31), "recognition"),
                booking.deferred(),
                MAR_1,
                APR_1,
                CHART)
            .orElseThrow();
    assertLines(month, d(DEFERRED, "10.000", "4100-SUBS"), c("4100-SUBS", "10.000"));
    assertTrue(
        RevenueRecognition.forDay(
                source("R-X", BHD, APR_1, "recognition"), booking.deferred(), CHART)
            .isEmpty());
  }

  @Test
  void recognitionOfADayNetsDiscountsPerGlCode() {
    List<DeferredLine> deferred =
        InvoicePostings.issued("P", "INV-1", eurInvoice(), "DE", CHART).deferred();
    // line 1: 30.00 / 31 -> 0.97; line 2: 31.00 / 31 = 1.00; discount: -3.00 / 31 -> -0.10
    Posting day =
        RevenueRecognition.forDay(source("R-1", EUR, MAR_1, "recognition"), deferred, CHART)
            .orElseThrow();
    assertLines(
        day,
        d(DEFERRED, "1.97", "4100-SUBS"),
        c("4100-SUBS", "1.97"),
        c(DEFERRED, "0.10", "4190-DISC"),
        d("4190-DISC", "0.10"));
    // the discount's last day takes -3.00 - 30 * -0.10 = 0.00
    assertEquals(0, deferred.get(2).lastDayAmount().signum());
  }

  @Test
  void creditLineReversesLikeTheLineItCredits() {
    // a termination on 2026-02-20 credits 9 days of February (before the issue date: revenue)
    // and a plan change credit reaching into March reduces deferred revenue
    InvoiceDraft invoice =
        LedgerSamples.invoice(
            EUR,
            MAR_1,
            null,
            List.of(
                line(
                    LineType.RECURRING,
                    "-9.00",
                    LocalDate.of(2026, 2, 20),
                    MAR_1,
                    "telecom",
                    "4100-SUBS",
                    true),
                line(
                    LineType.DISCOUNT,
                    "0.90",
                    LocalDate.of(2026, 2, 20),
                    MAR_1,
                    "telecom",
                    "4190-DISC",
                    true),
                line(
                    LineType.RECURRING,
                    "-6.20",
                    LocalDate.of(2026, 2, 26),
                    LocalDate.of(2026, 3, 3),
                    "telecom",
                    "4100-SUBS",
                    true),
                line(
                    LineType.USAGE,
                    "20.00",
                    MAR_1.minusMonths(1),
                    MAR_1,
                    "telecom",
                    "4200-USAGE")));
    // -6.20 over 5 days, 3 before: -3.72 at revenue, -2.48 deferred
    InvoiceBooking booking = InvoicePostings.issued("P", "INV-C", invoice, null, CHART);
    assertLines(
        booking.posting().orElseThrow(),
        d(AR, "5.70", "INV-C"),
        d("4100-SUBS", "12.72"),
        c("4190-DISC", "0.90"),
        d(DEFERRED, "2.48", "4100-SUBS"),
        c("4200-USAGE", "20.00"));
    assertEquals(
        List.of(
            new DeferredLine(
                "INV-C", 3, "4100-SUBS", MAR_1, LocalDate.of(2026, 3, 3), dec("-2.48"), EUR)),
        booking.deferred());
  }

  @Test
  void negativeInvoiceCreditsReceivable() {
    InvoiceDraft invoice =
        LedgerSamples.invoice(
            EUR,
            MAR_1,
            null,
            List.of(
                line(
                    LineType.ADJUSTMENT,
                    "-7.50",
                    MAR_1.minusDays(1),
                    MAR_1,
                    "telecom",
                    "4300-ADJ")));
    assertLines(
        InvoicePostings.issued("P", "INV-N", invoice, null, CHART).posting().orElseThrow(),
        c(AR, "7.50", "INV-N"),
        d("4300-ADJ", "7.50"));
  }

  @Test
  void zeroInvoiceHasNoPosting() {
    InvoiceDraft invoice =
        LedgerSamples.invoice(
            EUR,
            MAR_1,
            "DE",
            List.of(
                line(
                    LineType.USAGE, "0.00", MAR_1.minusMonths(1), MAR_1, "telecom", "4200-USAGE")));
    InvoiceBooking booking = InvoicePostings.issued("P", "INV-Z", invoice, "DE", CHART);
    assertTrue(booking.posting().isEmpty());
    assertTrue(booking.deferred().isEmpty());
  }

  @Test
  void paymentReceived() {
    assertLines(
        PaymentPostings.paymentReceived(
            source("P-PAY-1", EUR, MAR_1, "PAY-1"),
            "card",
            List.of(inv("INV-1", "80.00"), inv("INV-2", "15.00")),
            dec("5.00"),
            CHART),
        d(CARD, "100.00"),
        c(AR, "80.00", "INV-1"),
        c(AR, "15.00", "INV-2"),
        c(CREDIT, "5.00"));
    assertLines(
        PaymentPostings.paymentReceived(
            source("P-PAY-J", JPY, MAR_1, "PAY-J"),
            "bank_transfer",
            List.of(inv("INV-J", "1100")),
            BigDecimal.ZERO,
            CHART),
        d(BANK, "1100"),
        c(AR, "1100", "INV-J"));
    Posting bhd =
        PaymentPostings.paymentReceived(
            source("P-PAY-B", BHD, MAR_1, "PAY-B"),
            "direct_debit",
            List.of(inv("INV-B", "11.000")),
            dec("1.345"),
            CHART);
    assertEquals(PostingKind.PAYMENT_RECEIVED, bhd.kind());
    assertLines(bhd, d(DD, "12.345"), c(AR, "11.000", "INV-B"), c(CREDIT, "1.345"));
  }

  @Test
  void creditApplied() {
    assertLines(
        PaymentPostings.creditApplied(
            source("P-CA", EUR, MAR_1, "credit:INV-0"), List.of(inv("INV-3", "5.00")), CHART),
        d(CREDIT, "5.00"),
        c(AR, "5.00", "INV-3"));
  }

  @Test
  void refund() {
    assertLines(
        PaymentPostings.refund(
            source("P-RF", EUR, MAR_1, "RF-1"),
            "card",
            List.of(inv("INV-2", "15.00")),
            dec("5.00"),
            CHART),
        d(AR, "15.00", "INV-2"),
        d(CREDIT, "5.00"),
        c(CARD, "20.00"));
    assertLines(
        PaymentPostings.refund(
            source("P-RF-J", JPY, MAR_1, "RF-J"), "bank_transfer", List.of(), dec("300"), CHART),
        d(CREDIT, "300"),
        c(BANK, "300"));
  }

  @Test
  void chargebackAndBankReturnAreRefundsAndWonIsAPayment() {
    Posting chargeback =
        PaymentPostings.chargeback(
            source("P-CB", EUR, MAR_1, "CB-1"),
            "card",
            List.of(inv("INV-1", "80.00"), inv("INV-2", "15.00")),
            dec("5.00"),
            CHART);
    assertEquals(PostingKind.CHARGEBACK, chargeback.kind());
    assertLines(
        chargeback,
        d(AR, "80.00", "INV-1"),
        d(AR, "15.00", "INV-2"),
        d(CREDIT, "5.00"),
        c(CARD, "100.00"));
    Posting won =
        PaymentPostings.chargebackWon(
            source("P-CBW", EUR, MAR_1, "CBW-1"),
            "card",
            List.of(inv("INV-1", "80.00")),
            dec("20.00"),
            CHART);
    assertEquals(PostingKind.CHARGEBACK_WON, won.kind());
    assertLines(won, d(CARD, "100.00"), c(AR, "80.00", "INV-1"), c(CREDIT, "20.00"));
    Posting returned =
        PaymentPostings.bankReturn(
            source("P-RET", BHD, MAR_1, "RET-1"),
            "direct_debit",
            List.of(inv("INV-B", "11.000")),
            dec("1.345"),
            CHART);
    assertEquals(PostingKind.BANK_RETURN, returned.kind());
    assertLines(returned, d(AR, "11.000", "INV-B"), d(CREDIT, "1.345"), c(DD, "12.345"));
  }

  @Test
  void writeOff() {
    assertLines(
        PaymentPostings.writeOff(source("P-WO", JPY, MAR_1, "WO-1"), inv("INV-J", "550"), CHART),
        d(BAD_DEBT, "550"),
        c(AR, "550", "INV-J"));
  }

  @Test
  void creditNoteOfARevenueLine() {
    InvoiceDraft invoice = eurInvoice();
    // usage 12.34 credited in full: tax 12.34 * 0.19 = 2.3446 -> 2.34; 10.00 still open on INV-1
    CreditNoteDraft note =
        new CreditNoteDraft(
            List.of(new CreditedLine(4, "usage", "telecom", null, dec("12.34"))),
            List.of(new TaxItem(List.of("telecom"), dec("0.19"), dec("12.34"), dec("2.34"))),
            dec("12.34"),
            dec("2.34"),
            dec("14.68"));
    CreditNoteBooking booking =
        CreditNotePostings.issued(
            source("P-CN-1", EUR, LocalDate.of(2026, 3, 10), "CN-1"),
            "INV-1",
            invoice,
            List.of(),
            note,
            dec("10.00"),
            "DE",
            CHART);
    assertEquals(PostingKind.CREDIT_NOTE, booking.posting().kind());
    assertLines(
        booking.posting(),
        d("4200-USAGE", "12.34"),
        d(taxAccount("DE", "0.19"), "2.34"),
        c(AR, "10.00", "INV-1"),
        c(CREDIT, "4.68"));
    assertTrue(booking.deferred().isEmpty());
  }

  @Test
  void creditNoteOfADeferredLineSplitsAtItsDate() {
    InvoiceDraft invoice = eurInvoice();
    // 15.50 of line 1 (30.00 deferred over March) on 2026-03-11: 10 of 31 days were recognised,
    // 15.50 * 10 / 31 = 5.00 at revenue; 10.50 still deferred; tax 15.50 * 0.19 = 2.945 -> 2.95
    CreditNoteDraft note =
        new CreditNoteDraft(
            List.of(new CreditedLine(1, "recurring", "telecom", null, dec("15.50"))),
            List.of(new TaxItem(List.of("telecom"), dec("0.19"), dec("15.50"), dec("2.95"))),
            dec("15.50"),
            dec("2.95"),
            dec("18.45"));
    LocalDate mar11 = LocalDate.of(2026, 3, 11);
    CreditNoteBooking booking =
        CreditNotePostings.issued(
            source("P-CN-2", EUR, mar11, "CN-2"),
            "INV-1",
            invoice,
            List.of(),
            note,
            dec("18.45"),
            "DE",
            CHART);
    assertLines(
        booking.posting(),
        d("4100-SUBS", "5.00"),
        d(DEFERRED, "10.50", "4100-SUBS"),
        d(taxAccount("DE", "0.19"), "2.95"),
        c(AR, "18.45", "INV-1"));
    DeferredLine reversal = booking.deferred().get(0);
    assertEquals(
        new DeferredLine("CN-2", 1, "4100-SUBS", mar11, APR_1, dec("-10.50"), EUR), reversal);
    // over March, line 1's deferred revenue nets to zero: +30.00 - 30.00 - 10.50 + 10.50
    DeferredLine line1 =
        InvoicePostings.issued("P", "INV-1", invoice, "DE", CHART).deferred().get(0);
    BigDecimal net =
        line1
            .amount()
            .subtract(line1.recognisedBetween(MAR_1, APR_1))
            .subtract(dec("10.50"))
            .subtract(reversal.recognisedBetween(MAR_1, APR_1));
    assertEquals(0, net.signum());
  }

  @Test
  void creditNotesOfAStraddlingLineTakeBackExactlyItsDeferredPart() {
    InvoiceDraft invoice = eurInvoice();
    // line 2: 45.00, 31.00 deferred; two credits of 22.50 on the issue date
    CreditedLine half = new CreditedLine(2, "recurring", "telecom", null, dec("22.50"));
    CreditNoteDraft note =
        new CreditNoteDraft(List.of(half), List.of(), dec("22.50"), dec("0.00"), dec("22.50"));
    CreditNoteBooking first =
        CreditNotePostings.issued(
            source("P-CN-3", EUR, MAR_1, "CN-3"),
            "INV-1",
            invoice,
            List.of(),
            note,
            dec("22.50"),
            "DE",
            CHART);
    CreditNoteBooking second =
        CreditNotePostings.issued(
            source("P-CN-4", EUR, MAR_1, "CN-4"),
            "INV-1",
            invoice,
            List.of(half),
            note,
            dec("0"),
            "DE",
            CHART);
    // 22.50 * 31 / 45 = 15.50 each time
    assertLines(
        first.posting(),
        d("4100-SUBS", "7.00"),
        d(DEFERRED, "15.50", "4100-SUBS"),
        c(AR, "22.50", "INV-1"));
    assertLines(
        second.posting(),
        d("4100-SUBS", "7.00"),
        d(DEFERRED, "15.50", "4100-SUBS"),
        c(CREDIT, "22.50"));
    assertEquals(
        0,
        first
            .posting()
            .balanceOf(DEFERRED)
            .add(second.posting().balanceOf(DEFERRED))
            .compareTo(dec("31.00")));
  }

  @Test
  void lateFeeIsBookedOnItsInvoiceAsFeeIncome() {
    assertEquals(FEES, CHART.revenue(FeeCharge.GL_CODE));
    assertEquals("4100-SUBS", CHART.revenue("4100-SUBS"));
  }

  @Test
  void postingRefusesUnbalancedAndSubMinorAmounts() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Posting(
                "X",
                PostingKind.WRITE_OFF,
                "ACME",
                EUR,
                MAR_1,
                "ACC-1",
                "WO",
                List.of(d(BAD_DEBT, "10.00"), c(AR, "9.99"))));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Posting(
                "X",
                PostingKind.WRITE_OFF,
                "ACME",
                JPY,
                MAR_1,
                "ACC-1",
                "WO",
                List.of(d(BAD_DEBT, "10.5"), c(AR, "10.5"))));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Posting("X", PostingKind.WRITE_OFF, "ACME", EUR, MAR_1, "ACC-1", "WO", List.of()));
    // balanced by compareTo, whatever the scales
    Posting ok =
        new Posting(
            "X",
            PostingKind.WRITE_OFF,
            "ACME",
            BHD,
            MAR_1,
            "ACC-1",
            "WO",
            List.of(d(BAD_DEBT, "10.5"), c(AR, "10.500")));
    assertEquals(0, ok.totalDebit().compareTo(dec("10.500")));
    assertThrows(IllegalArgumentException.class, () -> d(AR, "0.00"));
  }

  @Test
  void refusesWhatTheChartCannotBook() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            PaymentPostings.paymentReceived(
                source("P", EUR, MAR_1, "PAY"), "cheque", List.of(), dec("1.00"), CHART));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            PaymentPostings.paymentReceived(
                new PostingSource("P", "OTHER", EUR, MAR_1, "ACC-1", "PAY"),
                "card",
                List.of(),
                dec("1.00"),
                CHART));
    assertThrows(
        IllegalArgumentException.class,
        () -> InvoicePostings.issued("P", "INV-1", eurInvoice(), "FR", CHART));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            PaymentPostings.paymentReceived(
                source("P", EUR, MAR_1, "PAY"), "card", List.of(), dec("1.001"), CHART));
  }
}
