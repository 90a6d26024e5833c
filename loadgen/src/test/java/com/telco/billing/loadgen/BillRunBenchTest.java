package com.telco.billing.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.rating.UsageRecord;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The bench's options, its cycle date, its accounts' usage and the gap-free check; no node. */
class BillRunBenchTest {

  private static BillRunBench parse(String... args) {
    BillRunBench bench = new BillRunBench();
    new CommandLine(bench).parseArgs(args);
    return bench;
  }

  @Test
  void defaultsLeaveTheNodeSettingsAlone() {
    BillRunBench bench = parse();
    assertEquals(100_000, bench.accounts);
    assertEquals(List.of(), bench.nodeSettings());
    assertEquals(List.of(), bench.invalidOptions());
  }

  @Test
  void parallelismAndPageSizeBecomeNodeSettingsBeforeNodeConfig() {
    BillRunBench bench =
        parse(
            "--accounts", "2000",
            "--parallelism", "128",
            "--page-size", "1000",
            "--node-config", "billing.invoicing.ask-timeout = 60s");
    assertEquals(2000, bench.accounts);
    assertEquals(
        List.of(
            "billing.bill-run.parallelism = 128",
            "billing.bill-run.page-size = 1000",
            "billing.invoicing.ask-timeout = 60s"),
        bench.nodeSettings());
  }

  @Test
  void nonsenseIsRefused() {
    assertFalse(parse("--accounts", "0").invalidOptions().isEmpty());
    assertFalse(parse("--parallelism", "0").invalidOptions().isEmpty());
    assertFalse(parse("--setup-concurrency", "0").invalidOptions().isEmpty());
    assertFalse(parse("--sample", "-1").invalidOptions().isEmpty());
  }

  @Test
  void theCycleDateIsYesterdayClampedToThe28th() {
    assertEquals(LocalDate.of(2026, 3, 14), BillRunSetup.cycleDate(LocalDate.of(2026, 3, 15)));
    assertEquals(LocalDate.of(2026, 2, 28), BillRunSetup.cycleDate(LocalDate.of(2026, 3, 1)));
    assertEquals(LocalDate.of(2026, 1, 28), BillRunSetup.cycleDate(LocalDate.of(2026, 2, 1)));
    assertEquals(LocalDate.of(2026, 1, 28), BillRunSetup.cycleDate(LocalDate.of(2026, 1, 31)));
  }

  @Test
  void usageFallsInTheClosedPeriodAfterActivation() {
    LocalDate cycle = BillRunSetup.cycleDate(LocalDate.now(java.time.ZoneOffset.UTC));
    java.time.Instant now = java.time.Instant.now();
    List<UsageRecord> s = BillRunSetup.usage(1, cycle, now);
    List<UsageRecord> m = BillRunSetup.usage(2, cycle, now);
    assertEquals("MOBILE_S", BillRunSetup.offering(1));
    assertEquals("MOBILE_M", BillRunSetup.offering(2));
    assertEquals(4, s.size());
    assertEquals(3, m.size(), "no SMS on MOBILE_M");
    for (UsageRecord r : s) {
      LocalDate day = LocalDate.ofInstant(r.usageDate(), java.time.ZoneOffset.UTC);
      assertTrue(day.isBefore(cycle) && day.isAfter(cycle.minusDays(10)), r.toString());
    }
    assertEquals("br-0000001", BillRunSetup.accountId(1));
    assertEquals("+4915200000001", BillRunSetup.msisdn(1));
  }

  @Test
  void sequenceCheckFindsGapsDuplicatesAndStrays() {
    SequenceCheck fine = new SequenceCheck(5);
    for (long s : new long[] {3, 1, 5, 2, 4}) {
      fine.add(s);
    }
    assertEquals(List.of(), fine.problems());

    SequenceCheck wrong = new SequenceCheck(5);
    for (long s : new long[] {1, 2, 2, 5, 7}) {
      wrong.add(s);
    }
    List<String> problems = wrong.problems();
    assertEquals(3, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("more than once, e.g. [2]"), problems.toString());
    assertTrue(problems.get(1).contains("outside 1..5, e.g. [7]"), problems.toString());
    assertTrue(problems.get(2).startsWith("2 numbers") && problems.get(2).endsWith("[3, 4]"));
  }
}
