package com.telco.billing.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.devcassandra.TestCassandra;
import com.telco.billing.devkit.EmbeddedNode;
import com.typesafe.config.ConfigFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load generator against a real node and Cassandra: setup, a run with planned duplicates and
 * bad records, then {@code --verify} finds the cluster's totals equal to the ledger's.
 */
class LoadGenIT {
  private static EmbeddedNode node;

  @TempDir static Path dir;

  @BeforeAll
  static void start() {
    node =
        EmbeddedNode.start(
            TestCassandra.shared().hostAndPort(),
            TestCassandra.uniqueKeyspace("load_gen"),
            ConfigFactory.empty(),
            Duration.ofSeconds(180));
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
  }

  private static String run(int expectedStatus, String... args) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int status = LoadGen.execute(new PrintStream(bytes, true, StandardCharsets.UTF_8), args);
    String output = bytes.toString(StandardCharsets.UTF_8);
    System.out.println(output);
    assertEquals(expectedStatus, status, output);
    return output;
  }

  @Test
  void theLedgerOfARunWithDuplicatesAndBadRecordsMatchesTheCluster() {
    String url = node.httpUrl();
    Path ledger = dir.resolve("ledger.csv");
    String first =
        run(
            0,
            "--url",
            url,
            "--setup",
            "--accounts",
            "50",
            "--records",
            "2000",
            "--batch",
            "200",
            "--concurrency",
            "4",
            "--duplicate-rate",
            "0.05",
            "--bad-rate",
            "0.05",
            "--seed",
            "11",
            "--ledger",
            ledger.toString());
    assertTrue(first.contains("50 accounts with a subscription each"), first);
    assertTrue(first.contains("SUSPENDED 0"), first);
    assertTrue(first.contains("REJECTED negative_quantity"), first);
    assertTrue(first.contains("REJECTED unknown_usage_type"), first);
    assertTrue(first.contains("unexpected outcomes 0"), first);

    // a second run at a fixed rate, its batches built before the first is sent, appends to the
    // same ledger
    String second =
        run(
            0,
            "--url",
            url,
            "--accounts",
            "50",
            "--records",
            "1000",
            "--batch",
            "100",
            "--rate",
            "2000",
            "--quiet",
            "--prebuild",
            "--ledger",
            ledger.toString());
    assertTrue(second.contains("1,000 records"), second);
    assertTrue(second.contains("unexpected outcomes 0"), second);

    Map<String, Ledger.AccountTotal> totals = Ledger.read(ledger);
    assertEquals(50, totals.size(), "every account got usage");
    long accepted = totals.values().stream().mapToLong(Ledger.AccountTotal::records).sum();
    assertTrue(accepted > 2500 && accepted <= 2900, "accepted " + accepted);
    BigDecimal sum =
        totals.values().stream()
            .map(Ledger.AccountTotal::amount)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertTrue(sum.signum() > 0, "some usage is charged");

    String verified = run(0, "--url", url, "--verify", "--ledger", ledger.toString());
    assertTrue(verified.contains("0 mismatches"), verified);
  }
}
