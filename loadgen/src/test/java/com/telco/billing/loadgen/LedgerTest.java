package com.telco.billing.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.loadgen.RecordGenerator.Generated;
import com.telco.billing.loadgen.RecordGenerator.Kind;
import java.io.BufferedReader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerTest {
  @TempDir Path dir;

  private static Generated record(long seq, int account) {
    return new Generated(seq, "r-" + seq, account, Kind.VOICE, "EU", "{}");
  }

  @Test
  void eachRecordCountsOnceWhateverTheAnswersAndAmountsAddUpExactly() throws Exception {
    Path file = dir.resolve("ledger.csv");
    try (Ledger ledger = new Ledger(file, "run", 3)) {
      ledger.onOutcome(record(0, 1), "ACCEPTED", new BigDecimal("0.090000"));
      ledger.onOutcome(record(1, 1), "ACCEPTED", new BigDecimal("0.1"));
      ledger.onOutcome(record(1, 1), "DUPLICATE", null); // a resent batch
      ledger.onOutcome(record(2, 2), "REJECTED", null);
      ledger.onOutcome(record(3, 2), "ACCEPTED", new BigDecimal("1.49"));
      ledger.onOutcome(record(3, 2), "ACCEPTED", new BigDecimal("1.49")); // would be a bug
      ledger.onOutcome(record(4, 3), "DUPLICATE", null); // accepted, answer lost
      ledger.onOutcome(record(5, 3), "DUPLICATE", null); // the planned copy came first ...
      ledger.onOutcome(record(5, 3), "ACCEPTED", new BigDecimal("0.05")); // ... then the original
      ledger.close();
      assertEquals(4, ledger.acceptedRecords());
      assertEquals(1, ledger.doubleCharged());
      assertEquals(1, ledger.unconfirmed());
      assertEquals(0, new BigDecimal("0.19").compareTo(ledger.total(1)));
      assertEquals(0, new BigDecimal("1.73").compareTo(ledger.grandTotal()));
    }
    Map<String, Ledger.AccountTotal> totals = Ledger.read(file);
    assertEquals(new BigDecimal("0.190000"), totals.get("lg-acc-1").amount());
    assertEquals(2, totals.get("lg-acc-1").records());
    assertEquals(new BigDecimal("1.49"), totals.get("lg-acc-2").amount());
    assertEquals(1, totals.get("lg-acc-3").unconfirmed());
    assertEquals(0, new BigDecimal("0.05").compareTo(totals.get("lg-acc-3").amount()));
  }

  @Test
  void runsAppendToTheSameFileAndAreSummedTogether() throws Exception {
    Path file = dir.resolve("ledger.csv");
    try (Ledger first = new Ledger(file, "a", 1)) {
      first.onOutcome(record(0, 1), "ACCEPTED", new BigDecimal("0.000001"));
    }
    try (Ledger second = new Ledger(file, "b", 1)) {
      second.onOutcome(record(0, 1), "ACCEPTED", new BigDecimal("0.999999"));
    }
    assertEquals(1, Files.readAllLines(file).stream().filter(Ledger.HEADER::equals).count());
    assertEquals(new BigDecimal("1.000000"), Ledger.read(file).get("lg-acc-1").amount());
  }

  @Test
  void sumsAreExactWhereDoublesWouldDrift() throws Exception {
    StringBuilder csv = new StringBuilder(Ledger.HEADER + "\n");
    for (int i = 0; i < 1000; i++) {
      csv.append("r,id").append(i).append(",acc,ACCEPTED,0.1\n");
    }
    var totals = Ledger.totals(new BufferedReader(new StringReader(csv.toString())));
    assertEquals(0, new BigDecimal("100").compareTo(totals.get("acc").amount()));
  }

  @Test
  void aMalformedLineIsReportedWithItsNumber() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Ledger.totals(
                    new BufferedReader(
                        new StringReader(Ledger.HEADER + "\nr,id,acc,ACCEPTED,abc\n"))));
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
  }

  @Test
  void verificationComparesAmountsByValueNotScale() {
    Ledger.AccountTotal ledger = new Ledger.AccountTotal(new BigDecimal("1.5"), 3, 0);
    assertTrue(Verifier.compare("a", ledger, new BigDecimal("1.500000")).isEmpty());
    var mismatch = Verifier.compare("a", ledger, new BigDecimal("1.500001"));
    assertTrue(mismatch.isPresent());
    assertTrue(
        mismatch.get().toString().contains("difference 0.000001"), mismatch.get().toString());
    assertTrue(
        Verifier.compare("b", new Ledger.AccountTotal(BigDecimal.ZERO, 0, 1), null).isEmpty());
  }
}
