package com.telco.billing.core.creditnote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.invoice.InvoiceDraft;
import com.telco.billing.core.invoice.InvoiceLine;
import com.telco.billing.core.invoice.LineType;
import com.telco.billing.core.invoice.TaxItem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Properties of credit notes over random invoices and random sequences of credit requests. */
class CreditNotePropertiesTest {
  static final Map<String, BigDecimal> RATES =
      Map.of(
          "std", new BigDecimal("0.19"),
          "red", new BigDecimal("0.07"),
          "odd", new BigDecimal("0.205"),
          "zero", BigDecimal.ZERO);
  static final List<String> CATEGORIES = List.of("std", "red", "odd", "zero");

  static InvoiceDraft randomInvoice(Random random, Currency currency) {
    int minor = currency.getDefaultFractionDigits();
    List<InvoiceLine> lines = new ArrayList<>();
    int n = 1 + random.nextInt(6);
    for (int i = 0; i < n; i++) {
      boolean discount = random.nextInt(6) == 0;
      long units = discount ? -random.nextInt(500) : random.nextInt(50_000);
      String amount = BigDecimal.valueOf(units, minor).toPlainString();
      String quantity = random.nextBoolean() ? String.valueOf(1 + random.nextInt(30)) : null;
      lines.add(
          CreditNoteSamples.line(
              discount ? LineType.DISCOUNT : LineType.USAGE,
              amount,
              quantity,
              CATEGORIES.get(random.nextInt(CATEGORIES.size()))));
    }
    return CreditNoteSamples.invoice(currency, random.nextInt(5) == 0 ? Map.of() : RATES, lines);
  }

  static CreditRequest randomRequest(Random random, InvoiceDraft invoice, int minor) {
    int line = 1 + random.nextInt(invoice.lines().size());
    return switch (random.nextInt(4)) {
      case 0 -> new CreditRequest(line, null, null);
      case 1 -> new CreditRequest(line, null, BigDecimal.valueOf(1 + random.nextInt(10)));
      default ->
          new CreditRequest(line, BigDecimal.valueOf(1 + random.nextInt(30_000), minor), null);
    };
  }

  @Property(tries = 300)
  void creditsNeverExceedALineNorTheInvoiceAndTaxIsThatOfTheCreditedTotal(
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed,
      @ForAll @IntRange(min = 1, max = 12) int notes) {
    Random random = new Random(seed);
    Currency currency = Currency.getInstance(List.of("EUR", "JPY", "BHD").get(random.nextInt(3)));
    int minor = currency.getDefaultFractionDigits();
    InvoiceDraft invoice = randomInvoice(random, currency);
    List<CreditedLine> issued = new ArrayList<>();
    Map<BigDecimal, BigDecimal> taxByRate = new TreeMap<>();
    for (int i = 0; i < notes; i++) {
      List<CreditRequest> requests = new ArrayList<>();
      int k = 1 + random.nextInt(3);
      for (int j = 0; j < k; j++) {
        requests.add(randomRequest(random, invoice, minor));
      }
      var result = CreditNoteCalculator.compute(invoice, issued, requests);
      if (result instanceof CreditNoteCalculator.Computed computed) {
        CreditNoteDraft d = computed.draft();
        BigDecimal lines = BigDecimal.ZERO;
        for (CreditedLine l : d.lines()) {
          assertTrue(l.amount().signum() > 0);
          assertTrue(l.amount().scale() <= minor);
          lines = lines.add(l.amount());
        }
        assertEquals(0, lines.compareTo(d.taxExcludedAmount()));
        BigDecimal tax = BigDecimal.ZERO;
        for (TaxItem t : d.taxItems()) {
          taxByRate.merge(t.rate(), t.taxAmount(), BigDecimal::add);
          tax = tax.add(t.taxAmount());
        }
        assertEquals(0, tax.compareTo(d.taxAmount()));
        assertEquals(0, d.taxExcludedAmount().add(d.taxAmount()).compareTo(d.taxIncludedAmount()));
        issued.addAll(d.lines());
      }
    }
    // per line: at most its net amount
    Map<Integer, BigDecimal> perLine = new HashMap<>();
    BigDecimal total = BigDecimal.ZERO;
    for (CreditedLine l : issued) {
      perLine.merge(l.line(), l.amount(), BigDecimal::add);
      total = total.add(l.amount());
    }
    perLine.forEach(
        (line, credited) ->
            assertTrue(credited.compareTo(invoice.lines().get(line - 1).amount()) <= 0));
    assertTrue(total.compareTo(invoice.taxExcludedAmount().max(BigDecimal.ZERO)) <= 0);
    // per rate: the credit notes' tax together is HALF_UP(sum credited net * rate)
    Map<BigDecimal, BigDecimal> base = new TreeMap<>();
    for (CreditedLine l : issued) {
      CreditNoteCalculator.rateOf(invoice, l.taxCategory())
          .ifPresent(rate -> base.merge(rate, l.amount(), BigDecimal::add));
    }
    base.forEach(
        (rate, credited) ->
            assertEquals(
                0,
                credited
                    .multiply(rate)
                    .setScale(minor, RoundingMode.HALF_UP)
                    .compareTo(taxByRate.getOrDefault(rate, BigDecimal.ZERO)),
                "rate " + rate));
    // what is left to credit per line is the line less its credits
    CreditNoteCalculator.creditable(invoice, issued)
        .forEach(
            (line, left) ->
                assertEquals(
                    0,
                    left.compareTo(
                        invoice
                            .lines()
                            .get(line - 1)
                            .amount()
                            .max(BigDecimal.ZERO)
                            .subtract(perLine.getOrDefault(line, BigDecimal.ZERO)))));
  }
}
