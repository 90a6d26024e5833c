package com.telco.billing.node.payment.collection;

import com.telco.billing.protocol.account.AccountCommand;
import com.telco.billing.protocol.payment.CollectionStatus;
import com.telco.billing.sharding.EntityKeys;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;

/** {@code CollectDue} to the account entity through sharding, with the configured ask timeout. */
public final class ShardedCollectionTarget implements CollectionTarget {
  private final ClusterSharding sharding;
  private final Duration askTimeout;

  public ShardedCollectionTarget(ActorSystem<?> system, Duration askTimeout) {
    this.sharding = ClusterSharding.get(system);
    this.askTimeout = askTimeout;
  }

  @Override
  public CompletionStage<CollectionStatus> collectDue(
      String accountId, String invoiceNumber, LocalDate today) {
    return sharding
        .entityRefFor(EntityKeys.ACCOUNT, accountId)
        .askWithStatus(
            replyTo -> new AccountCommand.CollectDue(invoiceNumber, today, replyTo), askTimeout);
  }
}
