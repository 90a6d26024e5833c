package com.telco.billing.node.account;

import com.telco.billing.core.subscription.ActivateSubscription;
import com.telco.billing.core.subscription.ServiceClaim;
import com.telco.billing.core.subscription.ServiceRelease;
import com.telco.billing.core.subscription.SubscriptionChange;
import com.telco.billing.core.validation.Validated;
import com.telco.billing.node.guiding.GuidingService;
import com.telco.billing.node.security.Masking;
import com.telco.billing.node.usage.UsageService;
import com.telco.billing.protocol.Origin;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.account.AccountCommand;
import com.telco.billing.protocol.account.ActivationPlan;
import com.telco.billing.protocol.account.SubscriptionResult;
import com.telco.billing.protocol.http.SubscriptionChangeDraft;
import com.telco.billing.protocol.http.SubscriptionDraft;
import com.telco.billing.sharding.EntityKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;

/**
 * Subscriptions as order management and product inventory report them. An activation is checked by
 * the account, its service identifiers are then claimed in the guiding index (one writer per
 * identifier, so a number held by another subscription is refused), and only then is the activation
 * recorded by the account. Claims this request made are withdrawn again if the account refuses
 * after all. The guiding projection re-applies every claim and release from the account's events
 * (at least once), so the index never misses an account's write.
 */
public final class SubscriptionService {
  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(SubscriptionService.class);

  private final ClusterSharding sharding;
  private final GuidingService guiding;
  private final UsageService usage;
  private final Duration askTimeout;

  /**
   * @param askTimeout how long a request waits for the account and the service guides
   */
  public SubscriptionService(
      ActorSystem<?> system, GuidingService guiding, UsageService usage, Duration askTimeout) {
    this.sharding = ClusterSharding.get(system);
    this.guiding = guiding;
    this.usage = usage;
    this.askTimeout = askTimeout;
  }

  /**
   * Activates a subscription (idempotent for the same data).
   *
   * @param origin the request that activates it, stored on the event (and on the usage events of
   *     the records recycled from suspense)
   */
  public CompletionStage<SubscriptionResult> activate(
      String accountId, SubscriptionDraft draft, Origin origin) {
    Validated<ActivateSubscription> activation = draft.validate();
    if (!activation.isValid()) {
      return CompletableFuture.failedFuture(Refusal.invalid(activation.errors()).toException());
    }
    EntityRef<AccountCommand> account = account(accountId);
    return account
        .<ActivationPlan>askWithStatus(
            replyTo -> new AccountCommand.PlanActivation(activation.value(), replyTo), askTimeout)
        .thenCompose(plan -> claimAll(plan.claims()))
        .thenCompose(
            claimed ->
                account
                    .<SubscriptionResult>askWithStatus(
                        replyTo ->
                            new AccountCommand.ActivateSubscription(
                                activation.value(), origin, replyTo),
                        askTimeout)
                    .exceptionallyCompose(
                        refused ->
                            withdraw(claimed)
                                .thenCompose(done -> CompletableFuture.failedFuture(refused))))
        .thenCompose(result -> recycleSuspense(result, origin));
  }

  /**
   * Usage held in suspense for the new subscription's identifiers is re-submitted before the
   * activation is answered; a failure to recycle is logged and leaves the records in suspense.
   */
  private CompletionStage<SubscriptionResult> recycleSuspense(
      SubscriptionResult result, Origin origin) {
    if (!result.changed()) {
      return CompletableFuture.completedFuture(result);
    }
    return usage
        .recycleServices(result.subscription().serviceIds(), origin)
        .handle(
            (recycled, failure) -> {
              if (failure != null) {
                log.warn(
                    "recycling suspense for {} failed; records stay held",
                    Masking.serviceIds(result.subscription().serviceIds()),
                    failure);
              } else if (recycled.received() > 0) {
                log.info(
                    "recycled {} held records for {}: {} accepted",
                    recycled.received(),
                    Masking.serviceIds(result.subscription().serviceIds()),
                    recycled.accepted());
              }
              return result;
            });
  }

  /**
   * Applies a change (offering, suspend, resume, terminate) to a subscription.
   *
   * @param origin the request that changes it, stored on the event
   */
  public CompletionStage<SubscriptionResult> change(
      String accountId, String subscriptionId, SubscriptionChangeDraft draft, Origin origin) {
    Validated<SubscriptionChange> change = draft.validate();
    if (!change.isValid()) {
      return CompletableFuture.failedFuture(Refusal.invalid(change.errors()).toException());
    }
    return account(accountId)
        .<SubscriptionResult>askWithStatus(
            replyTo ->
                new AccountCommand.ChangeSubscription(
                    subscriptionId, change.value(), origin, replyTo),
            askTimeout)
        .thenCompose(result -> releaseAll(result.releases()).thenApply(done -> result));
  }

  /**
   * Claims every identifier in order; on a refusal, withdraws the claims this request made before
   * failing with the refusal.
   *
   * @return the claims that were new (not repeats of earlier ones)
   */
  private CompletionStage<List<ServiceClaim>> claimAll(List<ServiceClaim> claims) {
    CompletionStage<List<ServiceClaim>> made = CompletableFuture.completedFuture(new ArrayList<>());
    for (ServiceClaim claim : claims) {
      made =
          made.thenCompose(
              newClaims ->
                  guiding
                      .claim(claim)
                      .thenApply(
                          holding -> {
                            if (holding.changed()) {
                              newClaims.add(claim);
                            }
                            return newClaims;
                          })
                      .exceptionallyCompose(
                          refused ->
                              withdraw(newClaims)
                                  .thenCompose(done -> CompletableFuture.failedFuture(refused))));
    }
    return made;
  }

  /** A claim withdrawn is a release at its own start: it never held anything. */
  private CompletionStage<Void> withdraw(List<ServiceClaim> claims) {
    List<ServiceRelease> releases =
        claims.stream()
            .map(
                c -> new ServiceRelease(c.serviceId(), c.accountId(), c.subscriptionId(), c.from()))
            .toList();
    return releaseAll(releases);
  }

  private CompletionStage<Void> releaseAll(List<ServiceRelease> releases) {
    CompletableFuture<?>[] all =
        releases.stream()
            .map(r -> guiding.release(r).toCompletableFuture())
            .toArray(CompletableFuture[]::new);
    return CompletableFuture.allOf(all);
  }

  private EntityRef<AccountCommand> account(String accountId) {
    return sharding.entityRefFor(EntityKeys.ACCOUNT, accountId);
  }
}
