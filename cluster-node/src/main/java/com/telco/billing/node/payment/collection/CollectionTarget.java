package com.telco.billing.node.payment.collection;

import com.telco.billing.protocol.payment.CollectionStatus;
import java.time.LocalDate;
import java.util.concurrent.CompletionStage;

/**
 * Where the driver sends {@code CollectDue}: the account entity through sharding ({@link
 * ShardedCollectionTarget}). A refusal, a timeout or an unreachable account completes the stage
 * exceptionally.
 */
public interface CollectionTarget {
  CompletionStage<CollectionStatus> collectDue(
      String accountId, String invoiceNumber, LocalDate today);
}
