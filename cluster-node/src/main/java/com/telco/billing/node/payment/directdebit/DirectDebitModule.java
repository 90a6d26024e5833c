package com.telco.billing.node.payment.directdebit;

import com.telco.billing.node.BillingSettings;
import java.time.Clock;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;

/**
 * The direct debit files of a node: the store over the node's keyspace and the files built from it.
 * The folder is written on the blocking dispatcher.
 */
public final class DirectDebitModule {
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
