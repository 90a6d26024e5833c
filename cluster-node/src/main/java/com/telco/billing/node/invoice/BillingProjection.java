package com.telco.billing.node.invoice;

import com.telco.billing.node.account.AccountJournal;
import com.telco.billing.node.projection.AccountEventProjections;
import com.telco.billing.protocol.account.AccountEvent;
import com.telco.billing.protocol.account.AccountEvent.AccountOpened;
import com.telco.billing.protocol.account.AccountEvent.InvoiceRegistered;
import com.telco.billing.protocol.account.AccountEvent.ReceivablesChanged;
import com.telco.billing.protocol.account.journal.ReceivableFact;
import com.telco.billing.protocol.invoice.InvoiceEntry;
import com.telco.billing.sharding.AccountTags;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.javadsl.Handler;

/**
 * Keeps the billing read sides from the account events, by tag with at-least-once delivery (offsets
 * in Cassandra; all writes are idempotent upserts), as two projections: {@value #NAME} over the
 * lifecycle tags puts every opened account into the accounts of its bill cycle day and every issued
 * credit note into the register (by number, with its account), {@value #INVOICES_NAME} over the
 * invoice tags every issued invoice into the invoice register, a group of entries at a time (a bill
 * run issues thousands per second).
 *
 * <p>One instance per tag slice, spread over the cluster as sharded daemon processes.
 */
public final class BillingProjection {

  /** The cycle-day projection's name; with the tag it is the offset's key. */
  public static final String NAME = "billing";

  /**
   * The invoice register's projection name; with the tag it is the offset's key. (Until 2026-11-27
   * a projection named {@code invoices} kept whole documents in a table {@code invoices}; this one
   * starts from the beginning of the invoice tags, so it registers the invoices issued before too.)
   */
  public static final String INVOICES_NAME = "invoice-register";

  private BillingProjection() {}

  public static void init(ActorSystem<?> system, BillingTables tables) {
    AccountEventProjections.init(system, NAME, AccountTags.ALL, () -> new CycleDayHandler(tables));
    AccountEventProjections.initGrouped(
        system, INVOICES_NAME, AccountTags.INVOICES, () -> new RegisterHandler(tables));
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
      List<BillingTables.Registered> creditNotes = creditNotesOf(envelope);
      if (!creditNotes.isEmpty()) {
        return tables.register(creditNotes);
      }
      return CompletableFuture.completedFuture(Done.getInstance());
    }
  }

  /** Writes the register entries of a group, all at once. */
  static final class RegisterHandler extends Handler<List<EventEnvelope<AccountEvent>>> {
    private final BillingTables tables;

    RegisterHandler(BillingTables tables) {
      this.tables = tables;
    }

    @Override
    public CompletionStage<Done> process(List<EventEnvelope<AccountEvent>> envelopes) {
      List<BillingTables.Registered> entries = new ArrayList<>(envelopes.size());
      for (EventEnvelope<AccountEvent> envelope : envelopes) {
        entryOf(envelope).ifPresent(entries::add);
      }
      return tables.register(entries);
    }
  }

  /**
   * The register entry an invoice-tagged event makes: its {@code InvoiceRegistered} entry, or, for
   * an issued invoice of the journals that tagged their invoices themselves (before there was an
   * {@code InvoiceRegistered}), the entry of the invoice it holds, whose document is that very
   * event.
   */
  static Optional<BillingTables.Registered> entryOf(EventEnvelope<AccountEvent> envelope) {
    if (envelope.event() instanceof InvoiceRegistered registered) {
      return Optional.of(
          new BillingTables.Registered(registered.entry(), envelope.persistenceId()));
    }
    return AccountJournal.issuedInvoiceOf(envelope.event())
        .map(
            issued ->
                new BillingTables.Registered(
                    InvoiceEntry.of(issued, envelope.sequenceNr()), envelope.persistenceId()));
  }

  /**
   * The register entries of the credit notes an account event issued (the {@code CreditNoteIssued}
   * facts of a {@code ReceivablesChanged}), each pointing at that event.
   */
  static List<BillingTables.Registered> creditNotesOf(EventEnvelope<AccountEvent> envelope) {
    if (!(envelope.event() instanceof ReceivablesChanged changed)) {
      return List.of();
    }
    List<BillingTables.Registered> entries = new ArrayList<>();
    String persistenceId = envelope.persistenceId();
    String accountId = persistenceId.substring(persistenceId.indexOf('|') + 1);
    for (ReceivableFact fact : changed.facts()) {
      if (fact instanceof ReceivableFact.CreditNoteIssued cn) {
        entries.add(
            new BillingTables.Registered(
                new InvoiceEntry(
                    cn.number(),
                    accountId,
                    null,
                    cn.issueDate(),
                    null,
                    cn.taxIncludedAmount(),
                    envelope.sequenceNr()),
                persistenceId));
      }
    }
    return entries;
  }
}
