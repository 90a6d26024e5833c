package com.telco.billing.node.guiding;

import com.telco.billing.core.subscription.ServiceHoldings;

/**
 * State of a service identifier's guiding entity: every holding it ever had. Persisted in snapshots
 * as a {@code ServiceGuideSnapshot} ({@link GuidingJournal}).
 */
public record ServiceGuideState(ServiceHoldings holdings) {}
