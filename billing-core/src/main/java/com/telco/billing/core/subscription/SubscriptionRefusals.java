package com.telco.billing.core.subscription;

/**
 * The stable codes of {@link Decision.Refused} for subscriptions and guiding. Every one of them is
 * a conflict with recorded state (HTTP 409), except {@link #SUBSCRIPTION_NOT_FOUND} (404). Invalid
 * input is reported before any rule runs, by the field checks of {@link SubscriptionRules} (HTTP
 * 400).
 *
 * <p>The state machine and date rules are documented in {@code docs/subscriptions.md}.
 */
public final class SubscriptionRefusals {

  /** The subscription id is already activated on the account, with different data. */
  public static final String SUBSCRIPTION_ALREADY_ACTIVATED = "subscription_already_activated";

  /** No subscription with that id on the account. */
  public static final String SUBSCRIPTION_NOT_FOUND = "subscription_not_found";

  /**
   * A service identifier is held by another subscription (of this or any account) over some of the
   * same time.
   */
  public static final String SERVICE_IN_USE = "service_in_use";

  /** A change dated before the subscription's activation date. */
  public static final String DATE_BEFORE_ACTIVATION = "date_before_activation";

  /** A change dated before the latest recorded change: changes arrive in date order. */
  public static final String DATE_BEFORE_LAST_CHANGE = "date_before_last_change";

  /** Any change (resume and another termination date included) once a termination is recorded. */
  public static final String SUBSCRIPTION_TERMINATED = "subscription_terminated";

  /** Suspend while suspended. */
  public static final String ALREADY_SUSPENDED = "already_suspended";

  /** Resume while not suspended. */
  public static final String NOT_SUSPENDED = "not_suspended";

  /** Change to the offering already in force. */
  public static final String SAME_OFFERING = "same_offering";

  /**
   * Guiding: the same holder (account, subscription) claims the identifier again from a different
   * instant; a subscription holds an identifier over one contiguous time only.
   */
  public static final String CLAIM_CONFLICT = "claim_conflict";

  /** Guiding: release by a holder that never claimed the identifier. */
  public static final String SERVICE_NOT_HELD = "service_not_held";

  /** Guiding: release at an instant other than the one already recorded. */
  public static final String ALREADY_RELEASED = "already_released";

  /** Guiding: release before the holding's start. */
  public static final String RELEASE_BEFORE_CLAIM = "release_before_claim";

  private SubscriptionRefusals() {}
}
