package com.telco.billing.node.guiding;

import com.telco.billing.core.subscription.ServiceHoldings;
import com.telco.billing.protocol.CborSerializable;

/** State of a service identifier's guiding entity: every holding it ever had. */
public record ServiceGuideState(ServiceHoldings holdings) implements CborSerializable {}
