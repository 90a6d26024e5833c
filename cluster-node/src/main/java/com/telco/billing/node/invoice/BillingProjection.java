package com.telco.billing.node.invoice;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.telco.billing.core.invoice.InvoiceDraft;
import com.telco.billing.node.http.JsonSupport;
import com.telco.billing.node.projection.AccountEventProjections;
import com.telco.billing.protocol.account.AccountEvent;
import com.telco.billing.protocol.account.AccountEvent.AccountOpened;
import com.telco.billing.protocol.account.AccountEvent.InvoiceIssued;
import com.telco.billing.protocol.invoice.IssuedInvoice;
import com.telco.billing.sharding.AccountTags;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.javadsl.Handler;

/**
 * Keeps the billing read sides from the account events, by tag with at-least-once delivery (offsets
 * in Cassandra; both writes are idempotent upserts), as two projections: {@value #NAME} over the
 * lifecycle tags puts every opened account into the accounts of its bill cycle day, {@value
 * #INVOICES_NAME} over the invoice tags every issued invoice into the invoices by number, a group
 * of invoices at a time with the rows written concurrently (a bill run issues thousands per
 * second).
 *
 * <p>One instance per tag slice, spread over the cluster as sharded daemon processes.
 */
public final class BillingProjection {

  /** The cycle-day projection's name; with the tag it is the offset's key. */
  public static final String NAME = "billing";

  /** The invoice projection's name; with the tag it is the offset's key. */
  public static final String INVOICES_NAME = "invoices";

  private BillingProjection() {}

  public static void init(ActorSystem<?> system, BillingTables tables) {
    AccountEventProjections.init(system, NAME, AccountTags.ALL, () -> new CycleDayHandler(tables));
    AccountEventProjections.initGrouped(
        system, INVOICES_NAME, AccountTags.INVOICES, () -> new InvoicesHandler(tables));
  }

  /** Puts opened accounts into the accounts of their bill cycle day. */
  static final class CycleDayHandler extends Handler<EventEnvelope<AccountEvent>> {
    private final BillingTables tables;

    CycleDayHandler(BillingTables tables) {
      this.tables = tables;
    }

    @Override
    public CompletionStage<Done> process(EventEnvelope<AccountEvent> envelope) {
      if (envelope.event() instanceof AccountOpened opened) {
        return tables.addAccount(opened.profile().billCycleDay(), opened.profile().accountId());
      }
      return CompletableFuture.completedFuture(Done.getInstance());
    }
  }

  /** Writes the issued invoices of a group, all at once. */
  static final class InvoicesHandler extends Handler<List<EventEnvelope<AccountEvent>>> {
    private final BillingTables tables;

    InvoicesHandler(BillingTables tables) {
      this.tables = tables;
    }

    @Override
    public CompletionStage<Done> process(List<EventEnvelope<AccountEvent>> envelopes) {
      List<CompletableFuture<Done>> writes = new ArrayList<>();
      for (EventEnvelope<AccountEvent> envelope : envelopes) {
        if (envelope.event() instanceof InvoiceIssued issued) {
          writes.add(tables.addInvoice(rowOf(issued.invoice())).toCompletableFuture());
        }
      }
      return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new))
          .thenApply(all -> Done.getInstance());
    }
  }

  /**
   * Writes the read side's invoice documents: the API's JSON without null fields (a recurring line
   * has no usage type, zone or band; they are read back as null). A bill run writes one per
   * invoice.
   */
  private static final ObjectWriter DOCUMENT =
      JsonSupport.MAPPER.copy().setSerializationInclusion(JsonInclude.Include.NON_NULL).writer();

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
        document(invoice));
  }

  private static String document(IssuedInvoice invoice) {
    try {
      return DOCUMENT.writeValueAsString(invoice);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("invoice " + invoice.number() + " cannot be written", e);
    }
  }
}
