package com.telco.billing.node.billrun;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.telco.billing.devkit.HttpJson;
import com.telco.billing.devkit.HttpJson.Response;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.BooleanSupplier;

/** Accounts, subscriptions and usage that a bill run invoices, set up through HTTP. */
public final class BillingFixtures {
  private BillingFixtures() {}

  /** Yesterday (so the period has ended everywhere), or the 28th when yesterday is 29..31. */
  public static LocalDate cycleDate() {
    LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
    return yesterday.getDayOfMonth() > 28 ? yesterday.withDayOfMonth(28) : yesterday;
  }

  public static String msisdn(int i) {
    return String.format("+49151%08d", 7_000_000 + i);
  }

  /**
   * POSTs as a well-behaved client does: a 503 (the cluster did not answer in time, e.g. while a
   * freshly started node allocates its first shards) or 429 is sent again after a pause, for up to
   * a minute. Every request sent this way is idempotent.
   */
  public static Response post(HttpJson http, String path, String body) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      Response r = http.post(path, body);
      if ((r.status() != 503 && r.status() != 429) || System.nanoTime() > deadline) {
        return r;
      }
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** Opens an EUR account in UTC, jurisdiction DE, whose cycle day is {@code cycle}'s day. */
  public static void open(HttpJson http, String id, LocalDate cycle) {
    Response r =
        post(
            http,
            "/accounts",
            """
            {"id": "%s", "name": "Customer %s", "currency": "EUR", "billCycleDay": %d,
             "timeZone": "UTC", "taxJurisdiction": "DE"}
            """
                .formatted(id, id, cycle.getDayOfMonth()));
    assertTrue(r.status() == 201 || r.status() == 200, r.body());
  }

  /**
   * Opens an account in {@code currency}, {@code timeZone} and {@code jurisdiction} whose cycle day
   * is {@code cycle}'s day.
   */
  public static void openAccount(
      HttpJson http,
      String id,
      String currency,
      LocalDate cycle,
      String timeZone,
      String jurisdiction) {
    Response r =
        post(
            http,
            "/accounts",
            """
            {"id": "%s", "name": "Customer %s", "currency": "%s", "billCycleDay": %d,
             "timeZone": "%s", "taxJurisdiction": "%s"}
            """
                .formatted(id, id, currency, cycle.getDayOfMonth(), timeZone, jurisdiction));
    assertTrue(r.status() == 201 || r.status() == 200, r.body());
  }

  /** Activates a subscription of {@code offering} on {@code activationDate}. */
  public static void activateOn(
      HttpJson http,
      String account,
      String sub,
      String msisdn,
      String offering,
      LocalDate activationDate) {
    Response r =
        post(
            http,
            "/accounts/" + account + "/subscriptions",
            """
            {"subscriptionId": "%s", "offeringId": "%s",
             "serviceIds": [{"type": "MSISDN", "value": "%s"}], "activationDate": "%s"}
            """
                .formatted(sub, offering, msisdn, activationDate));
    assertTrue(r.status() == 201 || r.status() == 200, r.body());
  }

  /** Activates a subscription ten days before the cycle date, inside the period it closes. */
  public static void activate(
      HttpJson http, String account, String sub, String msisdn, String offering, LocalDate cycle) {
    Response r =
        post(
            http,
            "/accounts/" + account + "/subscriptions",
            """
            {"subscriptionId": "%s", "offeringId": "%s",
             "serviceIds": [{"type": "MSISDN", "value": "%s"}], "activationDate": "%s"}
            """
                .formatted(sub, offering, msisdn, cycle.minusDays(10)));
    assertTrue(r.status() == 201 || r.status() == 200, r.body());
  }

  /** A two-minute national call record of {@code msisdn} on {@code day} at 10:00 UTC. */
  public static String call(String id, String msisdn, LocalDate day) {
    return """
        {"id": "%s", "source": "msc-1", "serviceId": "%s", "usageType": "VOICE",
         "usageDate": "%sT10:00:00Z", "quantity": 120, "unit": "s",
         "attributes": {"zone": "NATIONAL"}}"""
        .formatted(id, msisdn, day);
  }

  /**
   * The billing projection is eventually consistent (events-by-tag reads 5 s behind): waits until
   * the cycle-day read side lists {@code expected} accounts, so that a run started now sees them.
   */
  public static void awaitAccountsInReadSide(
      String cassandraHostPort, String keyspace, LocalDate cycle, int expected) {
    String[] hostPort = cassandraHostPort.split(":");
    try (CqlSession session =
        CqlSession.builder()
            .addContactPoint(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])))
            .withLocalDatacenter("datacenter1")
            .build()) {
      var count =
          session.prepare(
              "SELECT COUNT(*) FROM " + keyspace + ".accounts_by_cycle_day WHERE cycle_day = ?");
      await(
          () -> session.execute(count.bind(cycle.getDayOfMonth())).one().getLong(0) == expected,
          Duration.ofSeconds(90),
          "accounts in the cycle-day read side");
    }
  }

  public static void await(BooleanSupplier condition, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
