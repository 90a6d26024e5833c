package com.telco.billing.protocol.http;

import com.telco.billing.core.subscription.ActivateSubscription;
import com.telco.billing.core.subscription.ServiceId;
import com.telco.billing.core.subscription.SubscriptionRules;
import com.telco.billing.core.validation.Validated;
import com.telco.billing.core.validation.Validator;
import java.time.LocalDate;
import java.util.List;

/**
 * Body of {@code POST /accounts/{id}/subscriptions}: a subscription activation as order management
 * / product inventory sends it (TMF622 order completed, TMF637 product created), before validation:
 * every field may be missing or wrong. {@link #validate()} applies {@link SubscriptionRules},
 * reports every problem at once, naming the field, and normalises the service identifiers (see
 * {@link ServiceId#parse}).
 *
 * @param subscriptionId the subscription's id
 * @param offeringId the product offering
 * @param serviceIds the service identifiers, each a type and a value
 * @param activationDate the activation date fulfilment reports, ISO {@code yyyy-MM-dd}, in the
 *     account's zone; may be in the future
 */
public record SubscriptionDraft(
    String subscriptionId,
    String offeringId,
    List<ServiceIdDraft> serviceIds,
    String activationDate) {

  /**
   * A service identifier as sent.
   *
   * @param type {@code MSISDN} or {@code IMSI}
   * @param value the identifier in any accepted spelling
   */
  public record ServiceIdDraft(String type, String value) {}

  /** Checks every field and returns the activation command or all problems found. */
  public Validated<ActivateSubscription> validate() {
    Validator v = new Validator();
    SubscriptionRules.requireIdentifier(v, subscriptionId, "subscriptionId");
    SubscriptionRules.requireIdentifier(v, offeringId, "offeringId");
    List<ServiceId> parsed =
        SubscriptionRules.parseServiceIds(
            v, serviceIds, "serviceIds", ServiceIdDraft::type, ServiceIdDraft::value);
    LocalDate date = SubscriptionRules.parseDate(v, activationDate, "activationDate");
    if (!v.isValid()) {
      return Validated.invalid(v.errors());
    }
    return Validated.valid(new ActivateSubscription(subscriptionId, offeringId, parsed, date));
  }
}
