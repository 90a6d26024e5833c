package com.telco.billing.sharding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.util.UUID;
import java.util.function.IntFunction;
import org.apache.pekko.cluster.sharding.typed.HashCodeMessageExtractor;
import org.apache.pekko.cluster.sharding.typed.ShardingEnvelope;
import org.junit.jupiter.api.Test;

class ShardIdsTest {
  private static final int SHARDS = 100;

  @Test
  void theMappingIsWrittenDownAndDoesNotChange() {
    // fixed expectations: String.hashCode is specified by the platform, so these never change;
    // if this test fails, the mapping changed and a running cluster would get two writers
    assertEquals("29", ShardIds.shardId("acc-1", SHARDS));
    assertEquals("30", ShardIds.shardId("acc-2", SHARDS));
    assertEquals("7", ShardIds.shardId("lg-acc-1", SHARDS));
    assertEquals("1", ShardIds.shardId("MSISDN:+4915100001001", SHARDS));
    assertEquals("45", ShardIds.shardId("catalog", SHARDS));
    for (int i = 0; i < 1000; i++) {
      String id = "acc-" + i;
      assertEquals(ShardIds.shardId(id, SHARDS), ShardIds.shardId(new String(id), SHARDS));
    }
  }

  @Test
  void itIsPekkosDefaultMappingSoOlderNodesAgree() {
    HashCodeMessageExtractor<String> pekko = new HashCodeMessageExtractor<>(SHARDS);
    var ours = ShardIds.<String>extractor(SHARDS);
    for (int i = 0; i < 20_000; i++) {
      String id = i % 2 == 0 ? "lg-acc-" + i : UUID.randomUUID().toString();
      assertEquals(pekko.shardId(id), ours.shardId(id), id);
    }
    // the one hash without an absolute value (Integer.MIN_VALUE) maps like Pekko's, to "-48"
    assertEquals(Integer.MIN_VALUE, "polygenelubricants".hashCode());
    assertEquals(pekko.shardId("polygenelubricants"), ours.shardId("polygenelubricants"));
    ShardingEnvelope<String> envelope = new ShardingEnvelope<>("acc-7", "hello");
    assertEquals("acc-7", ours.entityId(envelope));
    assertEquals("hello", ours.unwrapMessage(envelope));
  }

  @Test
  void sequentialAndRandomIdsSpreadEvenly() {
    assertEvenSpread(i -> "lg-acc-" + (i + 1), 100_000);
    assertEvenSpread(i -> "ACC" + String.format("%08d", i), 100_000);
    assertEvenSpread(i -> UUID.nameUUIDFromBytes(("a" + i).getBytes()).toString(), 100_000);
    assertEvenSpread(i -> "MSISDN:+49170" + String.format("%07d", i), 100_000);
  }

  /** Every shard gets within 20 % of the mean (1000 per shard here). */
  private static void assertEvenSpread(IntFunction<String> ids, int count) {
    int[] perShard = new int[SHARDS];
    for (int i = 0; i < count; i++) {
      perShard[ShardIds.shardNumber(ids.apply(i), SHARDS)]++;
    }
    double mean = (double) count / SHARDS;
    for (int shard = 0; shard < SHARDS; shard++) {
      double deviation = Math.abs(perShard[shard] - mean) / mean;
      assertTrue(
          deviation < 0.2,
          "shard " + shard + " has " + perShard[shard] + " of " + count + " ids " + ids.apply(0));
    }
  }

  @Test
  void theShardCountComesFromThisModulesConfiguration() {
    assertEquals(100, ShardIds.numberOfShards(ConfigFactory.load()));
    assertThrows(IllegalArgumentException.class, () -> ShardIds.shardId("x", 0));
  }
}
