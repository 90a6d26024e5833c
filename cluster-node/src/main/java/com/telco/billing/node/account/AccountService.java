package com.telco.billing.node.account;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.core.validation.Validated;
import com.telco.billing.protocol.Origin;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.account.AccountCommand;
import com.telco.billing.protocol.account.AccountView;
import com.telco.billing.protocol.account.OpenAccountResult;
import com.telco.billing.protocol.http.OpenAccountRequest;
import com.telco.billing.sharding.EntityKeys;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;

/**
 * The account operations behind the HTTP API: validates input, asks the sharded Account entity and
 * answers its result; a refusal fails the answer with a {@code RefusedException}. No billing logic
 * lives here.
 */
public final class AccountService {
  private final ClusterSharding sharding;
  private final Duration askTimeout;

  /**
   * @param askTimeout how long a request waits for the account
   */
  public AccountService(ActorSystem<?> system, Duration askTimeout) {
    this.sharding = ClusterSharding.get(system);
    this.askTimeout = askTimeout;
  }

  /**
   * Opens an account, or answers the existing one for a repeated identical request.
   *
   * @param origin the request that opens it, stored on the event
   */
  public CompletionStage<OpenAccountResult> open(OpenAccountRequest request, Origin origin) {
    Validated<AccountProfile> profile = request.validate();
    if (!profile.isValid()) {
      return CompletableFuture.failedFuture(Refusal.invalid(profile.errors()).toException());
    }
    EntityRef<AccountCommand> account = entity(profile.value().accountId());
    return account.askWithStatus(
        replyTo -> new AccountCommand.OpenAccount(profile.value(), origin, replyTo), askTimeout);
  }

  /** The account's current view; 404 when it was never opened. */
  public CompletionStage<AccountView> get(String accountId) {
    return entity(accountId).askWithStatus(AccountCommand.GetAccount::new, askTimeout);
  }

  /** The open period's rated usage of an account (bill so far). */
  public CompletionStage<com.telco.billing.protocol.usage.CurrentUsage> currentUsage(
      String accountId) {
    return entity(accountId).askWithStatus(AccountCommand.GetCurrentUsage::new, askTimeout);
  }

  private EntityRef<AccountCommand> entity(String accountId) {
    return sharding.entityRefFor(EntityKeys.ACCOUNT, accountId);
  }
}
