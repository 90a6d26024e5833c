package com.telco.billing.protocol.http;

/**
 * Body of {@code POST /accounts/{id}/subscriptions/{sid}/{action}}: the date the change takes
 * effect (ISO date in the account's zone) and, for {@code change-offering}, the new offering.
 */
public record SubscriptionChangeRequest(String effectiveDate, String offeringId) {

  /**
   * @param action {@code change-offering}, {@code suspend}, {@code resume} or {@code terminate}
   */
  public SubscriptionChangeDraft toDraft(String action) {
    return new SubscriptionChangeDraft(action.replace('-', '_'), effectiveDate, offeringId);
  }
}
