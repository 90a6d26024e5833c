package com.telco.billing.sharding;

import com.telco.billing.protocol.account.AccountCommand;
import com.telco.billing.protocol.billrun.BillRunCommand;
import com.telco.billing.protocol.catalog.CatalogCommand;
import com.telco.billing.protocol.dunning.DunningPolicyCommand;
import com.telco.billing.protocol.guiding.ServiceCommand;
import com.telco.billing.protocol.invoice.SeriesCommand;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.cluster.sharding.typed.ShardedDaemonProcessSettings;
import org.apache.pekko.cluster.sharding.typed.ShardingEnvelope;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityContext;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.cluster.sharding.typed.javadsl.ShardedDaemonProcess;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.SingletonActor;

/**
 * The {@code init} functions every node calls, for sharded entities, cluster singletons and sharded
 * daemon processes. Every node must call the same ones with the same names: sharding, singletons
 * and daemon processes are cluster-wide, and a node that does not start an entity type does not
 * host any of its shards.
 *
 * <p>Shard count, passivation, rebalancing and the split-brain resolver live in {@code
 * reference.conf} of this module, so that every node cuts the cluster the same way; entities are
 * mapped to shards by {@link ShardIds}.
 */
public final class ShardingInit {
  private ShardingInit() {}

  /**
   * Every entity type of {@link EntityKeys}, in the order nodes start them: what {@code
   * /cluster/shards} reports on.
   */
  public static final List<EntityTypeKey<?>> ENTITY_TYPES =
      List.of(
          EntityKeys.CATALOG,
          EntityKeys.ACCOUNT,
          EntityKeys.INVOICE_SERIES,
          EntityKeys.SERVICE,
          EntityKeys.DUNNING_POLICY);

  /**
   * Starts (or joins) the sharded Account entities on this node.
   *
   * @param behavior creates the entity behavior for an account id
   * @return the shard region, to which commands are sent in {@link ShardingEnvelope}s
   */
  public static ActorRef<ShardingEnvelope<AccountCommand>> initAccounts(
      ActorSystem<?> system,
      Function<EntityContext<AccountCommand>, Behavior<AccountCommand>> behavior) {
    return initEntity(system, EntityKeys.ACCOUNT, behavior);
  }

  /** Starts (or joins) the sharded guiding entities, one per service identifier. */
  public static ActorRef<ShardingEnvelope<ServiceCommand>> initServices(
      ActorSystem<?> system,
      Function<EntityContext<ServiceCommand>, Behavior<ServiceCommand>> behavior) {
    return initEntity(system, EntityKeys.SERVICE, behavior);
  }

  /**
   * Starts (or joins) the sharded Catalog entity on this node. There is one entity for the whole
   * catalog; the node that hosts its shard changes with the cluster.
   */
  public static ActorRef<ShardingEnvelope<CatalogCommand>> initCatalog(
      ActorSystem<?> system,
      Function<EntityContext<CatalogCommand>, Behavior<CatalogCommand>> behavior) {
    return initEntity(system, EntityKeys.CATALOG, behavior);
  }

  /**
   * Starts (or joins) the sharded dunning policy entity on this node: one entity for every policy,
   * like the catalog's.
   */
  public static ActorRef<ShardingEnvelope<DunningPolicyCommand>> initDunningPolicies(
      ActorSystem<?> system,
      Function<EntityContext<DunningPolicyCommand>, Behavior<DunningPolicyCommand>> behavior) {
    return initEntity(system, EntityKeys.DUNNING_POLICY, behavior);
  }

  /**
   * Starts (or joins) any entity type with the cluster's shard mapping ({@link ShardIds}) and the
   * shard count of {@code pekko.cluster.sharding.number-of-shards}.
   */
  public static <M> ActorRef<ShardingEnvelope<M>> initEntity(
      ActorSystem<?> system,
      EntityTypeKey<M> key,
      Function<EntityContext<M>, Behavior<M>> behavior) {
    int shards = ShardIds.numberOfShards(system);
    return ClusterSharding.get(system)
        .init(Entity.of(key, behavior::apply).withMessageExtractor(ShardIds.<M>extractor(shards)));
  }

  /**
   * Starts (or joins) a cluster singleton: one instance in the whole cluster, on the oldest node;
   * when that node leaves or is downed, the next oldest starts it (after the split-brain resolver
   * has downed the old one and {@code down-removal-margin} has passed).
   *
   * @return a proxy that forwards messages to wherever the singleton runs
   */
  public static <M> ActorRef<M> initSingleton(
      ActorSystem<?> system, String name, Behavior<M> behavior) {
    return ClusterSingleton.get(system).init(SingletonActor.of(behavior, name));
  }

  /**
   * Starts (or joins) a sharded daemon process: {@code instances} long-running actors (e.g. one
   * projection per {@link AccountTags} slice), spread over the nodes and moved like shards when a
   * node goes. {@code stopMessage}, when given, is what an instance gets to stop gracefully (a
   * projection stores its offset on it).
   */
  public static <M> void initDaemonProcess(
      ActorSystem<?> system,
      Class<M> messageClass,
      String name,
      int instances,
      IntFunction<Behavior<M>> behavior,
      java.util.Optional<M> stopMessage) {
    ShardedDaemonProcess.get(system)
        .init(
            messageClass,
            name,
            instances,
            behavior,
            ShardedDaemonProcessSettings.create(system),
            stopMessage);
  }

  /**
   * Starts a projection over account events as a sharded daemon process with one instance per slice
   * of a tag stream ({@link AccountTags#ALL} or {@link AccountTags#INVOICES}); {@code behavior}
   * gets the slice's tag.
   */
  public static <M> void initAccountProjection(
      ActorSystem<?> system,
      Class<M> messageClass,
      String name,
      List<String> tags,
      Function<String, Behavior<M>> behavior,
      M stopMessage) {
    initDaemonProcess(
        system,
        messageClass,
        name,
        tags.size(),
        slice -> behavior.apply(tags.get(slice)),
        java.util.Optional.of(stopMessage));
  }

  /** Starts (or joins) the sharded invoice number series entities. */
  public static ActorRef<ShardingEnvelope<SeriesCommand>> initInvoiceSeries(
      ActorSystem<?> system,
      Function<EntityContext<SeriesCommand>, Behavior<SeriesCommand>> behavior) {
    return initEntity(system, EntityKeys.INVOICE_SERIES, behavior);
  }

  /** The bill-cycle singleton's name in the cluster. */
  public static final String BILL_CYCLE_SINGLETON = "bill-cycle";

  /**
   * Starts (or joins) the bill-cycle cluster singleton: it runs on the oldest node and moves when
   * that node leaves or dies.
   *
   * @return a proxy that reaches the singleton wherever it runs
   */
  public static ActorRef<BillRunCommand> initBillCycleSingleton(
      ActorSystem<?> system, Behavior<BillRunCommand> behavior) {
    return initSingleton(system, BILL_CYCLE_SINGLETON, behavior);
  }

  /** The re-rating singleton's name in the cluster (docs/rerating.md). */
  public static final String RERATING_SINGLETON = "rerating-jobs";

  /** The collection driver singleton's name in the cluster. */
  public static final String COLLECTION_SINGLETON = "payment-collection";

  /**
   * Starts (or joins) the collection driver cluster singleton: it runs on the oldest node and moves
   * when that node leaves or dies.
   *
   * @return a proxy that reaches the singleton wherever it runs
   */
  public static <M> ActorRef<M> initCollectionSingleton(
      ActorSystem<?> system, Behavior<M> behavior) {
    return initSingleton(system, COLLECTION_SINGLETON, behavior);
  }
}
