package com.telco.billing.protocol.account.journal;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.LocalDate;

/** A change to a subscription in the journal, by its type id. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(
      value = SubscriptionChangeRecord.ChangeOffering.class,
      name = "change-offering"),
  @JsonSubTypes.Type(value = SubscriptionChangeRecord.Suspend.class, name = "suspend"),
  @JsonSubTypes.Type(value = SubscriptionChangeRecord.Resume.class, name = "resume"),
  @JsonSubTypes.Type(value = SubscriptionChangeRecord.Terminate.class, name = "terminate")
})
public sealed interface SubscriptionChangeRecord
    permits SubscriptionChangeRecord.ChangeOffering,
        SubscriptionChangeRecord.Suspend,
        SubscriptionChangeRecord.Resume,
        SubscriptionChangeRecord.Terminate {

  /** The subscription moves to {@code offeringId} from {@code effectiveDate}. */
  record ChangeOffering(String offeringId, LocalDate effectiveDate)
      implements SubscriptionChangeRecord {}

  /** The subscription is suspended from {@code effectiveDate}. */
  record Suspend(LocalDate effectiveDate) implements SubscriptionChangeRecord {}

  /** The subscription is active again from {@code effectiveDate}. */
  record Resume(LocalDate effectiveDate) implements SubscriptionChangeRecord {}

  /** The subscription ends at the start of {@code effectiveDate}. */
  record Terminate(LocalDate effectiveDate) implements SubscriptionChangeRecord {}
}
