package com.telco.billing.node.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.telco.billing.devcassandra.TestCassandra;
import com.telco.billing.devkit.EmbeddedNode;
import com.telco.billing.devkit.HttpJson;
import com.telco.billing.devkit.HttpJson.Response;
import com.telco.billing.node.catalog.SampleCatalog;
import com.telco.billing.sharding.ShardIds;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two nodes in this JVM form one cluster through seed nodes; accounts opened through either node
 * live in the shard {@link ShardIds} names, and {@code GET /cluster/shards} on either node shows
 * both members Up with exactly those shards and entity counts.
 */
class ClusterShardsIT {
  private static final String CASSANDRA = TestCassandra.shared().hostAndPort();
  private static final String KEYSPACE = TestCassandra.uniqueKeyspace("cluster_shards");
  private static final int ACCOUNTS = 24;

  private static EmbeddedNode first;
  private static EmbeddedNode second;

  @BeforeAll
  static void start() {
    first = EmbeddedNode.start(CASSANDRA, KEYSPACE);
    second =
        EmbeddedNode.start(CASSANDRA, KEYSPACE, EmbeddedNode.joinSeedNodes(first.clusterAddress()));
  }

  @AfterAll
  static void stop() {
    if (second != null) {
      second.close();
    }
    if (first != null) {
      first.close();
    }
  }

  @Test
  void showsEveryMembersShardsAndEntities() {
    HttpJson one = new HttpJson(first.httpUrl());
    HttpJson two = new HttpJson(second.httpUrl());
    awaitMembersUp(two, 2);
    assertEquals(201, one.post("/catalog/versions", SampleCatalog.json()).status());

    Map<String, Integer> expectedPerShard = new HashMap<>();
    for (int i = 1; i <= ACCOUNTS; i++) {
      String id = "acc-c" + i;
      HttpJson via = i % 2 == 0 ? one : two;
      Response opened =
          via.post(
              "/accounts",
              """
              {"id": "%s", "name": "Cluster %d", "currency": "EUR", "billCycleDay": 1,
               "timeZone": "UTC", "taxJurisdiction": "DE"}
              """
                  .formatted(id, i));
      assertEquals(201, opened.status(), opened.body());
      // any node answers for any account: read it through the other one
      Response read = (via == one ? two : one).get("/accounts/" + id);
      assertEquals(200, read.status(), read.body());
      expectedPerShard.merge(ShardIds.shardId(id, 100), 1, Integer::sum);
    }

    for (HttpJson via : new HttpJson[] {one, two}) {
      Response r = via.get("/cluster/shards");
      assertEquals(200, r.status(), r.body());
      JsonNode json = r.json();
      assertEquals(100, json.get("numberOfShards").asInt());
      assertEquals(2, json.get("members").size(), r.body());
      Set<String> addresses = new HashSet<>();
      Map<String, Integer> accountShards = new HashMap<>();
      int catalogEntities = 0;
      int membersWithAccounts = 0;
      for (JsonNode member : json.get("members")) {
        addresses.add(member.get("address").asText());
        assertEquals("Up", member.get("status").asText(), r.body());
        assertTrue(member.get("reachable").asBoolean(), r.body());
        JsonNode account = member.get("entityTypes").get("Account");
        if (account.get("shardCount").asInt() > 0) {
          membersWithAccounts++;
        }
        account
            .get("shards")
            .fields()
            .forEachRemaining(
                shard -> {
                  Integer before = accountShards.put(shard.getKey(), shard.getValue().asInt());
                  assertEquals(null, before, "shard " + shard.getKey() + " on two members");
                });
        assertEquals(account.get("shards").size(), account.get("shardCount").asInt(), r.body());
        catalogEntities += member.get("entityTypes").get("Catalog").get("entityCount").asInt();
        assertTrue(member.get("entityTypes").has("Service"), r.body());
        assertTrue(member.get("entityTypes").has("InvoiceSeries"), r.body());
      }
      assertEquals(Set.of(first.clusterAddress(), second.clusterAddress()), addresses);
      assertEquals(expectedPerShard, accountShards, r.body());
      assertEquals(1, catalogEntities, r.body());
      assertEquals(2, membersWithAccounts, "both members host accounts: " + r.body());
    }
  }

  private static void awaitMembersUp(HttpJson http, int count) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    String last = "";
    while (Instant.now().isBefore(deadline)) {
      Response r = http.get("/cluster/shards");
      last = r.body();
      if (r.status() == 200) {
        int up = 0;
        for (JsonNode member : r.json().get("members")) {
          up += member.get("status").asText().equals("Up") ? 1 : 0;
        }
        if (up == count) {
          return;
        }
      }
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("not " + count + " members Up within 60 s: " + last);
  }
}
