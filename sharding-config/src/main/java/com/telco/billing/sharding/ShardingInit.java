package com.telco.billing.sharding;

import com.telco.billing.protocol.account.AccountCommand;
import com.telco.billing.protocol.billrun.BillRunCommand;
import com.telco.billing.protocol.catalog.CatalogCommand;
import com.telco.billing.protocol.guiding.ServiceCommand;
import com.telco.billing.protocol.invoice.SeriesCommand;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.cluster.sharding.typed.ShardingEnvelope;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityContext;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.SingletonActor;

/**
 * The {@code init} functions every node calls to start sharding. The shard count, passivation and
 * rebalancing settings live in {@code sharding.conf} of this module, so that every node cuts the
 * cluster the same way.
 */
public final class ShardingInit {
  private ShardingInit() {}

  /**
   * Starts (or joins) the sharded Account entities on this node.
   *
   * @param behavior creates the entity behavior for an account id
   * @return the shard region, to which commands are sent in {@link ShardingEnvelope}s
   */
  public static ActorRef<ShardingEnvelope<AccountCommand>> initAccounts(
      ActorSystem<?> system,
      Function<EntityContext<AccountCommand>, Behavior<AccountCommand>> behavior) {
    return ClusterSharding.get(system).init(Entity.of(EntityKeys.ACCOUNT, behavior::apply));
  }

  /** Starts (or joins) the sharded guiding entities, one per service identifier. */
  public static ActorRef<ShardingEnvelope<ServiceCommand>> initServices(
      ActorSystem<?> system,
      Function<EntityContext<ServiceCommand>, Behavior<ServiceCommand>> behavior) {
    return ClusterSharding.get(system).init(Entity.of(EntityKeys.SERVICE, behavior::apply));
  }

  /**
   * Starts (or joins) the sharded Catalog entity on this node. There is one entity for the whole
   * catalog; the node that hosts its shard changes with the cluster.
   */
  public static ActorRef<ShardingEnvelope<CatalogCommand>> initCatalog(
      ActorSystem<?> system,
      Function<EntityContext<CatalogCommand>, Behavior<CatalogCommand>> behavior) {
    return ClusterSharding.get(system).init(Entity.of(EntityKeys.CATALOG, behavior::apply));
  }

  /** Starts (or joins) the sharded invoice number series entities. */
  public static ActorRef<ShardingEnvelope<SeriesCommand>> initInvoiceSeries(
      ActorSystem<?> system,
      Function<EntityContext<SeriesCommand>, Behavior<SeriesCommand>> behavior) {
    return ClusterSharding.get(system).init(Entity.of(EntityKeys.INVOICE_SERIES, behavior::apply));
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
    return ClusterSingleton.get(system).init(SingletonActor.of(behavior, BILL_CYCLE_SINGLETON));
  }
}
