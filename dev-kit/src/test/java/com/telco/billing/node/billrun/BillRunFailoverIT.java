package com.telco.billing.node.billrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.telco.billing.devcassandra.TestCassandra;
import com.telco.billing.devkit.HttpJson;
import com.telco.billing.devkit.HttpJson.Response;
import com.telco.billing.devkit.NodeProcess;
import com.telco.billing.devkit.Ports;
import com.telco.billing.node.catalog.SampleCatalog;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Two node JVMs against the real Cassandra; the node that runs the bill-cycle singleton (the
 * oldest, node 1) is killed with {@code kill -9} in the middle of a bill run. The singleton moves
 * to node 2, resumes the run after its last recorded step, and at the end every account has exactly
 * one invoice and the invoice numbers have no gaps.
 */
class BillRunFailoverIT {
  private static final String CASSANDRA = TestCassandra.shared().hostAndPort();
  private static final String KEYSPACE = TestCassandra.uniqueKeyspace("bill_run_failover");
  private static final LocalDate CYCLE = BillingFixtures.cycleDate();
  private static final int ACCOUNTS = 120;

  private static final List<NodeProcess> nodes = new ArrayList<>();

  @AfterAll
  static void stop() {
    nodes.forEach(NodeProcess::kill);
  }

  static NodeProcess start(String name, int remotePort, List<Integer> seeds) {
    Map<String, String> env = NodeProcess.env(CASSANDRA, KEYSPACE);
    env.put("BILLING_BILL_RUN_AUTO_START", "false");
    // small steps, one account at a time: the run lasts long enough to be interrupted
    env.put("BILLING_BILL_RUN_PAGE_SIZE", "10");
    env.put("BILLING_BILL_RUN_PARALLELISM", "1");
    env.put(
        "BILLING_EVENTS_BY_TAG_FIRST_BUCKET",
        LocalDate.now(ZoneOffset.UTC).minusDays(1).format(DateTimeFormatter.BASIC_ISO_DATE)
            + "T00:00");
    NodeProcess node =
        NodeProcess.start(
            new NodeProcess.Spec(
                name,
                remotePort,
                Ports.freeLoopbackPort(),
                Ports.freeLoopbackPort(),
                seeds,
                env,
                List.of("-Xms256m", "-Xmx512m"),
                Path.of("target", "bill-run-failover", name + ".log")));
    nodes.add(node);
    return node;
  }

  static String account(int i) {
    return String.format("fo-%03d", i);
  }

  @Test
  void aBillRunSurvivesTheLossOfTheSingletonsNode() {
    // With two nodes, keep-majority cannot tell a crash from a partition: of two equal halves it
    // keeps the one with the lowest address. Node 1 (the oldest, which runs the singleton and is
    // killed) gets the higher remoting port, so node 2 is the half that stays.
    int a = Ports.freeLoopbackPort();
    int b = Ports.freeLoopbackPort();
    int port1 = Math.max(a, b);
    int port2 = Math.min(a, b);
    NodeProcess node1 = start("node-1", port1, List.of(port1, port2));
    node1.awaitReady(Duration.ofSeconds(180));
    NodeProcess node2 = start("node-2", port2, List.of(port1, port2));
    node2.awaitReady(Duration.ofSeconds(180));
    HttpJson http1 = new HttpJson(node1.httpUrl());
    HttpJson http2 = new HttpJson(node2.httpUrl());

    int published = BillingFixtures.post(http1, "/catalog/versions", SampleCatalog.json()).status();
    assertTrue(published == 201 || published == 200, "catalog published: " + published);
    StringBuilder calls = new StringBuilder("[");
    for (int i = 0; i < ACCOUNTS; i++) {
      HttpJson http = i % 2 == 0 ? http1 : http2;
      BillingFixtures.open(http, account(i), CYCLE);
      BillingFixtures.activate(
          http, account(i), "sub-" + i, BillingFixtures.msisdn(i), "MOBILE_S", CYCLE);
      calls.append(i == 0 ? "" : ",");
      calls.append(
          BillingFixtures.call("fo-call-" + i, BillingFixtures.msisdn(i), CYCLE.minusDays(2)));
    }
    Response usage = BillingFixtures.post(http2, "/usage", calls.append(']').toString());
    assertEquals(ACCOUNTS, usage.json().get("accepted").asInt(), usage.body());

    // the run starts once the read side lists every account
    BillingFixtures.awaitAccountsInReadSide(CASSANDRA, KEYSPACE, CYCLE, ACCOUNTS);
    Response started = http2.post("/bill-runs", "{\"cycleDate\": \"" + CYCLE + "\"}");
    assertEquals(202, started.status(), started.body());
    String runId = started.text("runId");
    long[] processed = {0};
    BillingFixtures.await(
        () -> {
          Response r = http2.get("/bill-runs/" + runId);
          processed[0] = r.status() == 200 ? r.json().get("processed").asLong() : 0;
          return processed[0] >= 30;
        },
        Duration.ofSeconds(120),
        "the run to be under way");
    assertTrue(processed[0] < ACCOUNTS, "the run must still be going: " + processed[0]);

    node1.kill();

    JsonNode[] run = new JsonNode[1];
    BillingFixtures.await(
        () -> {
          Response r = http2.get("/bill-runs/" + runId);
          if (r.status() != 200) {
            return false; // 503 while the singleton moves
          }
          run[0] = r.json();
          return r.text("status").equals("COMPLETED");
        },
        Duration.ofSeconds(180),
        "the run to complete on node 2");
    assertEquals(ACCOUNTS, run[0].get("invoiced").asLong(), run[0].toString());
    assertEquals(0, run[0].get("failed").asLong(), run[0].toString());

    TreeSet<Long> sequences = new TreeSet<>();
    String prefix = "INV-DEFAULT-" + CYCLE.getYear() + "-";
    for (int i = 0; i < ACCOUNTS; i++) {
      Response list = http2.get("/accounts/" + account(i) + "/invoices");
      assertEquals(200, list.status(), list.body());
      JsonNode invoices = list.json().get("invoices");
      assertEquals(1, invoices.size(), account(i) + ": " + list.body());
      String number = invoices.get(0).get("billNo").asText();
      assertTrue(
          sequences.add(Long.parseLong(number.substring(prefix.length()))), "unique: " + number);
    }
    assertEquals(1L, sequences.first());
    assertEquals((long) ACCOUNTS, sequences.last(), "no gaps");
  }
}
