package com.telco.billing.protocol.account;

import com.telco.billing.core.subscription.ServiceClaim;
import com.telco.billing.protocol.CborSerializable;
import java.util.List;

/**
 * Answer to {@link AccountCommand.PlanActivation}: the claims the activation needs, and whether the
 * account already has exactly this subscription (a repeated request).
 */
public record ActivationPlan(List<ServiceClaim> claims, boolean alreadyActivated)
    implements CborSerializable {}
