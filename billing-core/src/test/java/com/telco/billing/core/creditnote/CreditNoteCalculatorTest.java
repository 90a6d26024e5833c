package com.telco.billing.core.creditnote;

import static com.telco.billing.core.creditnote.CreditNoteSamples.EUR;
import static com.telco.billing.core.creditnote.CreditNoteSamples.invoice;
import static com.telco.billing.core.creditnote.CreditNoteSamples.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.telco.billing.core.invoice.InvoiceDraft;
import com.telco.billing.core.invoice.LineType;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CreditNoteCalculatorTest {
  static final Map<String, BigDecimal> RATES =
      Map.of("std", new BigDecimal("0.19"), "red", new BigDecimal("0.07"));

  /** 3 lines: 10.00 std (qty 4), 5.55 red, -2.00 discount std. */
  static final InvoiceDraft INVOICE =
      invoice(
          EUR,
          RATES,
          List.of(
              line(LineType.RECURRING, "10.00", "4", "std"),
              line(LineType.USAGE, "5.55", null, "red"),
              line(LineType.DISCOUNT, "-2.00", null, "std")));

  static CreditNoteDraft computed(
      InvoiceDraft invoice, List<CreditedLine> earlier, CreditRequest... requests) {
    var result = CreditNoteCalculator.compute(invoice, earlier, List.of(requests));
    return assertInstanceOf(CreditNoteCalculator.Computed.class, result).draft();
  }

  static CreditNoteCalculator.Refused refused(
      List<CreditedLine> earlier, CreditRequest... requests) {
    var result = CreditNoteCalculator.compute(INVOICE, earlier, List.of(requests));
    return assertInstanceOf(CreditNoteCalculator.Refused.class, result);
  }

  static void same(String expected, BigDecimal actual) {
    assertEquals(0, new BigDecimal(expected).compareTo(actual), expected + " vs " + actual);
  }

  @ParameterizedTest(name = "line {0} amount {1} quantity {2}: net {3} tax {4}")
  @CsvSource(
      nullValues = "-",
      value = {
        // by amount: HALF_UP(3.33 * 0.19) = 0.6327 -> 0.63
        "1, 3.33, -, 3.33, 0.63",
        // by quantity: 10.00 * 1 / 4 = 2.50; tax 0.475 -> 0.48
        "1, -, 1, 2.50, 0.48",
        // neither: everything creditable; 10.00 * 0.19 = 1.90
        "1, -, -, 10.00, 1.90",
        // reduced rate: 5.55 * 0.07 = 0.3885 -> 0.39
        "2, -, -, 5.55, 0.39",
        "2, 0.01, -, 0.01, 0.00",
      })
  void creditsOneLine(int line, String amount, String quantity, String net, String tax) {
    CreditNoteDraft draft =
        computed(
            INVOICE,
            List.of(),
            new CreditRequest(
                line,
                amount == null ? null : new BigDecimal(amount),
                quantity == null ? null : new BigDecimal(quantity)));
    same(net, draft.taxExcludedAmount());
    same(tax, draft.taxAmount());
    same(new BigDecimal(net).add(new BigDecimal(tax)).toPlainString(), draft.taxIncludedAmount());
    assertEquals(1, draft.lines().size());
    assertEquals(line, draft.lines().get(0).line());
  }

  @Test
  void taxPerRateOverLinesOfSeveralRates() {
    CreditNoteDraft draft =
        computed(
            INVOICE,
            List.of(),
            new CreditRequest(1, new BigDecimal("8.00"), null),
            new CreditRequest(2, null, null));
    assertEquals(2, draft.taxItems().size());
    // rates in ascending order: 0.07 then 0.19
    same("5.55", draft.taxItems().get(0).taxableAmount());
    same("0.39", draft.taxItems().get(0).taxAmount());
    same("8.00", draft.taxItems().get(1).taxableAmount());
    same("1.52", draft.taxItems().get(1).taxAmount());
    same("15.46", draft.taxIncludedAmount());
  }

  @Test
  void earlierCreditsReduceWhatIsCreditableAndTaxTelescopes() {
    // 0.05 at 19%: 0.0095 -> 0.01; twice is 0.10: 0.019 -> 0.02, so the second reverses 0.01
    CreditNoteDraft first =
        computed(INVOICE, List.of(), new CreditRequest(1, new BigDecimal("0.05"), null));
    same("0.01", first.taxAmount());
    CreditNoteDraft second =
        computed(INVOICE, first.lines(), new CreditRequest(1, new BigDecimal("0.05"), null));
    same("0.01", second.taxAmount());
    // 0.03: 0.0057 -> 0.01; 0.06: 0.0114 -> 0.01, so the second reverses nothing
    CreditNoteDraft a =
        computed(INVOICE, List.of(), new CreditRequest(1, new BigDecimal("0.03"), null));
    CreditNoteDraft b =
        computed(INVOICE, a.lines(), new CreditRequest(1, new BigDecimal("0.03"), null));
    same("0.01", a.taxAmount());
    same("0.00", b.taxAmount());
    // the rest of the line: creditable 10.00 - 0.10
    CreditNoteDraft rest =
        computed(
            INVOICE,
            List.of(first.lines().get(0), second.lines().get(0)),
            new CreditRequest(1, null, null));
    same("9.90", rest.taxExcludedAmount());
    // all three reverse exactly the line's tax: 1.90
    same("1.90", first.taxAmount().add(second.taxAmount()).add(rest.taxAmount()));
  }

  @Test
  void refusesMoreThanWhatIsStillCreditable() {
    assertEquals(
        CreditNoteCalculator.CREDIT_EXCEEDS_LINE,
        refused(List.of(), new CreditRequest(1, new BigDecimal("10.01"), null)).code());
    CreditedLine earlier = new CreditedLine(1, "x", "std", null, new BigDecimal("9.00"));
    var over = refused(List.of(earlier), new CreditRequest(1, new BigDecimal("1.01"), null));
    assertEquals(CreditNoteCalculator.CREDIT_EXCEEDS_LINE, over.code());
    assertEquals("lines[0].amount.value", over.field());
    assertEquals(
        CreditNoteCalculator.CREDIT_EXCEEDS_LINE,
        refused(List.of(), new CreditRequest(1, null, new BigDecimal("5"))).code());
    CreditedLine all = new CreditedLine(1, "x", "std", null, new BigDecimal("10.00"));
    assertEquals(
        CreditNoteCalculator.LINE_NOT_CREDITABLE,
        refused(List.of(all), new CreditRequest(1, null, null)).code());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      nullValues = "-",
      value = {
        "line_not_found, 4, 1.00, -",
        "line_not_found, 0, 1.00, -",
        "line_not_creditable, 3, 1.00, -",
        "invalid_value, 2, -, 1",
        "invalid_value, 1, 1.00, 1",
        "amount_precision, 1, 1.001, -",
        "amount_not_positive, 1, 0, -",
        "invalid_value, 1, -, 0",
      })
  void refusals(String code, int line, String amount, String quantity) {
    var r =
        refused(
            List.of(),
            new CreditRequest(
                line,
                amount == null ? null : new BigDecimal(amount),
                quantity == null ? null : new BigDecimal(quantity)));
    assertEquals(code, r.code());
  }

  @Test
  void refusesTheSameLineTwiceAndNoLines() {
    assertEquals(
        CreditNoteCalculator.INVALID_VALUE,
        refused(
                List.of(),
                new CreditRequest(1, BigDecimal.ONE, null),
                new CreditRequest(1, BigDecimal.ONE, null))
            .code());
    assertEquals(CreditNoteCalculator.INVALID_VALUE, refused(List.of()).code());
  }

  @Test
  void neverCreditsMoreThanTheInvoicesNetTotal() {
    // net total 13.55 (the discount reduces it); lines 1 and 2 are 15.55
    CreditedLine line1 = new CreditedLine(1, "x", "std", null, new BigDecimal("10.00"));
    var r = refused(List.of(line1), new CreditRequest(2, null, null));
    assertEquals(CreditNoteCalculator.CREDIT_EXCEEDS_INVOICE, r.code());
    CreditNoteDraft ok =
        computed(INVOICE, List.of(line1), new CreditRequest(2, new BigDecimal("3.55"), null));
    same("3.55", ok.taxExcludedAmount());
  }

  @Test
  void taxExemptAndZeroMinorUnits() {
    Currency jpy = Currency.getInstance("JPY");
    InvoiceDraft exempt =
        invoice(jpy, Map.of(), List.of(line(LineType.RECURRING, "1000", null, "std")));
    CreditNoteDraft d =
        computed(exempt, List.of(), new CreditRequest(1, new BigDecimal("333"), null));
    assertEquals(0, d.taxItems().size());
    same("333", d.taxIncludedAmount());
    InvoiceDraft taxed =
        invoice(
            jpy,
            Map.of("std", new BigDecimal("0.10")),
            List.of(line(LineType.RECURRING, "1000", "3", "std")));
    // 1000 * 1 / 3 = 333.33 -> 333; tax 33.3 -> 33
    CreditNoteDraft q = computed(taxed, List.of(), new CreditRequest(1, null, BigDecimal.ONE));
    same("333", q.taxExcludedAmount());
    same("33", q.taxAmount());
  }
}
