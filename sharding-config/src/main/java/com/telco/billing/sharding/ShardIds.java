package com.telco.billing.sharding;

import com.typesafe.config.Config;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.ShardingEnvelope;
import org.apache.pekko.cluster.sharding.typed.ShardingMessageExtractor;

/**
 * The entity-id to shard mapping, the same for every entity type: {@code |hash(id)| mod
 * numberOfShards}, where {@code hash} is {@link String#hashCode()}, whose value the Java platform
 * specifies ({@code s[0]*31^(n-1) + ... + s[n-1]}), so every node and every JVM version computes
 * the same shard for an id. (The one quirk, kept for compatibility: an id whose hash is {@code
 * Integer.MIN_VALUE}, one in 2^32, has no absolute value and lands in a shard with a negative
 * number, e.g. {@code "-48"}; that is still one fixed shard.)
 *
 * <p>It is deliberately the mapping Pekko's default extractor uses ({@code
 * HashCodeMessageExtractor}): nodes that ran before the mapping was written down here, and nodes
 * that run with it, put every entity in the same shard. A rolling update must never change this
 * function or {@code pekko.cluster.sharding.number-of-shards}: two nodes that disagree would host
 * the same account in two shards at once, i.e. with two writers of one persistence id.
 */
public final class ShardIds {
  private ShardIds() {}

  /** Configuration path of the shard count; see {@code reference.conf} of this module. */
  public static final String NUMBER_OF_SHARDS_PATH = "pekko.cluster.sharding.number-of-shards";

  /**
   * The shard of an entity id.
   *
   * @param entityId e.g. an account id
   * @param numberOfShards the cluster's fixed shard count
   * @return {@code "0"} .. {@code numberOfShards - 1}, as a string (shard ids are strings)
   */
  public static String shardId(String entityId, int numberOfShards) {
    if (numberOfShards < 1) {
      throw new IllegalArgumentException("numberOfShards must be at least 1");
    }
    return Integer.toString(shardNumber(entityId, numberOfShards));
  }

  /**
   * The shard of an entity id as a number, {@code 0 .. numberOfShards - 1} (negative only for the
   * one hash without an absolute value, see above).
   */
  public static int shardNumber(String entityId, int numberOfShards) {
    return Math.abs(entityId.hashCode()) % numberOfShards;
  }

  /** The shard count this node runs with. */
  public static int numberOfShards(Config config) {
    return config.getInt(NUMBER_OF_SHARDS_PATH);
  }

  public static int numberOfShards(ActorSystem<?> system) {
    return numberOfShards(system.settings().config());
  }

  /**
   * The message extractor every entity type is started with: commands travel in {@link
   * ShardingEnvelope}s (what {@code EntityRef} sends) and land in the shard {@link #shardId} names.
   */
  public static <M> ShardingMessageExtractor<ShardingEnvelope<M>, M> extractor(int numberOfShards) {
    return new Extractor<>(numberOfShards);
  }

  private static final class Extractor<M> extends ShardingMessageExtractor<ShardingEnvelope<M>, M> {
    private final int numberOfShards;

    Extractor(int numberOfShards) {
      if (numberOfShards < 1) {
        throw new IllegalArgumentException("numberOfShards must be at least 1");
      }
      this.numberOfShards = numberOfShards;
    }

    @Override
    public String entityId(ShardingEnvelope<M> envelope) {
      return envelope.entityId();
    }

    @Override
    public String shardId(String entityId) {
      return ShardIds.shardId(entityId, numberOfShards);
    }

    @Override
    public M unwrapMessage(ShardingEnvelope<M> envelope) {
      return envelope.message();
    }
  }
}
