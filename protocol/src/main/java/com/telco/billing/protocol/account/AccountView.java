package com.telco.billing.protocol.account;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.core.subscription.Subscription;
import com.telco.billing.protocol.CborSerializable;
import java.time.Instant;
import java.util.List;

/** The live state of an account as the entity reports it, with its subscriptions. */
public record AccountView(
    AccountProfile profile, Instant openedAt, List<Subscription> subscriptions)
    implements CborSerializable {}
