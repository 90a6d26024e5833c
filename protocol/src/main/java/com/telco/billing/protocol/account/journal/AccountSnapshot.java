package com.telco.billing.protocol.account.journal;

import com.telco.billing.protocol.CborSerializable;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of an Account entity, one type per lifecycle stage. The entity maps its state to and
 * from it in {@code AccountJournal}.
 */
public sealed interface AccountSnapshot extends CborSerializable
    permits AccountSnapshot.Unopened, AccountSnapshot.Open {

  /** No account has been opened under this id. */
  enum Unopened implements AccountSnapshot {
    INSTANCE
  }

  /**
   * An open account.
   *
   * @param subscriptions by subscription id, in activation order
   * @param invoices the latest issued invoices, oldest first
   * @param receivables the account's receivable history, oldest first; {@code null} in snapshots
   *     written before receivables were kept (then every kept invoice is open and unpaid)
   * @param dunning the account's dunning state; {@code null} in snapshots written before dunning
   *     was kept (no episode, no hold)
   */
  record Open(
      AccountProfileRecord profile,
      Instant openedAt,
      Map<String, SubscriptionRecord> subscriptions,
      UsageBookRecord usage,
      DedupeRecord dedupe,
      BillingHistoryRecord billing,
      List<IssuedInvoiceRecord> invoices,
      List<ReceivableFact> receivables,
      DunningStateRecord dunning)
      implements AccountSnapshot {

    public Open {
      subscriptions = Collections.unmodifiableMap(new LinkedHashMap<>(subscriptions));
      invoices = List.copyOf(invoices);
      receivables = receivables == null ? null : List.copyOf(receivables);
    }
  }
}
