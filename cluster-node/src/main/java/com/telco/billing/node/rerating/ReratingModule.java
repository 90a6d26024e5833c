package com.telco.billing.node.rerating;

import com.telco.billing.node.BillingSettings;
import com.telco.billing.node.invoice.InvoicingModule;
import com.telco.billing.protocol.account.AccountCommand;
import com.telco.billing.sharding.EntityKeys;
import com.telco.billing.sharding.ShardingInit;
import java.time.Clock;
import java.time.Duration;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;

/**
 * Re-rating on a node: the re-rating singleton (one in the cluster, here a proxy to it) and the
 * {@link ReratingService} the {@code /rerating-jobs} routes serve.
 *
 * @param service starts and reads jobs
 */
public record ReratingModule(ReratingService service) {

  /**
   * Starts (or joins) the re-rating singleton.
   *
   * @param invoicing the cycle-day read side a job over an offering walks
   * @param catalog the catalog as this node knows it: a job asks the accounts for at least its
   *     versions
   */
  public static ReratingModule init(
      ActorSystem<?> system,
      BillingSettings settings,
      InvoicingModule invoicing,
      com.telco.billing.node.catalog.CatalogModule catalog,
      Clock clock) {
    ClusterSharding sharding = ClusterSharding.get(system);
    // an account reads its journal before it answers: twice the usual wait
    Duration accountTimeout = settings.http().askTimeout().multipliedBy(2);
    ReratingPorts.AccountRerater accounts =
        (accountId, jobId, from, to, offeringId, catalogVersions, origin) ->
            sharding
                .entityRefFor(EntityKeys.ACCOUNT, accountId)
                .askWithStatus(
                    replyTo ->
                        new AccountCommand.RerateUsage(
                            jobId, from, to, offeringId, catalogVersions, origin, replyTo),
                    accountTimeout);
    var singleton =
        ShardingInit.initSingleton(
            system,
            ShardingInit.RERATING_SINGLETON,
            ReratingCoordinator.create(clock, settings.rerating(), invoicing.tables(), accounts));
    return new ReratingModule(
        new ReratingService(
            system,
            singleton,
            () -> catalog.replica().current().versionCount(),
            settings.http().askTimeout()));
  }
}
