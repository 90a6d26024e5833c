package com.telco.billing.node.account;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.core.dedupe.DedupeWindow;
import com.telco.billing.core.subscription.Subscription;
import com.telco.billing.core.usage.UsageBook;
import com.telco.billing.protocol.CborSerializable;
import com.telco.billing.protocol.account.AccountView;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** State of an Account entity, one type per lifecycle stage. Persisted in snapshots. */
public sealed interface AccountState extends CborSerializable
    permits AccountState.Unopened, AccountState.Open {

  /** No account has been opened under this id. */
  enum Unopened implements AccountState {
    INSTANCE
  }

  /**
   * The account is open.
   *
   * @param subscriptions by subscription id, in activation order
   */
  record Open(
      AccountProfile profile,
      Instant openedAt,
      Map<String, Subscription> subscriptions,
      UsageBook usage,
      DedupeWindow dedupe)
      implements AccountState {

    public Open {
      subscriptions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(subscriptions));
    }

    static Open opened(AccountProfile profile, Instant openedAt) {
      return new Open(profile, openedAt, Map.of(), UsageBook.EMPTY, DedupeWindow.empty());
    }

    Open withSubscription(Subscription subscription) {
      Map<String, Subscription> next = new LinkedHashMap<>(subscriptions);
      next.put(subscription.subscriptionId(), subscription);
      return new Open(profile, openedAt, next, usage, dedupe);
    }

    Open withUsage(UsageBook nextUsage, DedupeWindow nextDedupe) {
      return new Open(profile, openedAt, subscriptions, nextUsage, nextDedupe);
    }

    public AccountView toView() {
      return new AccountView(profile, openedAt, List.copyOf(subscriptions.values()));
    }
  }
}
