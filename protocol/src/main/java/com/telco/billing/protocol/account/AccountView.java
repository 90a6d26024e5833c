package com.telco.billing.protocol.account;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.protocol.CborSerializable;
import java.time.Instant;

/** The live state of an account as the entity reports it. */
public record AccountView(AccountProfile profile, Instant openedAt) implements CborSerializable {}
