package com.telco.billing.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.core.validation.Validated;
import com.telco.billing.loadgen.BillRunSetup.Accounts;
import com.telco.billing.node.json.StrictJson;
import com.telco.billing.protocol.http.OpenAccountRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The options of {@code bench payments}, its accounts and its figures; no node. */
class PaymentsBenchTest {

  private static PaymentsBench parse(String... args) {
    PaymentsBench bench = new PaymentsBench();
    new CommandLine(bench).parseArgs(args);
    return bench;
  }

  @Test
  void byDefaultTwentyThousandAccountsCollectedEverySecondAtTheNodesParallelism() {
    PaymentsBench bench = parse();
    assertEquals(20_000, bench.accounts);
    assertEquals(Duration.ofSeconds(1), bench.collectionInterval);
    assertNull(bench.balanceSample);
    assertEquals(64, bench.gatewayParallelism());
    assertEquals(List.of("billing.payments.collection.interval = 1000ms"), bench.nodeSettings());
    assertEquals(List.of(), bench.invalidOptions());
  }

  @Test
  void optionsBecomeNodeSettingsBeforeNodeConfig() {
    PaymentsBench bench =
        parse(
            "--accounts", "500",
            "--collection-parallelism", "256",
            "--gateway-parallelism", "128",
            "--collection-interval", "250ms",
            "--node-config", "billing.payments.collection.ask-timeout = 60s");
    assertEquals(500, bench.accounts);
    assertEquals(128, bench.gatewayParallelism());
    assertEquals(
        List.of(
            "billing.payments.collection.interval = 250ms",
            "billing.payments.collection.parallelism = 256",
            "billing.payments.gateway.parallelism = 128",
            "billing.payments.collection.ask-timeout = 60s"),
        bench.nodeSettings());
  }

  @Test
  void nonsenseIsRefused() {
    assertFalse(parse("--accounts", "0").invalidOptions().isEmpty());
    assertFalse(parse("--collection-parallelism", "0").invalidOptions().isEmpty());
    assertFalse(parse("--gateway-parallelism", "0").invalidOptions().isEmpty());
    assertFalse(parse("--collection-interval", "0s").invalidOptions().isEmpty());
    assertFalse(parse("--sandbox-threads", "0").invalidOptions().isEmpty());
    assertFalse(parse("--balance-sample", "-1").invalidOptions().isEmpty());
    assertEquals(List.of(), parse("--balance-sample", "0").invalidOptions());
  }

  @Test
  void theBalanceSampleIsAllAccountsOrSpreadEvenly() {
    assertEquals(List.of(1, 2, 3, 4, 5), PaymentsBench.balanceSample(5, null));
    assertEquals(List.of(1, 2, 3, 4, 5), PaymentsBench.balanceSample(5, 9));
    assertEquals(List.of(1, 6), PaymentsBench.balanceSample(10, 2));
    assertEquals(List.of(1, 26, 51, 76), PaymentsBench.balanceSample(100, 4));
    assertEquals(List.of(), PaymentsBench.balanceSample(100, 0));
  }

  @Test
  void theRateIsPaymentsOverTheWindow() {
    Instant start = Instant.parse("2026-12-07T10:00:00Z");
    assertEquals(1_000.0, PaymentsBench.rate(20_000, start, start.plusSeconds(20)), 1e-9);
    assertEquals(2_500.0, PaymentsBench.rate(5_000, start, start.plusMillis(2_000)), 1e-9);
    assertEquals(0.0, PaymentsBench.rate(10, start, start));
  }

  @Test
  void quantilesAreTheCaptureTimesByWhichThatShareHadHappened() {
    Instant start = Instant.parse("2026-12-07T10:00:00Z");
    List<Instant> times = new java.util.ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      times.add(start.plusSeconds(i));
    }
    assertEquals(Duration.ofSeconds(50), PaymentsBench.quantileAfter(times, 0.50, start));
    assertEquals(Duration.ofSeconds(99), PaymentsBench.quantileAfter(times, 0.99, start));
    assertEquals(Duration.ofSeconds(100), PaymentsBench.quantileAfter(times, 1.0, start));
    assertEquals(
        Duration.ofSeconds(7),
        PaymentsBench.quantileAfter(List.of(start.plusSeconds(7)), 0.99, start));
    assertEquals(Duration.ZERO, PaymentsBench.quantileAfter(List.of(), 0.5, start));
  }

  @Test
  void theAccountsPayByTheSandboxCardThatAlwaysSucceeds() {
    LocalDate cycle = LocalDate.of(2026, 12, 6);
    Validated<AccountProfile> paying =
        StrictJson.read(
                text(BillRunSetup.openAccount(Accounts.PAYING, 3, cycle)), OpenAccountRequest.class)
            .validate();
    assertTrue(paying.isValid(), paying.errors().toString());
    assertEquals("bp-0000003", paying.value().accountId());
    assertEquals("tok_visa", paying.value().paymentMethodRef());
    // the bill run bench's accounts still have none
    Validated<AccountProfile> plain =
        StrictJson.read(
                text(BillRunSetup.openAccount(Accounts.MEASURED, 3, cycle)),
                OpenAccountRequest.class)
            .validate();
    assertNull(plain.value().paymentMethodRef());
  }

  private static String text(byte[] body) {
    return new String(body, StandardCharsets.UTF_8);
  }
}
