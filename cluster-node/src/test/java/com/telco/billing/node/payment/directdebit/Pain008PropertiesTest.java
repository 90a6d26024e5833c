package com.telco.billing.node.payment.directdebit;

import static com.telco.billing.node.payment.directdebit.DirectDebitSamples.COLLECTION;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.telco.billing.protocol.payment.DirectDebitInstruction;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/**
 * Whatever the amounts, a written file reads back with the same amounts, and every stated control
 * sum is exactly the sum of its transactions' amounts (no rounding drift, no binary fractions).
 */
class Pain008PropertiesTest {
  @Property(tries = 200)
  void controlSumsAreExactSumsOfTheAmounts(
      @ForAll @Size(min = 1, max = 60) List<@LongRange(min = 1, max = 99_999_999_999L) Long> cents,
      @ForAll @Size(min = 60, max = 60) List<Boolean> first) {
    List<DirectDebitInstruction> instructions = new ArrayList<>();
    BigDecimal expected = BigDecimal.ZERO;
    for (int i = 0; i < cents.size(); i++) {
      BigDecimal amount = BigDecimal.valueOf(cents.get(i), 2);
      expected = expected.add(amount);
      instructions.add(
          DirectDebitSamples.instruction(
              "LE", COLLECTION, i, amount.toPlainString(), first.get(i) ? "FRST" : "RCUR"));
    }
    var doc =
        Pain008Reader.read(
            Pain008Writer.write(
                "M",
                OffsetDateTime.parse("2026-12-09T06:00:00Z"),
                DirectDebitSamples.creditor("LE"),
                COLLECTION,
                instructions));
    assertEquals(0, expected.compareTo(doc.controlSum()));
    assertEquals(cents.size(), doc.numberOfTransactions());
    BigDecimal blocks = BigDecimal.ZERO;
    int count = 0;
    for (var block : doc.paymentInformation()) {
      BigDecimal sum =
          block.transactions().stream()
              .map(Pain008Reader.Transaction::amount)
              .reduce(BigDecimal.ZERO, BigDecimal::add);
      assertEquals(0, sum.compareTo(block.controlSum()));
      assertEquals(block.transactions().size(), block.numberOfTransactions());
      blocks = blocks.add(block.controlSum());
      count += block.numberOfTransactions();
    }
    assertEquals(0, expected.compareTo(blocks));
    assertEquals(cents.size(), count);
    for (var t : doc.transactions()) {
      int index = Integer.parseInt(t.endToEndId().substring("E2E-LE-".length()));
      assertEquals(0, BigDecimal.valueOf(cents.get(index), 2).compareTo(t.amount()));
    }
  }
}
