package com.telco.billing.protocol.guiding;

import com.telco.billing.core.subscription.ServiceClaim;
import com.telco.billing.core.subscription.ServiceRelease;
import com.telco.billing.protocol.CborSerializable;

/** Events of a service identifier's guiding entity. */
public sealed interface ServiceEvent extends CborSerializable
    permits ServiceEvent.ServiceClaimed, ServiceEvent.ServiceReleased {

  /** A subscription holds the identifier from {@code claim.from()}. */
  record ServiceClaimed(ServiceClaim claim) implements ServiceEvent {}

  /** A subscription no longer holds the identifier from {@code release.at()}. */
  record ServiceReleased(ServiceRelease release) implements ServiceEvent {}
}
