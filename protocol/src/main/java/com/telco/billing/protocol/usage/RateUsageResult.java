package com.telco.billing.protocol.usage;

import com.telco.billing.protocol.CborSerializable;
import java.util.List;

/** The Account entity's answer to a batch of usage: one outcome per record, in batch order. */
public record RateUsageResult(List<UsageOutcome> outcomes) implements CborSerializable {}
