package com.telco.billing.node.dunning.driver;

import com.telco.billing.protocol.account.AccountCommand;
import com.telco.billing.protocol.dunning.DunningOutcome;
import com.telco.billing.sharding.EntityKeys;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;

/** {@code EvaluateDunning} to the account entity through sharding, with the configured timeout. */
public final class ShardedDunningTarget implements DunningTarget {
  private final ClusterSharding sharding;
  private final Duration askTimeout;

  public ShardedDunningTarget(ActorSystem<?> system, Duration askTimeout) {
    this.sharding = ClusterSharding.get(system);
    this.askTimeout = askTimeout;
  }

  @Override
  public CompletionStage<DunningOutcome> evaluate(String accountId, LocalDate today) {
    return sharding
        .entityRefFor(EntityKeys.ACCOUNT, accountId)
        .askWithStatus(replyTo -> new AccountCommand.EvaluateDunning(today, replyTo), askTimeout);
  }
}
