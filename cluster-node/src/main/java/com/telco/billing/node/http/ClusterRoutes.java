package com.telco.billing.node.http;

import com.telco.billing.sharding.ShardIds;
import com.telco.billing.sharding.ShardingInit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.StreamSupport;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.sharding.typed.GetClusterShardingStats;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /cluster/shards}: per cluster member, its membership status and, per entity type, the
 * shards it hosts with the number of active entities in each. Shard statistics come from every
 * node's shard region ({@code GetClusterShardingStats}); membership from this node's view of the
 * cluster, the same view Pekko Management serves at {@code /cluster/members} on the management
 * port.
 *
 * <p>Entity counts are entities running now: passivated accounts are not counted. A member whose
 * region did not answer within the timeout shows no shards for that type; shards that did not
 * answer their region are listed in {@code failedShards}.
 */
public final class ClusterRoutes extends AllDirectives {
  private final ActorSystem<?> system;
  private final Duration statsTimeout;
  private final Access access;

  /**
   * @param askTimeout how long a request waits; the shard regions get a little less
   */
  public ClusterRoutes(Access access, ActorSystem<?> system, Duration askTimeout) {
    this.access = access;
    this.system = system;
    // the regions get a little less than the ask, so that the answer arrives in time
    this.statsTimeout = askTimeout.multipliedBy(3).dividedBy(4);
  }

  /** The answer of {@code GET /cluster/shards}. */
  public record ClusterShards(
      String self, String leader, int numberOfShards, List<MemberShards> members) {}

  /**
   * One member: its address, status ({@code Joining}, {@code Up}, {@code Leaving}, {@code Down},
   * ...), whether this node can reach it, its app version and roles, and its shards per entity
   * type.
   */
  public record MemberShards(
      String address,
      String status,
      boolean reachable,
      String appVersion,
      List<String> roles,
      Map<String, TypeShards> entityTypes) {}

  /**
   * The shards of one entity type on one member.
   *
   * @param shardCount number of shards the member hosts
   * @param entityCount active entities in them
   * @param shards entity count per shard id, in shard order
   * @param failedShards shards that did not answer the region's query
   */
  public record TypeShards(
      int shardCount, int entityCount, Map<String, Integer> shards, List<String> failedShards) {}

  public Route routes() {
    return path(
        PathMatchers.segment("cluster").slash("shards"),
        () ->
            access.endpoint(
                Endpoints.CLUSTER_SHARDS,
                () ->
                    onSuccess(
                        shards(),
                        answer -> complete(StatusCodes.OK, answer, JsonSupport.marshaller()))));
  }

  /** Collects the statistics of every entity type and joins them with the membership. */
  public CompletionStage<ClusterShards> shards() {
    List<EntityTypeKey<?>> types = ShardingInit.ENTITY_TYPES;
    List<CompletableFuture<ShardRegion.ClusterShardingStats>> asks = new ArrayList<>();
    for (EntityTypeKey<?> type : types) {
      asks.add(stats(type).toCompletableFuture());
    }
    return CompletableFuture.allOf(asks.toArray(CompletableFuture[]::new))
        .thenApply(
            done -> {
              Map<String, ShardRegion.ClusterShardingStats> byType = new LinkedHashMap<>();
              for (int i = 0; i < types.size(); i++) {
                byType.put(types.get(i).name(), asks.get(i).join());
              }
              return assemble(byType);
            });
  }

  private CompletionStage<ShardRegion.ClusterShardingStats> stats(EntityTypeKey<?> type) {
    return AskPattern.ask(
        ClusterSharding.get(system).shardState(),
        replyTo -> new GetClusterShardingStats(type, statsTimeout, replyTo),
        statsTimeout.plusSeconds(1),
        system.scheduler());
  }

  private ClusterShards assemble(Map<String, ShardRegion.ClusterShardingStats> byType) {
    Cluster cluster = Cluster.get(system);
    ClusterEvent.CurrentClusterState state = cluster.state();
    Set<Member> unreachable = state.getUnreachable();
    List<Member> members =
        new ArrayList<>(
            StreamSupport.stream(state.getMembers().spliterator(), false)
                .sorted(Comparator.comparing(m -> m.address().toString()))
                .toList());
    // a region may answer for an address that has already left the membership
    Set<Address> known = new TreeSet<>(Comparator.comparing(Address::toString));
    members.forEach(m -> known.add(m.address()));

    List<MemberShards> result = new ArrayList<>();
    for (Member member : members) {
      result.add(
          memberShards(
              member.address(),
              member.status().toString(),
              !unreachable.contains(member),
              member.appVersion().version(),
              new ArrayList<>(new TreeSet<>(member.getRoles())),
              byType));
    }
    Set<Address> extra = new TreeSet<>(Comparator.comparing(Address::toString));
    byType.values().forEach(stats -> extra.addAll(stats.getRegions().keySet()));
    extra.removeAll(known);
    for (Address address : extra) {
      result.add(memberShards(address, "Removed", false, null, List.of(), byType));
    }
    Address leader = state.getLeader();
    return new ClusterShards(
        cluster.selfMember().address().toString(),
        leader == null ? null : leader.toString(),
        ShardIds.numberOfShards(system),
        result);
  }

  private static MemberShards memberShards(
      Address address,
      String status,
      boolean reachable,
      String appVersion,
      List<String> roles,
      Map<String, ShardRegion.ClusterShardingStats> byType) {
    Map<String, TypeShards> types = new LinkedHashMap<>();
    byType.forEach(
        (type, stats) -> {
          ShardRegion.ShardRegionStats region = stats.getRegions().get(address);
          Map<String, Integer> shards =
              new TreeMap<>(
                  Comparator.comparingInt(ClusterRoutes::shardOrder)
                      .thenComparing(Comparator.naturalOrder()));
          List<String> failed = new ArrayList<>();
          if (region != null) {
            region.getStats().forEach((shard, count) -> shards.put(shard, (Integer) count));
            failed.addAll(new TreeSet<>(region.getFailed()));
          }
          int entities = shards.values().stream().mapToInt(Integer::intValue).sum();
          types.put(type, new TypeShards(shards.size(), entities, shards, failed));
        });
    return new MemberShards(address.toString(), status, reachable, appVersion, roles, types);
  }

  private static int shardOrder(String shardId) {
    try {
      return Integer.parseInt(shardId);
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE;
    }
  }
}
