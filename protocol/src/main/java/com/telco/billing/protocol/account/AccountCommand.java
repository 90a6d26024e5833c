package com.telco.billing.protocol.account;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.protocol.CborSerializable;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;

/** Commands of the Account entity, one entity per customer account. */
public sealed interface AccountCommand extends CborSerializable
    permits AccountCommand.OpenAccount, AccountCommand.GetAccount {

  /**
   * Opens the account with the given profile. Repeating it with the same profile answers the
   * existing account ({@code created = false}); a different profile for an open account is refused
   * with {@code account_conflict}.
   */
  record OpenAccount(AccountProfile profile, ActorRef<StatusReply<OpenAccountResult>> replyTo)
      implements AccountCommand {}

  /** Reads the account; refused with {@code account_not_found} when it was never opened. */
  record GetAccount(ActorRef<StatusReply<AccountView>> replyTo) implements AccountCommand {}
}
