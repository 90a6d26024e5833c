package com.telco.billing.node.invoice;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.core.paging.PageCursor;
import com.telco.billing.core.paging.Slice;
import com.telco.billing.node.account.AccountJournal;
import com.telco.billing.node.invoice.render.InvoiceDocument;
import com.telco.billing.node.metrics.LogContext;
import com.telco.billing.node.util.Cursors;
import com.telco.billing.node.util.GroupCommit;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusalCode;
import com.telco.billing.protocol.RefusedException;
import com.telco.billing.protocol.account.AccountCommand;
import com.telco.billing.protocol.account.AccountEvent;
import com.telco.billing.protocol.billrun.AccountResult;
import com.telco.billing.protocol.invoice.AccountInvoices;
import com.telco.billing.protocol.invoice.CloseBillPeriodResult;
import com.telco.billing.protocol.invoice.InvoiceEntry;
import com.telco.billing.protocol.invoice.InvoiceSettlement;
import com.telco.billing.protocol.invoice.IssuedInvoice;
import com.telco.billing.protocol.invoice.SeriesCommand;
import com.telco.billing.sharding.EntityKeys;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.persistence.cassandra.query.javadsl.CassandraReadJournal;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.stream.javadsl.Sink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes an account's bill period end to end: the account computes its invoice, the series hands
 * out the number, the account issues the invoice with it, the series forgets the request. Every
 * step is idempotent, so a caller (the bill run) simply retries a failed close: an account is never
 * invoiced twice for a period and a number is never wasted.
 *
 * <p>Number requests of concurrent closes on this node go to their series together (group commit):
 * one journal write for many numbers.
 */
public final class InvoicingService {
  private static final Logger log = LoggerFactory.getLogger(InvoicingService.class);

  private final ActorSystem<?> system;
  private final ClusterSharding sharding;
  private final CassandraReadJournal journal;
  private final BillingTables tables;
  private final Duration timeout;
  private final Duration readTimeout;
  private final GroupCommit<String, Long> numbers;
  private final GroupCommit<String, Done> confirmations;
  private final CreditNoteService creditNotes;

  /**
   * @param settings the ask timeout of the steps of closing a period
   * @param readTimeout how long a request reading an account's invoices waits for the account
   */
  public InvoicingService(
      ActorSystem<?> system,
      BillingTables tables,
      InvoicingSettings settings,
      Duration readTimeout) {
    this.system = system;
    this.tables = tables;
    this.sharding = ClusterSharding.get(system);
    this.journal =
        PersistenceQuery.get(system)
            .getReadJournalFor(CassandraReadJournal.class, CassandraReadJournal.Identifier());
    this.timeout = settings.askTimeout();
    this.readTimeout = readTimeout;
    this.numbers = new GroupCommit<>(this::assign);
    this.confirmations = new GroupCommit<>(this::confirm);
    this.creditNotes = new CreditNoteService(system, tables, timeout, readTimeout);
  }

  /** Credit notes: issued with numbers of their own series, read by invoice or number. */
  public CreditNoteService creditNotes() {
    return creditNotes;
  }

  /** Periods of one account closed in one call at most (catching up on missed cycle dates). */
  static final int MAX_CATCH_UP = 24;

  /**
   * Closes the period of {@code accountId} that ends on {@code cycleDate}. Periods are invoiced in
   * order: when an earlier period of the account is still open (a run missed the account or failed
   * for it), that one is closed first, then the asked one.
   */
  public CompletionStage<CloseBillPeriodResult.Closed> close(
      String accountId, LocalDate cycleDate) {
    return close(accountId, cycleDate, 0);
  }

  private CompletionStage<CloseBillPeriodResult.Closed> close(
      String accountId, LocalDate cycleDate, int depth) {
    return account(accountId)
        .<CloseBillPeriodResult>askWithStatus(
            replyTo -> new AccountCommand.CloseBillPeriod(cycleDate, replyTo), timeout)
        .thenCompose(
            result -> {
              if (result instanceof CloseBillPeriodResult.Closed closed) {
                return CompletableFuture.completedFuture(closed);
              }
              if (result instanceof CloseBillPeriodResult.NumberNeeded needed) {
                return issue(accountId, cycleDate, needed);
              }
              return catchUp(
                  accountId, cycleDate, (CloseBillPeriodResult.EarlierPeriodOpen) result, depth);
            });
  }

  private CompletionStage<CloseBillPeriodResult.Closed> catchUp(
      String accountId,
      LocalDate cycleDate,
      CloseBillPeriodResult.EarlierPeriodOpen result,
      int depth) {
    LocalDate earlier = result.openCycleDate();
    if (depth >= MAX_CATCH_UP || !earlier.isBefore(cycleDate)) {
      return java.util.concurrent.CompletableFuture.failedFuture(
          new IllegalStateException(
              "account " + accountId + " has the period ending " + earlier + " open"));
    }
    LogContext.forAccount(
        accountId,
        () ->
            log.info(
                "closing the missed period of {} ending {} before {}",
                accountId,
                earlier,
                cycleDate));
    return close(accountId, earlier, depth + 1)
        .thenCompose(closedEarlier -> close(accountId, cycleDate, depth + 1));
  }

  /** {@link #close} as the bill run counts it. */
  public CompletionStage<AccountResult> closeForRun(String accountId, LocalDate cycleDate) {
    return close(accountId, cycleDate).thenApply(closed -> asAccountResult(accountId, closed));
  }

  private static AccountResult asAccountResult(
      String accountId, CloseBillPeriodResult.Closed closed) {
    if (closed instanceof CloseBillPeriodResult.Invoiced invoiced) {
      IssuedInvoice issued = invoiced.invoice();
      return new AccountResult.Invoiced(
          accountId,
          issued.invoice().currency().getCurrencyCode(),
          issued.invoice().taxIncludedAmount(),
          issued.number(),
          issued.issuedAt());
    }
    return new AccountResult.Skipped(accountId, ((CloseBillPeriodResult.Skipped) closed).reason());
  }

  private CompletionStage<CloseBillPeriodResult.Closed> issue(
      String accountId, LocalDate cycleDate, CloseBillPeriodResult.NumberNeeded result) {
    String series = result.seriesId();
    String key = result.requestKey();
    return numbers
        .submit(series, List.of(key))
        .thenCompose(
            sequences ->
                account(accountId)
                    .<IssuedInvoice>askWithStatus(
                        replyTo ->
                            new AccountCommand.IssueInvoice(cycleDate, sequences.get(0), replyTo),
                        timeout))
        .thenApply(
            issued -> {
              confirmations
                  .submit(series, List.of(key))
                  .whenComplete(
                      (done, failure) -> {
                        if (failure != null) {
                          // harmless: the key stays pending in the series and is answered again
                          log.warn(
                              "confirming invoice number of {} failed: {}",
                              key,
                              failure.toString());
                        }
                      });
              return CloseBillPeriodResult.invoiced(issued);
            });
  }

  /**
   * An issued invoice by number: the invoice register says which account's journal holds it and
   * where, the journal has the document (the {@code InvoiceIssued} event); 404 {@code
   * invoice_not_found} for a number the register does not have (yet: it follows the issue within
   * seconds).
   */
  public CompletionStage<IssuedInvoice> invoice(String number) {
    return tables
        .registered(number)
        .thenCompose(
            entry ->
                entry
                    .map(this::issuedInvoiceOf)
                    .orElseGet(
                        () ->
                            CompletableFuture.failedFuture(
                                Refusal.of(
                                        RefusalCode.INVOICE_NOT_FOUND,
                                        "number",
                                        "no invoice with this number")
                                    .toException())));
  }

  private CompletionStage<IssuedInvoice> issuedInvoiceOf(BillingTables.Registered registered) {
    String number = registered.entry().number();
    long at = registered.entry().journalSequenceNr();
    return journal
        .currentEventsByPersistenceId(registered.persistenceId(), at, at)
        .runWith(Sink.headOption(), system)
        .thenApply(
            envelope ->
                envelope
                    .map(EventEnvelope::event)
                    .filter(AccountEvent.class::isInstance)
                    .flatMap(event -> AccountJournal.issuedInvoiceOf((AccountEvent) event))
                    .filter(invoice -> invoice.number().equals(number))
                    .orElseThrow(
                        () ->
                            new IllegalStateException(
                                "the invoice register puts "
                                    + number
                                    + " at event "
                                    + at
                                    + " of "
                                    + registered.persistenceId()
                                    + ", which is not that invoice")));
  }

  /** An issued invoice by number with its account, ready to render; 404 for an unknown number. */
  public CompletionStage<InvoiceDocument> document(String number) {
    return invoice(number).thenCompose(this::documentOf);
  }

  /**
   * The document of the invoice of a register entry as the invoice tags deliver it ({@code
   * InvoiceRegistered} in the journal of {@code persistenceId}), without waiting for the register.
   */
  public CompletionStage<InvoiceDocument> document(String persistenceId, InvoiceEntry entry) {
    return issuedInvoiceOf(new BillingTables.Registered(entry, persistenceId))
        .thenCompose(this::documentOf);
  }

  private CompletionStage<InvoiceDocument> documentOf(IssuedInvoice issued) {
    return account(issued.invoice().accountId())
        .<AccountInvoices.Settled>askWithStatus(
            replyTo -> new AccountCommand.GetSettlement(issued.number(), replyTo), readTimeout)
        .thenApply(
            settled ->
                settled.settlement() == null
                    ? documentOf(issued, settled.account())
                    : documentOf(issued, settled.account(), settled.settlement()));
  }

  /**
   * One page of an account's invoices ({@link #invoices(String, int, String)}) as documents ready
   * to render.
   */
  public CompletionStage<DocumentPage> documents(String accountId, int limit, String cursor) {
    return invoices(accountId, limit, cursor)
        .thenApply(
            page ->
                new DocumentPage(
                    page.invoices().stream()
                        .map(
                            issued -> documentOf(issued, page.account(), page.settlementOf(issued)))
                        .toList(),
                    page.nextCursor()));
  }

  /**
   * A page of an account's invoices as documents.
   *
   * @param nextCursor the cursor of the next page; null on the last page
   */
  public record DocumentPage(List<InvoiceDocument> documents, String nextCursor) {}

  /**
   * The document of an issued invoice whose settlement is not known here: {@link
   * InvoiceSettlement#unpaid} of its total. Every document this service serves is made here; where
   * accounts receivable gives the invoice's settlement, {@link #documentOf(IssuedInvoice,
   * AccountProfile, InvoiceSettlement)} takes it.
   */
  public static InvoiceDocument documentOf(IssuedInvoice issued, AccountProfile account) {
    return documentOf(
        issued, account, InvoiceSettlement.unpaid(issued.invoice().taxIncludedAmount()));
  }

  /**
   * The document of an issued invoice with where it stands in accounts receivable (state, credit
   * applied, amount due, remaining, amounts applied): what the JSON, HTML and PDF show.
   */
  public static InvoiceDocument documentOf(
      IssuedInvoice issued, AccountProfile account, InvoiceSettlement settlement) {
    return new InvoiceDocument(
        issued.number(),
        issued.invoice(),
        InvoiceDocument.ISSUED,
        issued.issuedAt(),
        account,
        settlement);
  }

  /** The document of a preview: numbered {@code PREVIEW}, state {@code preview}. */
  public static InvoiceDocument documentOf(AccountInvoices.Preview preview) {
    return new InvoiceDocument(
        "PREVIEW", preview.invoice(), InvoiceDocument.PREVIEW, preview.at(), preview.account());
  }

  /** The invoices of an account. */
  public CompletionStage<AccountInvoices.InvoiceList> invoices(String accountId) {
    return account(accountId).askWithStatus(AccountCommand.GetInvoices::new, readTimeout);
  }

  /**
   * One page of an account's invoices, oldest first (by issue time, then number): at most {@code
   * limit}, after the invoice the {@code cursor} names (null: from the first). An account issues
   * about twelve a year, for as long as it lives; the page bounds what one answer renders.
   */
  public CompletionStage<InvoicePage> invoices(String accountId, int limit, String cursor) {
    InvoiceKey after;
    try {
      after = cursor == null ? null : InvoiceKey.decode(cursor, accountId);
    } catch (RefusedException e) {
      return CompletableFuture.failedFuture(e);
    }
    return invoices(accountId)
        .thenApply(
            list -> {
              List<IssuedInvoice> oldestFirst =
                  list.invoices().stream().sorted(InvoiceKey.OLDEST_FIRST).toList();
              Slice<IssuedInvoice> page =
                  Slice.of(oldestFirst, issued -> after == null || after.isBefore(issued), limit);
              return new InvoicePage(
                  list.account(),
                  page.items(),
                  page.more() ? InvoiceKey.of(page.last()).encode(accountId) : null,
                  list.settlements());
            });
  }

  /**
   * A page of an account's invoices.
   *
   * @param nextCursor the cursor of the next page; null on the last page
   */
  public record InvoicePage(
      AccountProfile account,
      List<IssuedInvoice> invoices,
      String nextCursor,
      java.util.Map<String, InvoiceSettlement> settlements) {

    /** Where {@code issued} stands in accounts receivable; unpaid when not known. */
    public InvoiceSettlement settlementOf(IssuedInvoice issued) {
      return AccountInvoices.settlementIn(settlements, issued);
    }
  }

  /** Where a page of invoices ended: the issue time and number of its last invoice. */
  private record InvoiceKey(Instant issuedAt, String number) {
    static final String KIND = "account-invoices";
    static final Comparator<IssuedInvoice> OLDEST_FIRST =
        Comparator.comparing(InvoiceKey::issuedAtOf)
            .thenComparing(issued -> String.valueOf(issued.number()));

    static InvoiceKey of(IssuedInvoice issued) {
      return new InvoiceKey(issuedAtOf(issued), String.valueOf(issued.number()));
    }

    /** Invoices are issued with their time; a missing one sorts first rather than failing. */
    static Instant issuedAtOf(IssuedInvoice issued) {
      return issued.issuedAt() == null ? Instant.EPOCH : issued.issuedAt();
    }

    /** Whether {@code issued} comes after this key, oldest first. */
    boolean isBefore(IssuedInvoice issued) {
      int byTime = issuedAtOf(issued).compareTo(issuedAt);
      return byTime > 0 || (byTime == 0 && String.valueOf(issued.number()).compareTo(number) > 0);
    }

    /** The cursor names its account, so that it cannot page through another one's invoices. */
    String encode(String accountId) {
      return PageCursor.encode(KIND, List.of(accountId, issuedAt.toString(), number));
    }

    static InvoiceKey decode(String cursor, String accountId) {
      List<String> fields = Cursors.fields(cursor, KIND, 3);
      if (!fields.get(0).equals(accountId)) {
        throw Cursors.invalid();
      }
      try {
        return new InvoiceKey(Instant.parse(fields.get(1)), fields.get(2));
      } catch (DateTimeException e) {
        throw Cursors.invalid();
      }
    }
  }

  /** What the open period's invoice of an account would be now. */
  public CompletionStage<AccountInvoices.Preview> preview(String accountId) {
    return account(accountId).askWithStatus(AccountCommand.PreviewInvoice::new, readTimeout);
  }

  private CompletionStage<List<Long>> assign(String series, List<String> keys) {
    return sharding
        .entityRefFor(EntityKeys.INVOICE_SERIES, series)
        .askWithStatus(
            (org.apache.pekko.actor.typed.ActorRef<
                        org.apache.pekko.pattern.StatusReply<SeriesCommand.AssignedNumbers>>
                    replyTo) -> new SeriesCommand.AssignNumbers(keys, replyTo),
            timeout)
        .thenApply(SeriesCommand.AssignedNumbers::sequences);
  }

  private CompletionStage<List<Done>> confirm(String series, List<String> keys) {
    return sharding
        .entityRefFor(EntityKeys.INVOICE_SERIES, series)
        .<Done>askWithStatus(replyTo -> new SeriesCommand.ConfirmNumbers(keys, replyTo), timeout)
        .thenApply(done -> keys.stream().map(k -> Done.getInstance()).toList());
  }

  private org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef<AccountCommand> account(
      String accountId) {
    return sharding.entityRefFor(EntityKeys.ACCOUNT, accountId);
  }
}
