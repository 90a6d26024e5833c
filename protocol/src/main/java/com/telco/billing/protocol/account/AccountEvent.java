package com.telco.billing.protocol.account;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.protocol.CborSerializable;
import java.time.Instant;

/** Events of the Account entity, persisted in the journal. Named in the past tense. */
public sealed interface AccountEvent extends CborSerializable permits AccountEvent.AccountOpened {

  /** The account was opened with this profile at {@code openedAt}. */
  record AccountOpened(AccountProfile profile, Instant openedAt) implements AccountEvent {}
}
