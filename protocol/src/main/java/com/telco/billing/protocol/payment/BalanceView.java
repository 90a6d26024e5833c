package com.telco.billing.protocol.payment;

import com.telco.billing.core.receivable.Balance;
import com.telco.billing.protocol.CborSerializable;
import java.util.Currency;

/** An account's balance on a date of its zone. */
public record BalanceView(String accountId, Currency currency, Balance balance)
    implements CborSerializable {}
