package com.telco.billing.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.devcassandra.TestCassandra;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code bin/billing bench billrun} end to end on a small scale, against the shared test Cassandra
 * (a keyspace of its own): setup, the waits for the cycle-day read side and for the guiding
 * projection, the run over HTTP, and the check of every account's invoice and the gap-free numbers.
 */
class BillRunBenchIT {

  @Test
  void aSmallRunInvoicesEveryAccountOnceWithGapFreeNumbers() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    int status =
        new CommandLine(new BillRunBench(out))
            .execute(
                "--accounts",
                "150",
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
        output.contains("150 with exactly one invoice; numbers INV-DEFAULT-")
            && output.contains("-1..150, no gaps, no duplicates; 20 sampled"),
        output);
  }
}
