package com.telco.billing.protocol.payment;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.core.receivable.Statement;
import com.telco.billing.protocol.CborSerializable;

/** An account's statement over a date range, with the profile to print it. */
public record StatementView(AccountProfile profile, Statement statement)
    implements CborSerializable {}
