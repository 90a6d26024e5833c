package com.telco.billing.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.devcassandra.TestCassandra;
import com.telco.billing.devkit.EmbeddedNode;
import com.telco.billing.devkit.HttpJson;
import com.telco.billing.devkit.HttpJson.Response;
import com.telco.billing.protocol.Origin;
import com.telco.billing.protocol.account.AccountEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.pekko.persistence.cassandra.query.javadsl.CassandraReadJournal;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.stream.javadsl.Sink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Subscriptions and guiding end to end through HTTP against the real Cassandra: activation with a
 * future date, the lifecycle's refusals, idempotent repeats, and "who held this number at t" with
 * recycling and a move between accounts.
 */
class SubscriptionApiIT {
  private static final String CASSANDRA = TestCassandra.shared().hostAndPort();
  private static final String KEYSPACE = TestCassandra.uniqueKeyspace("subscription_api");

  private static EmbeddedNode node;
  private static HttpJson http;

  @BeforeAll
  static void startNode() {
    node = EmbeddedNode.start(CASSANDRA, KEYSPACE);
    http = new HttpJson(node.httpUrl());
    Response catalog =
        http.post("/catalog/versions", com.telco.billing.node.catalog.SampleCatalog.json());
    assertEquals(201, catalog.status(), catalog.body());
  }

  @AfterAll
  static void stopNode() {
    if (node != null) {
      node.close();
    }
  }

  private static void openAccount(String id, String zone) {
    Response r =
        http.post(
            "/accounts",
            """
            {"id": "%s", "name": "Test", "currency": "EUR", "billCycleDay": 1,
             "timeZone": "%s", "taxJurisdiction": "DE"}
            """
                .formatted(id, zone));
    assertTrue(r.status() == 201 || r.status() == 200, r.body());
  }

  private static Response activate(String account, String sub, String msisdn, String date) {
    return http.post(
        "/accounts/" + account + "/subscriptions",
        """
        {"subscriptionId": "%s", "offeringId": "MOBILE_S",
         "serviceIds": [{"type": "MSISDN", "value": "%s"}], "activationDate": "%s"}
        """
            .formatted(sub, msisdn, date));
  }

  private static Response change(String account, String sub, String action, String date) {
    return http.post(
        "/accounts/" + account + "/subscriptions/" + sub + "/" + action,
        "{\"effectiveDate\": \"" + date + "\"}");
  }

  @Test
  void theAccountsEventsNameTheSubjectAndRequestIdOfTheRequestsBehindThem() throws Exception {
    HttpJson desk = HttpJson.withRoles(node.httpUrl(), "order-management", "mediation");
    Response opened =
        desk.post(
            "/accounts",
            """
            {"id": "acc-origin", "name": "Test", "currency": "EUR", "billCycleDay": 1,
             "timeZone": "Europe/Berlin", "taxJurisdiction": "DE"}
            """);
    assertEquals(201, opened.status(), opened.body());
    Response activated =
        desk.post(
            "/accounts/acc-origin/subscriptions",
            """
            {"subscriptionId": "sub-o", "offeringId": "MOBILE_S",
             "serviceIds": [{"type": "MSISDN", "value": "+4915100000190"}],
             "activationDate": "2026-01-15"}
            """);
    assertEquals(201, activated.status(), activated.body());
    Response suspended =
        desk.post(
            "/accounts/acc-origin/subscriptions/sub-o/suspend",
            "{\"effectiveDate\": \"" + LocalDate.now(ZoneOffset.UTC).plusDays(10) + "\"}");
    assertEquals(200, suspended.status(), suspended.body());
    Response usage =
        desk.post(
            "/usage",
            """
            [{"id": "cdr-o1", "source": "msc-1", "serviceId": "+4915100000190",
              "usageType": "VOICE", "usageDate": "%s", "quantity": 61, "unit": "s",
              "attributes": {"zone": "NATIONAL"}}]
            """
                .formatted(Instant.now().minusSeconds(3600)));
    assertEquals(200, usage.status(), usage.body());
    assertEquals(1, usage.json().get("accepted").asInt(), usage.body());

    List<Object> events =
        PersistenceQuery.get(node.system())
            .getReadJournalFor(CassandraReadJournal.class, CassandraReadJournal.Identifier())
            .currentEventsByPersistenceId("Account|acc-origin", 0, Long.MAX_VALUE)
            .map(EventEnvelope::event)
            .runWith(Sink.seq(), node.system())
            .toCompletableFuture()
            .get(15, java.util.concurrent.TimeUnit.SECONDS);
    assertEquals(
        List.of(
            originOf(opened),
            originOf(activated),
            originOf(suspended),
            new Origin.Span(originOf(usage), 1)),
        List.of(
            ((AccountEvent.AccountOpened) events.get(0)).origin(),
            ((AccountEvent.SubscriptionActivated) events.get(1)).origin(),
            ((AccountEvent.SubscriptionChanged) events.get(2)).origin(),
            ((AccountEvent.UsageRated) events.get(3)).origins().get(0)));
  }

  /** The origin a response's request has: the dev token's subject and the request's id. */
  private static Origin originOf(Response response) {
    String requestId = response.raw().headers().firstValue("X-Request-Id").orElseThrow();
    return new Origin("dev-tests", requestId);
  }

  @Test
  void aFutureActivationIsPendingAndShownWithItsHistory() {
    openAccount("acc-future", "Europe/Berlin");
    String future = LocalDate.now(ZoneOffset.UTC).plusDays(30).toString();
    Response activated = activate("acc-future", "sub-f", "+4915100000100", future);
    assertEquals(201, activated.status(), activated.body());
    assertEquals("PENDING", activated.text("status"));
    assertEquals(future, activated.text("activationDate"));

    Response repeated = activate("acc-future", "sub-f", "+49 151 00000100", future);
    assertEquals(200, repeated.status(), repeated.body());

    Response account = http.get("/accounts/acc-future");
    assertEquals(200, account.status());
    var subscription = account.json().get("subscriptions").get(0);
    assertEquals("sub-f", subscription.get("subscriptionId").asText());
    assertEquals("PENDING", subscription.get("status").asText());
    assertEquals("ACTIVATED", subscription.get("statusHistory").get(0).get("change").asText());
    assertEquals("+4915100000100", subscription.get("serviceIds").get(0).get("value").asText());
  }

  @Test
  void theLifecycleRefusesWhatItForbidsWithTheRulesCode() {
    openAccount("acc-life", "UTC");
    assertEquals(201, activate("acc-life", "sub-l", "+4915100000200", "2026-10-01").status());
    assertEquals(200, change("acc-life", "sub-l", "suspend", "2026-10-05").status());
    Response twice = change("acc-life", "sub-l", "suspend", "2026-10-06");
    assertEquals(409, twice.status());
    assertEquals("already_suspended", twice.text("code"));
    assertEquals(200, change("acc-life", "sub-l", "resume", "2026-10-07").status());
    Response early = change("acc-life", "sub-l", "suspend", "2026-09-01");
    assertEquals(409, early.status());
    assertEquals("date_before_activation", early.text("code"));
    assertEquals(200, change("acc-life", "sub-l", "terminate", "2026-10-20").status());
    assertEquals(200, change("acc-life", "sub-l", "terminate", "2026-10-20").status(), "repeat");
    Response resume = change("acc-life", "sub-l", "resume", "2026-10-21");
    assertEquals(409, resume.status());
    assertEquals("subscription_terminated", resume.text("code"));

    Response again = activate("acc-life", "sub-l", "+4915100000299", "2026-10-01");
    assertEquals(409, again.status());
    assertEquals("subscription_already_activated", again.text("code"));

    // The actions are paths, spelt exactly: another word or another case is no resource.
    Response unknownAction = change("acc-life", "sub-l", "pause", "2026-10-21");
    assertEquals(404, unknownAction.status());
    assertEquals("not_found", unknownAction.text("code"));
    assertEquals(404, change("acc-life", "sub-l", "Suspend", "2026-10-21").status());
    Response unknownSub = change("acc-life", "nope", "suspend", "2026-10-21");
    assertEquals(404, unknownSub.status());
    assertEquals("subscription_not_found", unknownSub.text("code"));
    Response noAccount = activate("acc-none", "sub-x", "+4915100000298", "2026-10-01");
    assertEquals(404, noAccount.status());
    Response noSuchPlan =
        http.post(
            "/accounts/acc-life/subscriptions",
            """
            {"subscriptionId": "sub-z", "offeringId": "NO_SUCH_PLAN",
             "serviceIds": [{"type": "MSISDN", "value": "+4915100000297"}],
             "activationDate": "2026-10-01"}
            """);
    assertEquals(400, noSuchPlan.status());
    assertEquals("unknown_offering", noSuchPlan.text("code"));
    assertEquals("offeringId", noSuchPlan.text("field"));
    Response badNumber = activate("acc-life", "sub-y", "12ab", "2026-10-01");
    assertEquals(400, badNumber.status());
    assertEquals("serviceIds[0].value", badNumber.text("field"));
  }

  @Test
  void guidingFollowsRecyclingAndMovesBetweenAccounts() {
    openAccount("acc-g1", "UTC");
    openAccount("acc-g2", "UTC");
    String number = "+4915100000300";
    assertEquals(201, activate("acc-g1", "sub-g1", number, "2026-03-01").status());

    Response inUse = activate("acc-g2", "sub-g2", number, "2026-05-01");
    assertEquals(409, inUse.status());
    assertEquals("service_in_use", inUse.text("code"));

    assertEquals(200, change("acc-g1", "sub-g1", "terminate", "2026-04-01").status());
    // the number is recycled: it moves to another account from the termination on
    Response moved = activate("acc-g2", "sub-g2", number, "2026-05-01");
    assertEquals(201, moved.status(), moved.body());

    assertHolder(number, "2026-03-15T12:00:00Z", "acc-g1", "sub-g1");
    assertHolder(number, "2026-05-01T00:00:00Z", "acc-g2", "sub-g2");
    Response gap = http.get("/services/" + number + "?at=2026-04-15T00:00:00Z");
    assertEquals(404, gap.status());
    assertEquals("service_not_guided", gap.text("code"));
    Response before = http.get("/services/" + number + "?at=2026-02-28T23:59:59Z");
    assertEquals(404, before.status());

    Response badInstant = http.get("/services/" + number + "?at=yesterday");
    assertEquals(400, badInstant.status());
    assertEquals("at", badInstant.text("field"));
  }

  @Test
  void anActivationTheIndexMissedReachesItThroughTheProjection() throws Exception {
    // As if the node died right after the account's write: the activation is recorded by the
    // account entity directly, without the request path's claim. The projection over the
    // account's events must still bring the index up to date.
    openAccount("acc-p", "UTC");
    var activation =
        new com.telco.billing.core.subscription.ActivateSubscription(
            "sub-p",
            "MOBILE_S",
            java.util.List.of(
                com.telco.billing.core.subscription.ServiceId.msisdn("+4915100000400")),
            LocalDate.of(2026, 6, 1));
    org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding.get(node.system())
        .entityRefFor(com.telco.billing.sharding.EntityKeys.ACCOUNT, "acc-p")
        .<com.telco.billing.protocol.account.SubscriptionResult>askWithStatus(
            replyTo ->
                new com.telco.billing.protocol.account.AccountCommand.ActivateSubscription(
                    activation, null, replyTo),
            Duration.ofSeconds(10))
        .toCompletableFuture()
        .get(15, java.util.concurrent.TimeUnit.SECONDS);

    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    Response holder;
    do {
      Thread.sleep(200);
      holder = http.get("/services/+4915100000400?at=2026-06-15T00:00:00Z");
    } while (holder.status() != 200 && Instant.now().isBefore(deadline));
    assertEquals(200, holder.status(), "the projection claimed the number: " + holder.body());
    assertEquals("acc-p", holder.text("accountId"));
  }

  private static void assertHolder(String number, String at, String account, String sub) {
    Response r = http.get("/services/" + number + "?at=" + at);
    assertEquals(200, r.status(), r.body());
    assertEquals(account, r.text("accountId"));
    assertEquals(sub, r.text("subscriptionId"));
  }
}
