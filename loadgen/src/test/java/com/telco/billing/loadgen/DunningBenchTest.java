package com.telco.billing.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.loadgen.BillRunSetup.Accounts;
import com.telco.billing.node.json.StrictJson;
import com.telco.billing.protocol.http.OpenAccountRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The options of {@code bench dunning}, its accounts and its dates; no node. */
class DunningBenchTest {

  private static DunningBench parse(String... args) {
    DunningBench bench = new DunningBench();
    new CommandLine(bench).parseArgs(args);
    return bench;
  }

  @Test
  void optionsBecomeNodeSettingsBeforeNodeConfig(@TempDir Path dir) throws Exception {
    Path policy = Files.writeString(dir.resolve("policy.json"), "{}");
    DunningBench bench =
        parse(
            "--accounts", "200",
            "--dunning-parallelism", "128",
            "--policy", policy.toString(),
            "--node-config", "billing.dunning.driver.ask-timeout = 60s");
    assertEquals(200, bench.accounts);
    assertEquals(
        List.of(
            "billing.dunning.driver.interval = 6h",
            "billing.dunning.driver.parallelism = 128",
            "billing.dunning.driver.ask-timeout = 60s"),
        bench.nodeSettings());
    assertEquals(List.of(), bench.invalidOptions());
  }

  @Test
  void nonsenseIsRefused() {
    DunningBench bench =
        parse("--accounts", "0", "--days-past-due", "40", "--policy", "no/such/file.json");
    assertEquals(3, bench.invalidOptions().size(), bench.invalidOptions().toString());
  }

  @Test
  void theInvoicesAreDueTheGivenDaysAgoOnAValidCycleDay() {
    assertEquals(LocalDate.of(2026, 12, 3), DunningBench.cycleDate(LocalDate.of(2026, 12, 7), 4));
    // the 29th..31st are no bill cycle days: the 28th, a few days more past due
    assertEquals(LocalDate.of(2026, 12, 28), DunningBench.cycleDate(LocalDate.of(2027, 1, 3), 4));
  }

  @Test
  void theAccountsOweWithoutTermsOrAPaymentMethod() throws Exception {
    OpenAccountRequest request =
        StrictJson.MAPPER.readValue(
            BillRunSetup.openAccount(Accounts.DUNNING, 7, LocalDate.of(2026, 12, 3)),
            OpenAccountRequest.class);
    assertEquals("bd-0000007", request.id());
    assertEquals(Integer.valueOf(0), request.paymentTermsDays());
    assertNull(request.paymentMethodRef());
    assertTrue(Accounts.PAYING.paymentTermsDays() > 0);
  }
}
