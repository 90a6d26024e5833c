package com.telco.billing.node.dunning.worklist;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;

/**
 * The dunning read side: each account's {@link AccountDunning}, the work list of the accounts in an
 * episode, and the accounts handed to collections by date. {@link DunningReadStore} keeps them in
 * Cassandra; the seam lets the projection be tested without one.
 */
public interface DunningReadSide {

  /** The account's view, empty when the read side knows nothing of it. */
  CompletionStage<Optional<AccountDunning>> lookup(String accountId);

  /**
   * Stores the account's view, and its work list entry: written while an episode is in progress,
   * deleted when none is.
   */
  CompletionStage<Done> save(String accountId, AccountDunning dunning);

  /** Records the account's currency (from its opening). */
  CompletionStage<Done> saveCurrency(String accountId, String currency);

  /** Adds a line to the collections export (an upsert: adding it again changes nothing). */
  CompletionStage<Done> handedOver(HandedOver entry);

  /**
   * A page of the work list: the entries after {@code after} (from the start when null) that {@code
   * filter} lists on {@code today}, at most {@code limit}, reading at most {@code maxScanned} rows.
   */
  CompletionStage<WorkListPage> page(
      WorkListFilter filter,
      WorkListPage.Position after,
      int limit,
      int maxScanned,
      LocalDate today);

  /** The accounts handed to collections from {@code from} through {@code to}, by date. */
  CompletionStage<List<HandedOver>> handedOver(LocalDate from, LocalDate to);
}
