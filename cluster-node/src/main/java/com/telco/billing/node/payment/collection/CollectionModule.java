package com.telco.billing.node.payment.collection;

import com.telco.billing.node.BillingSettings;
import com.telco.billing.node.metrics.BillingMetrics;
import com.telco.billing.node.rounds.AfterRound;
import com.telco.billing.node.rounds.RoundDriver;
import com.telco.billing.sharding.ShardingInit;
import java.time.Clock;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * Automatic collection on a node: the {@link CollectionProjection} that keeps the due rows from the
 * accounts' {@code CollectionScheduled} events, and the {@link CollectionDriver} singleton (one in
 * the cluster, here a proxy to it) that asks the accounts {@code CollectDue} on each row's date.
 *
 * @param rows the due rows and the driver's watermark
 * @param driver a proxy to the driver singleton
 */
public record CollectionModule(DueRows rows, ActorRef<RoundDriver.Command> driver) {

  /**
   * Starts the projection and starts (or joins) the driver singleton. Call it after the account
   * entities are started.
   *
   * @param directDebits takes the direct debits the accounts schedule ({@link
   *     DirectDebitSink#NOT_CONFIGURED} keeps their rows until one is wired)
   * @param afterRound runs after each round, e.g. builds the day's direct debit files ({@link
   *     AfterRound#NOTHING})
   */
  public static CollectionModule init(
      ActorSystem<?> system,
      BillingSettings settings,
      Clock clock,
      DirectDebitSink directDebits,
      AfterRound afterRound) {
    CollectionSettings collection = settings.collection();
    CollectionStore store = new CollectionStore(system, settings.cassandra().keyspace());
    CollectionProjection.init(system, store, clock);
    var metrics = BillingMetrics.get(system).collections();
    var round =
        new CollectionRound(
            system,
            store,
            new ShardedCollectionTarget(system, collection.askTimeout()),
            directDebits,
            collection,
            clock,
            metrics);
    var driver =
        ShardingInit.initCollectionSingleton(
            system,
            CollectionDriver.create(round, afterRound, clock, collection.interval(), metrics));
    return new CollectionModule(store, driver);
  }
}
