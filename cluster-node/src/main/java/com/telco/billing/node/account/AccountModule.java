package com.telco.billing.node.account;

import com.telco.billing.node.BillingSettings;
import com.telco.billing.node.catalog.CatalogModule;
import com.telco.billing.node.catalog.RatingCatalog;
import com.telco.billing.node.guiding.GuidingModule;
import com.telco.billing.node.payment.PaymentModule;
import com.telco.billing.node.usage.UsageModule;
import com.telco.billing.sharding.ShardingInit;
import java.time.Clock;
import java.time.Duration;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * Accounts on a node: the sharded Account entity (rating, bill periods, invoices), the {@link
 * AccountService} the {@code /accounts} routes serve and the {@link SubscriptionService} of {@code
 * /accounts/{id}/subscriptions}.
 *
 * <p>The entity starts first, before guiding and usage (their projection and readers ask accounts);
 * the subscription operations claim identifiers in guiding and recycle suspense through usage, so
 * they are wired once those modules run ({@link #subscriptions}).
 */
public final class AccountModule {
  private final ActorSystem<?> system;
  private final Duration askTimeout;
  private final AccountService accounts;

  private AccountModule(ActorSystem<?> system, Duration askTimeout, AccountService accounts) {
    this.system = system;
    this.askTimeout = askTimeout;
    this.accounts = accounts;
  }

  /**
   * Starts account sharding on this node.
   *
   * @param catalog the catalog the accounts rate with
   * @param payments the gateway and settings the accounts collect with
   * @param dunningPolicies the published dunning policies as this node knows them
   * @param clock the clock of rating ("too late") and of the bill periods
   */
  public static AccountModule init(
      ActorSystem<?> system,
      BillingSettings settings,
      CatalogModule catalog,
      PaymentModule payments,
      com.telco.billing.node.dunning.DunningPolicySource dunningPolicies,
      Clock clock) {
    RatingCatalog ratingCatalog = new RatingCatalog(catalog.replica()::current);
    var maxUsageAge = settings.usage().maxUsageAge();
    var invoicing = settings.invoicing();
    ShardingInit.initAccounts(
        system,
        entityContext ->
            AccountEntity.create(
                entityContext.getEntityId(),
                clock,
                ratingCatalog,
                maxUsageAge,
                invoicing,
                payments.gateway(),
                payments.settings(),
                dunningPolicies));
    Duration askTimeout = settings.http().askTimeout();
    return new AccountModule(system, askTimeout, new AccountService(system, askTimeout));
  }

  /** The account operations the {@code /accounts} routes serve. */
  public AccountService accounts() {
    return accounts;
  }

  /** The subscription operations, over the guiding and usage of this node (call once). */
  public SubscriptionService subscriptions(GuidingModule guiding, UsageModule usage) {
    return new SubscriptionService(system, guiding.service(), usage.usage(), askTimeout);
  }
}
