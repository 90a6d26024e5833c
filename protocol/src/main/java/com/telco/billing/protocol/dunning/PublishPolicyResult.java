package com.telco.billing.protocol.dunning;

import com.telco.billing.core.dunning.DunningPolicy;
import com.telco.billing.protocol.CborSerializable;

/**
 * Answer to {@link DunningPolicyCommand.PublishPolicy}: the published version, and whether this
 * command published it ({@code false} when the latest version said the same).
 */
public record PublishPolicyResult(DunningPolicy policy, boolean created)
    implements CborSerializable {}
