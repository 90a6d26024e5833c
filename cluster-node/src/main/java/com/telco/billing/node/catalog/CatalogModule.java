package com.telco.billing.node.catalog;

import com.telco.billing.sharding.ShardingInit;
import java.time.Clock;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The product catalog on a node: the sharded Catalog entity (the one writer), this node's {@link
 * CatalogReplica} (the catalog rating reads) and the {@code /catalog} routes.
 */
public final class CatalogModule {
  private final CatalogReplica replica;
  private final CatalogRoutes routes;

  private CatalogModule(CatalogReplica replica, CatalogRoutes routes) {
    this.replica = replica;
    this.routes = routes;
  }

  /**
   * Starts catalog sharding and the replica on this node.
   *
   * @param clock the clock of the publication rules ("not in the past") and of {@code at}'s default
   */
  public static CatalogModule init(ActorSystem<?> system, Clock clock) {
    ShardingInit.initCatalog(
        system, entityContext -> CatalogEntity.create(entityContext.getEntityId(), clock));
    CatalogReplica replica = CatalogReplica.get(system);
    return new CatalogModule(
        replica, new CatalogRoutes(new CatalogService(system, replica, clock)));
  }

  /** The catalog as this node knows it, for rating and invoicing. */
  public CatalogReplica replica() {
    return replica;
  }

  /** The {@code /catalog} routes, to be sealed with the rest of the API. */
  public Route routes() {
    return routes.routes();
  }
}
