package com.telco.billing.node.invoice;

import com.telco.billing.core.invoice.InvoiceDraft;
import com.telco.billing.node.http.JsonSupport;
import com.telco.billing.node.projection.AccountEventProjections;
import com.telco.billing.protocol.account.AccountEvent;
import com.telco.billing.protocol.account.AccountEvent.AccountOpened;
import com.telco.billing.protocol.account.AccountEvent.InvoiceIssued;
import com.telco.billing.protocol.invoice.IssuedInvoice;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.javadsl.Handler;

/**
 * Keeps the billing read sides from the account events, by tag with at-least-once delivery (offsets
 * in Cassandra; both writes are idempotent upserts): every opened account goes into the accounts of
 * its bill cycle day, every issued invoice into the invoices by number.
 *
 * <p>One instance per account tag slice, spread over the cluster as a sharded daemon process.
 */
public final class BillingProjection {

  /** The projection's name; with the tag it is the offset's key. */
  public static final String NAME = "billing";

  private BillingProjection() {}

  public static void init(ActorSystem<?> system, BillingTables tables) {
    AccountEventProjections.init(system, NAME, () -> new BillingHandler(tables));
  }

  /** Applies one account event to the read sides. */
  static final class BillingHandler extends Handler<EventEnvelope<AccountEvent>> {
    private final BillingTables tables;

    BillingHandler(BillingTables tables) {
      this.tables = tables;
    }

    @Override
    public CompletionStage<Done> process(EventEnvelope<AccountEvent> envelope) {
      AccountEvent event = envelope.event();
      if (event instanceof AccountOpened opened) {
        return tables.addAccount(opened.profile().billCycleDay(), opened.profile().accountId());
      }
      if (event instanceof InvoiceIssued issued) {
        return tables.addInvoice(rowOf(issued.invoice()));
      }
      return CompletableFuture.completedFuture(Done.getInstance());
    }
  }

  /** The read-side row of an issued invoice; the document is the invoice's JSON. */
  static BillingTables.InvoiceRow rowOf(IssuedInvoice invoice) {
    InvoiceDraft draft = invoice.invoice();
    return new BillingTables.InvoiceRow(
        invoice.number(),
        draft.accountId(),
        draft.billingPeriod().start(),
        draft.issueDate(),
        draft.currency().getCurrencyCode(),
        draft.taxIncludedAmount(),
        new String(JsonSupport.writeBytes(invoice), StandardCharsets.UTF_8));
  }
}
