package com.telco.billing.node.payment.directdebit;

import com.telco.billing.node.BillingSettings;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusalCode;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;

/**
 * The direct debit files of a node: the store over the node's keyspace and the files built from it.
 * The folder is written on the blocking dispatcher.
 */
public final class DirectDebitModule {
  /**
   * Returns while no account ledger is connected: every return is refused (503 {@code
   * direct_debit_returns_unavailable}) and nothing is recorded, so the bank's returns can be posted
   * again once it is.
   */
  public static final DirectDebitReturns NO_LEDGER =
      (entry, reasonCode) ->
          CompletableFuture.failedFuture(
              Refusal.of(
                      RefusalCode.DIRECT_DEBIT_RETURNS_UNAVAILABLE,
                      null,
                      "returns cannot be applied: no account ledger is connected to reverse the"
                          + " payments")
                  .toException());

  private final DirectDebitStore store;
  private final DirectDebitFiles files;

  private DirectDebitModule(DirectDebitStore store, DirectDebitFiles files) {
    this.store = store;
    this.files = files;
  }

  public static DirectDebitModule init(
      ActorSystem<?> system, BillingSettings settings, Clock clock) {
    DirectDebitStore store =
        new DirectDebitStore(
            system, settings.cassandra().keyspace(), settings.directDebit().creditors().keySet());
    DirectDebitFiles files =
        new DirectDebitFiles(
            store,
            settings.directDebit(),
            clock,
            system.dispatchers().lookup(DispatcherSelector.blocking()));
    return new DirectDebitModule(store, files);
  }

  public DirectDebitStore store() {
    return store;
  }

  /**
   * What the collection driver calls ({@code addPending}, {@code fileDue}) and the routes serve.
   */
  public DirectDebitFiles files() {
    return files;
  }
}
