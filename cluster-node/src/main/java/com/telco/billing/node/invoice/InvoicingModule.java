package com.telco.billing.node.invoice;

import com.telco.billing.node.BillingSettings;
import com.telco.billing.sharding.ShardingInit;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * Invoicing on a node: the sharded invoice-number series, the {@link BillingProjection} that fills
 * the read side ({@link BillingTables}) and the {@link InvoicingService} that closes periods and
 * reads invoices.
 *
 * @param service closes bill periods and reads invoices
 * @param tables the read side: accounts per bill cycle day and the invoice register
 */
public record InvoicingModule(InvoicingService service, BillingTables tables) {

  /** Starts invoice-series sharding and the billing projection on this node. */
  public static InvoicingModule init(ActorSystem<?> system, BillingSettings settings) {
    ShardingInit.initInvoiceSeries(
        system, entityContext -> InvoiceSeriesEntity.create(entityContext.getEntityId()));
    BillingTables tables = new BillingTables(system, settings.cassandra().keyspace());
    BillingProjection.init(system, tables);
    InvoicingService service =
        new InvoicingService(system, tables, settings.invoicing(), settings.http().askTimeout());
    return new InvoicingModule(service, tables);
  }
}
