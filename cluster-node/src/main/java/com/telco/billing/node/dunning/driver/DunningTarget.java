package com.telco.billing.node.dunning.driver;

import com.telco.billing.protocol.dunning.DunningOutcome;
import java.time.LocalDate;
import java.util.concurrent.CompletionStage;

/**
 * Where the driver sends {@code EvaluateDunning}: the account entity through sharding ({@link
 * ShardedDunningTarget}). A refusal, a timeout or an unreachable account completes the stage
 * exceptionally.
 */
public interface DunningTarget {
  CompletionStage<DunningOutcome> evaluate(String accountId, LocalDate today);
}
