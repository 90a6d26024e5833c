package com.telco.billing.node.audit;

import com.telco.billing.node.BillingSettings;
import org.apache.pekko.actor.typed.ActorSystem;

/** The audit trail of a node: its store over the node's keyspace and the settings. */
public final class AuditModule {
  private final AuditTrail trail;

  private AuditModule(AuditTrail trail) {
    this.trail = trail;
  }

  public static AuditModule init(ActorSystem<?> system, BillingSettings settings) {
    AuditSettings audit = settings.audit();
    AuditStore store = new AuditStore(system, settings.cassandra().keyspace(), audit.ttlSeconds());
    return new AuditModule(new AuditTrail(store, audit));
  }

  public AuditTrail trail() {
    return trail;
  }
}
