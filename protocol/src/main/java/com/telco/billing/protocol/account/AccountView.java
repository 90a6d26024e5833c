package com.telco.billing.protocol.account;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.core.subscription.Subscription;
import com.telco.billing.protocol.CborSerializable;
import java.time.Instant;
import java.util.List;

/**
 * The live state of an account as the entity reports it, with its subscriptions.
 *
 * @param barredSubscriptions the subscriptions dunning barred (service.barred went to
 *     provisioning), until the episode ends
 */
public record AccountView(
    AccountProfile profile,
    Instant openedAt,
    List<Subscription> subscriptions,
    List<String> barredSubscriptions)
    implements CborSerializable {

  public AccountView {
    subscriptions = List.copyOf(subscriptions);
    barredSubscriptions = List.copyOf(barredSubscriptions);
  }

  /** An account none of whose subscriptions is barred. */
  public AccountView(AccountProfile profile, Instant openedAt, List<Subscription> subscriptions) {
    this(profile, openedAt, subscriptions, List.of());
  }
}
