package com.telco.billing.protocol.account;

import com.telco.billing.core.subscription.ServiceRelease;
import com.telco.billing.core.subscription.Subscription;
import com.telco.billing.protocol.CborSerializable;
import java.time.ZoneId;
import java.util.List;

/**
 * Answer to an activation or change: the subscription as it is now, whether this command changed it
 * ({@code false} for an idempotent repeat), the identifiers it releases (termination), and the
 * account's time zone (in which its dates are read).
 */
public record SubscriptionResult(
    Subscription subscription, boolean changed, List<ServiceRelease> releases, ZoneId timeZone)
    implements CborSerializable {}
