package com.telco.billing.node.catalog;

import com.telco.billing.node.BillingSettings;
import com.telco.billing.sharding.ShardingInit;
import java.time.Clock;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * The product catalog on a node: the sharded Catalog entity (the one writer), this node's {@link
 * CatalogReplica} (the catalog rating reads) and the {@link CatalogService} the {@code /catalog}
 * routes serve.
 */
public final class CatalogModule {
  private final CatalogReplica replica;
  private final CatalogService service;

  private CatalogModule(CatalogReplica replica, CatalogService service) {
    this.replica = replica;
    this.service = service;
  }

  /**
   * Starts catalog sharding and the replica on this node.
   *
   * @param settings the ask timeout of the catalog requests
   * @param clock the clock of the publication rules ("not in the past") and of {@code at}'s default
   */
  public static CatalogModule init(ActorSystem<?> system, BillingSettings settings, Clock clock) {
    ShardingInit.initCatalog(
        system, entityContext -> CatalogEntity.create(entityContext.getEntityId(), clock));
    CatalogReplica replica = CatalogReplica.get(system);
    return new CatalogModule(
        replica, new CatalogService(system, replica, clock, settings.http().askTimeout()));
  }

  /** The catalog as this node knows it, for rating and invoicing. */
  public CatalogReplica replica() {
    return replica;
  }

  /** The catalog operations the {@code /catalog} routes serve. */
  public CatalogService service() {
    return service;
  }
}
