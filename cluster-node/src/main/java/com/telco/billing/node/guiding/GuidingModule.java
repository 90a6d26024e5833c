package com.telco.billing.node.guiding;

import com.telco.billing.node.BillingSettings;
import com.telco.billing.sharding.ShardingInit;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * Guiding on a node: the sharded service guides (which subscription held a service identifier
 * when), the {@link GuidingProjection} that keeps them in step with the account events, and the
 * {@link GuidingService} usage and the {@code /services} routes ask.
 *
 * @param service the guiding look-ups and claims
 */
public record GuidingModule(GuidingService service) {

  /** Starts service-guide sharding and the guiding projection on this node. */
  public static GuidingModule init(ActorSystem<?> system, BillingSettings settings) {
    ShardingInit.initServices(
        system, entityContext -> ServiceGuideEntity.create(entityContext.getEntityId()));
    GuidingService service = new GuidingService(system, settings.http().askTimeout());
    GuidingProjection.init(system, service);
    return new GuidingModule(service);
  }
}
