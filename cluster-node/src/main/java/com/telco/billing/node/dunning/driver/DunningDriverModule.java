package com.telco.billing.node.dunning.driver;

import com.telco.billing.node.BillingSettings;
import com.telco.billing.node.dunning.worklist.DunningProjection;
import com.telco.billing.node.dunning.worklist.DunningReadSide;
import com.telco.billing.node.dunning.worklist.DunningReadStore;
import com.telco.billing.node.metrics.BillingMetrics;
import com.telco.billing.node.rounds.AfterRound;
import com.telco.billing.node.rounds.RoundDriver;
import com.telco.billing.sharding.ShardingInit;
import java.time.Clock;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;

/**
 * Dunning evaluation on a node: the {@link DunningProjection} that keeps the due rows, the work
 * list and the collections export from the accounts' {@code DunningChanged} events, and the dunning
 * driver singleton (one in the cluster, here a proxy to it) that asks each account {@code
 * EvaluateDunning} on its row's date.
 *
 * @param rows the due rows and the driver's watermark
 * @param readSide the work list and the collections export
 * @param driver a proxy to the driver singleton
 */
public record DunningDriverModule(
    DunningDueRows rows, DunningReadSide readSide, ActorRef<RoundDriver.Command> driver) {

  /** The driver singleton's name in the cluster. */
  public static final String SINGLETON = "dunning-driver";

  /**
   * Starts the projection and starts (or joins) the driver singleton. Call it after the account
   * entities are started.
   */
  public static DunningDriverModule init(
      ActorSystem<?> system, BillingSettings settings, Clock clock) {
    DunningDriverSettings dunning = settings.dunningDriver();
    String keyspace = settings.cassandra().keyspace();
    var rows = new DunningDueStore(system, keyspace);
    var readSide = new DunningReadStore(system, keyspace);
    DunningProjection.init(system, rows, readSide, clock);
    var round =
        new DunningRound(
            system,
            rows,
            new ShardedDunningTarget(system, dunning.askTimeout()),
            dunning,
            BillingMetrics.get(system).dunning());
    var driver =
        ShardingInit.initSingleton(system, SINGLETON, driver(system, round, dunning, clock));
    return new DunningDriverModule(rows, readSide, driver);
  }

  /** The driver's behavior: {@code round} every {@code interval} after the end of the last. */
  public static Behavior<RoundDriver.Command> driver(
      ActorSystem<?> system, DunningRound round, DunningDriverSettings settings, Clock clock) {
    return RoundDriver.create(
        "dunning",
        round,
        AfterRound.NOTHING,
        clock,
        settings.interval(),
        BillingMetrics.get(system).dunning());
  }
}
