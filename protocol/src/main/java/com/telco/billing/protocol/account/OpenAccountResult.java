package com.telco.billing.protocol.account;

import com.telco.billing.protocol.CborSerializable;

/**
 * Answer to {@link AccountCommand.OpenAccount}: the account, and whether this command opened it
 * ({@code false} when the same open request was repeated).
 */
public record OpenAccountResult(AccountView account, boolean created) implements CborSerializable {}
