package com.telco.billing.node.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.telco.billing.devcassandra.TestCassandra;
import com.telco.billing.devkit.EmbeddedNode;
import com.telco.billing.devkit.HttpJson;
import com.telco.billing.devkit.HttpJson.Response;
import com.telco.billing.devkit.Ports;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Two nodes in one cluster against the real Cassandra: a version published through one node is
 * served by the other node's replica within a few seconds, a version published through the second
 * node reaches the first, and a third node that starts later has the whole catalog.
 */
class CatalogPropagationIT {
  private static final String CASSANDRA = TestCassandra.shared().hostAndPort();
  private static final String KEYSPACE = TestCassandra.uniqueKeyspace("catalog_propagation");

  /** A replica polls the journal every second; this leaves room for a slow machine. */
  private static final Duration PROPAGATION = Duration.ofSeconds(15);

  @Test
  void aPublishedVersionReachesEveryNodeIncludingOneThatStartsLater() {
    int seedPort = Ports.freeLoopbackPort();
    String seed = "pekko://Billing@127.0.0.1:" + seedPort;
    String next = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS) + "";

    try (EmbeddedNode first =
            EmbeddedNode.start(CASSANDRA, KEYSPACE, node("self", seedPort, seed));
        EmbeddedNode second =
            EmbeddedNode.start(
                CASSANDRA, KEYSPACE, node("seed-nodes", Ports.freeLoopbackPort(), seed))) {
      HttpJson one = new HttpJson(first.httpUrl());
      HttpJson two = new HttpJson(second.httpUrl());
      assertEquals(2, members(first), "the two nodes form one cluster");

      Response publishedOnOne = one.post("/catalog/versions", SampleCatalog.json());
      assertEquals(201, publishedOnOne.status(), publishedOnOne.body());
      Response onTwo =
          await(
              () -> two.get("/catalog/offerings?at=2026-01-01T00:00:00Z"), r -> r.status() == 200);
      assertEquals("2026-01", onTwo.text("version"));

      Response publishedOnTwo =
          two.post("/catalog/versions", SampleCatalog.json("2026-next", next));
      assertEquals(201, publishedOnTwo.status(), publishedOnTwo.body());
      await(() -> one.get("/catalog/versions/2026-next"), r -> r.status() == 200);
      assertEquals("2026-next", one.get("/catalog/offerings?at=" + next).text("version"));

      try (EmbeddedNode third =
          EmbeddedNode.start(
              CASSANDRA, KEYSPACE, node("seed-nodes", Ports.freeLoopbackPort(), seed))) {
        HttpJson three = new HttpJson(third.httpUrl());
        Response list =
            await(
                () -> three.get("/catalog/versions"),
                r -> r.status() == 200 && r.json().get("versions").size() == 2);
        assertEquals(
            one.get("/catalog/versions").json(), list.json(), "the late node has the same catalog");
        assertEquals("2026-next", three.get("/catalog/offerings?at=" + next).text("version"));
        assertEquals(
            "2026-01", three.get("/catalog/offerings?at=2026-01-01T00:00:00Z").text("version"));
      }
    }
  }

  private static Config node(String join, int remotePort, String seed) {
    return ConfigFactory.parseString(
        """
        billing.cluster.join = %s
        pekko.remote.artery.canonical.port = %d
        pekko.cluster.seed-nodes = ["%s"]
        pekko.cluster.jmx.multi-mbeans-in-same-jvm = on
        """
            .formatted(join, remotePort, seed));
  }

  private static int members(EmbeddedNode node) {
    Response members = new HttpJson(node.managementUrl()).get("/cluster/members");
    return members.json() == null ? -1 : members.json().get("members").size();
  }

  /** Polls until the answer satisfies {@code done}; fails with the last answer after a while. */
  private static Response await(Supplier<Response> request, Predicate<Response> done) {
    Instant deadline = Instant.now().plus(PROPAGATION);
    Response last = request.get();
    while (!done.test(last)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "not within " + PROPAGATION + ": " + last.status() + " " + last.body());
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      last = request.get();
    }
    return last;
  }
}
