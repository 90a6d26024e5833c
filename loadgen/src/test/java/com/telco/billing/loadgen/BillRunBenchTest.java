package com.telco.billing.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.rating.UsageRecord;
import com.telco.billing.loadgen.BillRunSetup.Accounts;
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
  void byDefaultTheNodeOnlyKeepsEveryAccountInMemory() {
    BillRunBench bench = parse();
    assertEquals(100_000, bench.accounts);
    assertEquals(10_000, bench.warmUp);
    assertEquals(
        List.of("pekko.cluster.sharding.passivation.default-strategy.active-entity-limit = 220000"),
        bench.nodeSettings());
    assertEquals(List.of(), bench.invalidOptions());
    assertEquals(100_000, parse("--accounts", "150", "--warm-up", "30").entityLimit());
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
            BillRunBench.ENTITY_LIMIT + " = 100000",
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
    assertFalse(parse("--warm-up", "-1").invalidOptions().isEmpty());
    assertEquals(List.of(), parse("--warm-up", "0").invalidOptions());
  }

  @Test
  void theCycleDateIsYesterdayClampedToThe28th() {
    assertEquals(LocalDate.of(2026, 3, 14), BillRunSetup.cycleDate(LocalDate.of(2026, 3, 15)));
    assertEquals(LocalDate.of(2026, 2, 28), BillRunSetup.cycleDate(LocalDate.of(2026, 3, 1)));
    assertEquals(LocalDate.of(2026, 1, 28), BillRunSetup.cycleDate(LocalDate.of(2026, 2, 1)));
    assertEquals(LocalDate.of(2026, 1, 28), BillRunSetup.cycleDate(LocalDate.of(2026, 1, 31)));
  }

  @Test
  void theWarmUpRunIsOfAnotherValidCycleDayBeforeTheMeasuredOne() {
    assertEquals(
        LocalDate.of(2026, 3, 13), BillRunSetup.warmUpCycleDate(LocalDate.of(2026, 3, 14)));
    assertEquals(
        LocalDate.of(2026, 2, 27), BillRunSetup.warmUpCycleDate(LocalDate.of(2026, 2, 28)));
    assertEquals(LocalDate.of(2026, 2, 25), BillRunSetup.warmUpCycleDate(LocalDate.of(2026, 3, 1)));
    assertEquals(LocalDate.of(2026, 3, 28), BillRunSetup.warmUpCycleDate(LocalDate.of(2026, 4, 1)));
    assertEquals(
        LocalDate.of(2025, 12, 28), BillRunSetup.warmUpCycleDate(LocalDate.of(2026, 1, 1)));
    for (LocalDate cycle = LocalDate.of(2024, 1, 1);
        cycle.isBefore(LocalDate.of(2026, 1, 1));
        cycle = cycle.plusDays(1)) {
      if (cycle.getDayOfMonth() > 28) {
        continue;
      }
      LocalDate warmUp = BillRunSetup.warmUpCycleDate(cycle);
      assertTrue(warmUp.isBefore(cycle), cycle.toString());
      assertTrue(warmUp.getDayOfMonth() <= 28, cycle.toString());
      assertNotEquals(cycle.getDayOfMonth(), warmUp.getDayOfMonth(), cycle.toString());
    }
  }

  @Test
  void theTwoSetsOfAccountsShareNoIdentifier() {
    Accounts measured = Accounts.MEASURED;
    Accounts warmUp = Accounts.WARM_UP;
    assertEquals("br-0000001", measured.id(1));
    assertEquals("+4915200000001", measured.msisdn(1));
    assertEquals("br-sub-0000001", measured.subscriptionId(1));
    assertEquals("bw-0000001", warmUp.id(1));
    assertEquals("+4915300000001", warmUp.msisdn(1));
    assertEquals("bw-sub-0000001", warmUp.subscriptionId(1));
    java.time.Instant now = java.time.Instant.now();
    LocalDate cycle = BillRunSetup.cycleDate(LocalDate.now(java.time.ZoneOffset.UTC));
    assertNotEquals(
        BillRunSetup.usage(measured, 7, cycle, now).get(0).id(),
        BillRunSetup.usage(warmUp, 7, cycle, now).get(0).id());
  }

  @Test
  void usageFallsInTheClosedPeriodAfterActivation() {
    LocalDate cycle = BillRunSetup.cycleDate(LocalDate.now(java.time.ZoneOffset.UTC));
    java.time.Instant now = java.time.Instant.now();
    List<UsageRecord> s = BillRunSetup.usage(Accounts.MEASURED, 1, cycle, now);
    List<UsageRecord> m = BillRunSetup.usage(Accounts.MEASURED, 2, cycle, now);
    assertEquals("MOBILE_S", BillRunSetup.offering(1));
    assertEquals("MOBILE_M", BillRunSetup.offering(2));
    assertEquals(4, s.size());
    assertEquals(3, m.size(), "no SMS on MOBILE_M");
    for (UsageRecord r : s) {
      LocalDate day = LocalDate.ofInstant(r.usageDate(), java.time.ZoneOffset.UTC);
      assertTrue(day.isBefore(cycle) && day.isAfter(cycle.minusDays(10)), r.toString());
    }
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

  @Test
  void aRunThatDidNotInvoiceEveryAccountDueIsAProblem() {
    BillRunBench.Run run = new BillRunBench.Run("BR-1", 10, 9, 0, 1, 2.0, 2.1, null);
    assertEquals(
        java.util.Optional.empty(),
        BillRunBench.shortfall("run", run, new BillRunBench.ReadSide(9, 1.0, List.of())));
    assertEquals(
        java.util.Optional.of("warm-up run: 9 invoices for 10 accounts due: null"),
        BillRunBench.shortfall("warm-up run", run, new BillRunBench.ReadSide(10, 1.0, List.of())));
  }

  @Test
  void sequenceCheckOfARangeAfterEarlierNumbers() {
    SequenceCheck fine = new SequenceCheck(31, 4);
    assertEquals("31..34", fine.range());
    for (long s : new long[] {34, 31, 33, 32}) {
      fine.add(s);
    }
    assertEquals(List.of(), fine.problems());

    SequenceCheck wrong = new SequenceCheck(31, 4);
    for (long s : new long[] {30, 31, 33, 33, 35}) {
      wrong.add(s);
    }
    List<String> problems = wrong.problems();
    assertEquals(3, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("more than once, e.g. [33]"), problems.toString());
    assertTrue(
        problems.get(1).contains("2 numbers outside 31..34, e.g. [30, 35]"), problems.toString());
    assertTrue(problems.get(2).contains("numbers of 31..34 missing (gaps), e.g. [32, 34]"));
    assertThrows(IllegalArgumentException.class, () -> new SequenceCheck(0, 4));
  }
}
