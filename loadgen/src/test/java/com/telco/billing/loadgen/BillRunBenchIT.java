package com.telco.billing.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.devcassandra.TestCassandra;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code bin/billing bench billrun} end to end on a small scale, against the shared test Cassandra
 * (a keyspace of its own): setup, the waits for the cycle-day read side and for the guiding
 * projection, a warm-up run over accounts of the day before, the run over HTTP, and the check of
 * every account's invoice and the gap-free numbers after the warm-up run's.
 */
class BillRunBenchIT {

  @Test
  void aSmallRunAfterAWarmUpRunInvoicesEveryAccountOnceWithGapFreeNumbers() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    int status =
        new CommandLine(new BillRunBench(out))
            .execute(
                "--accounts",
                "150",
                "--warm-up",
                "30",
                "--sample",
                "20",
                "--cassandra",
                TestCassandra.shared().hostAndPort());
    String output = bytes.toString(StandardCharsets.UTF_8);
    System.out.println(output);
    assertEquals(0, status, output);
    assertTrue(output.contains("guiding: caught up with the setup"), output);
    assertTrue(
        output.contains("150 accounts processed: 150 invoices issued, 0 skipped, 0 failed"),
        output);
    assertTrue(
        output.contains("warm-up:  30 accounts of ")
            && output.contains(" invoiced 30, skipped 0, failed 0 in ")
            && output.contains("warm-up run: the invoice read side has settled"),
        output);
    // the register caught up with the run, and has the sampled invoices by number
    assertTrue(output.contains("run: the invoice read side has settled"), output);
    assertTrue(
        output.contains("20 sampled invoices read back by number over HTTP: all match"), output);
    // the warm-up run's 30 numbers come first, unless its cycle date fell in the year before
    assertTrue(
        Pattern.compile(
                "150 with exactly one invoice; numbers INV-DEFAULT-\\d{4}-(31\\.\\.180|1\\.\\.150),"
                    + " no gaps, no duplicates; 20 sampled")
            .matcher(output)
            .find(),
        output);
  }
}
