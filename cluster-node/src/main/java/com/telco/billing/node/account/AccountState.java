package com.telco.billing.node.account;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.protocol.CborSerializable;
import com.telco.billing.protocol.account.AccountView;
import java.time.Instant;

/** State of an Account entity, one type per lifecycle stage. Persisted in snapshots. */
public sealed interface AccountState extends CborSerializable
    permits AccountState.Unopened, AccountState.Open {

  /** No account has been opened under this id. */
  enum Unopened implements AccountState {
    INSTANCE
  }

  /** The account is open. */
  record Open(AccountProfile profile, Instant openedAt) implements AccountState {
    public AccountView toView() {
      return new AccountView(profile, openedAt);
    }
  }
}
