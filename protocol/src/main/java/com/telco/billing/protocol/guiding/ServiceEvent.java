package com.telco.billing.protocol.guiding;

import com.telco.billing.protocol.CborSerializable;
import com.telco.billing.protocol.journal.ServiceClaimRecord;
import com.telco.billing.protocol.journal.ServiceReleaseRecord;

/**
 * Events of a service identifier's guiding entity, made of journal records; the entity maps them in
 * {@code GuidingJournal}.
 */
public sealed interface ServiceEvent extends CborSerializable
    permits ServiceEvent.ServiceClaimed, ServiceEvent.ServiceReleased {

  /** A subscription holds the identifier from {@code claim.from()}. */
  record ServiceClaimed(ServiceClaimRecord claim) implements ServiceEvent {}

  /** A subscription no longer holds the identifier from {@code release.at()}. */
  record ServiceReleased(ServiceReleaseRecord release) implements ServiceEvent {}
}
