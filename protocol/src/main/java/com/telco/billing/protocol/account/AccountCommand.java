package com.telco.billing.protocol.account;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.core.rating.UsageRecord;
import com.telco.billing.core.subscription.SubscriptionChange;
import com.telco.billing.protocol.CborSerializable;
import com.telco.billing.protocol.usage.CurrentUsage;
import com.telco.billing.protocol.usage.RateUsageResult;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;

/** Commands of the Account entity, one entity per customer account. */
public sealed interface AccountCommand extends CborSerializable
    permits AccountCommand.OpenAccount,
        AccountCommand.GetAccount,
        AccountCommand.PlanActivation,
        AccountCommand.ActivateSubscription,
        AccountCommand.ChangeSubscription,
        AccountCommand.RateUsage,
        AccountCommand.GetCurrentUsage {

  /**
   * Opens the account with the given profile. Repeating it with the same profile answers the
   * existing account ({@code created = false}); a different profile for an open account is refused
   * with {@code account_conflict}.
   */
  record OpenAccount(AccountProfile profile, ActorRef<StatusReply<OpenAccountResult>> replyTo)
      implements AccountCommand {}

  /** Reads the account; refused with {@code account_not_found} when it was never opened. */
  record GetAccount(ActorRef<StatusReply<AccountView>> replyTo) implements AccountCommand {}

  /**
   * Checks an activation against the account's rules without recording anything, and answers the
   * service identifier claims it needs (the account's zone turns the activation date into an
   * instant). Sent before the identifiers are claimed in the guiding index.
   */
  record PlanActivation(
      com.telco.billing.core.subscription.ActivateSubscription activation,
      ActorRef<StatusReply<ActivationPlan>> replyTo)
      implements AccountCommand {}

  /**
   * Records a subscription activated by fulfilment (TMF622 order completed / TMF637 product
   * created). Idempotent for the same data; refused by the lifecycle rules otherwise.
   */
  record ActivateSubscription(
      com.telco.billing.core.subscription.ActivateSubscription activation,
      ActorRef<StatusReply<SubscriptionResult>> replyTo)
      implements AccountCommand {}

  /** Records a change (offering, suspend, resume, terminate) of one subscription. */
  record ChangeSubscription(
      String subscriptionId,
      SubscriptionChange change,
      ActorRef<StatusReply<SubscriptionResult>> replyTo)
      implements AccountCommand {}

  /**
   * Rates the records of one request that were guided to this account, in arrival order, and
   * persists the accepted ones as one event; duplicates (by source and id) are never charged again.
   */
  record RateUsage(List<UsageRecord> records, ActorRef<StatusReply<RateUsageResult>> replyTo)
      implements AccountCommand {}

  /** The open period's rated usage (bill so far). */
  record GetCurrentUsage(ActorRef<StatusReply<CurrentUsage>> replyTo) implements AccountCommand {}
}
