package com.telco.billing.node.invoice;

import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.telco.billing.core.creditnote.CreditNoteNumbers;
import com.telco.billing.core.invoice.InvoiceNumbers;
import com.telco.billing.protocol.invoice.InvoiceEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSession;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSessionRegistry;

/**
 * The billing read sides in Cassandra, kept by {@link BillingProjection} from the account events:
 * the accounts of each bill cycle day (what a bill run walks through) and the invoice register, the
 * issued invoices by number with where each one's document is in its account's journal (what {@code
 * GET /invoices/{number}} looks up), and the credit notes by number with their account (what {@code
 * GET /credit-notes/{number}} looks up). Prepared statements only.
 */
public final class BillingTables
    implements com.telco.billing.node.billrun.BillRunPorts.CycleDayAccounts {

  /**
   * Invoice numbers per partition of the register: consecutive numbers share a partition, so the
   * entries of a bill run's invoices, which the read side gets in number order per tag slice, are
   * written a partition at a time (one single-partition batch each) rather than a row at a time.
   */
  static final long BLOCK = 1000;

  private final CassandraSession session;
  private final CompletionStage<PreparedStatement> insertAccount;
  private final CompletionStage<PreparedStatement> pageAccounts;
  private final CompletionStage<PreparedStatement> countAccounts;
  private final CompletionStage<PreparedStatement> insertEntry;
  private final CompletionStage<PreparedStatement> selectEntry;

  /**
   * A register entry as the read side keeps it.
   *
   * @param entry the entry the account wrote
   * @param persistenceId the account's journal, where the document is
   */
  public record Registered(InvoiceEntry entry, String persistenceId) {}

  /**
   * @param keyspace the keyspace of the read side tables
   */
  public BillingTables(ActorSystem<?> system, String keyspace) {
    this.session = CassandraSessionRegistry.get(system).sessionFor("pekko.persistence.cassandra");
    String ks = keyspace;
    insertAccount =
        session.prepare(
            "INSERT INTO " + ks + ".accounts_by_cycle_day (cycle_day, account_id) VALUES (?, ?)");
    pageAccounts =
        session.prepare(
            "SELECT account_id FROM "
                + ks
                + ".accounts_by_cycle_day WHERE cycle_day = ? AND account_id > ? LIMIT ?");
    countAccounts =
        session.prepare(
            "SELECT COUNT(*) FROM " + ks + ".accounts_by_cycle_day WHERE cycle_day = ?");
    insertEntry =
        session.prepare(
            "INSERT INTO "
                + ks
                + ".invoice_register (series, block, sequence, number, account_id, period_start,"
                + " issue_date, currency, total, persistence_id, journal_sequence_nr)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    selectEntry =
        session.prepare(
            "SELECT number, account_id, period_start, issue_date, currency, total, persistence_id,"
                + " journal_sequence_nr FROM "
                + ks
                + ".invoice_register WHERE series = ? AND block = ? AND sequence = ?");
  }

  /** The statements that create the tables in {@code keyspace}. */
  public static List<String> createStatements(String keyspace) {
    return List.of(
        "CREATE TABLE IF NOT EXISTS "
            + keyspace
            + ".accounts_by_cycle_day (cycle_day int, account_id text,"
            + " PRIMARY KEY ((cycle_day), account_id))",
        "CREATE TABLE IF NOT EXISTS "
            + keyspace
            + ".invoice_register (series text, block bigint, sequence bigint, number text,"
            + " account_id text, period_start date, issue_date date, currency text, total decimal,"
            + " persistence_id text, journal_sequence_nr bigint,"
            + " PRIMARY KEY ((series, block), sequence))");
  }

  public CompletionStage<Done> addAccount(int cycleDay, String accountId) {
    return insertAccount.thenCompose(ps -> session.executeWrite(ps.bind(cycleDay, accountId)));
  }

  @Override
  public CompletionStage<List<String>> accounts(int cycleDay, String afterAccountId, int limit) {
    return pageAccounts
        .thenCompose(ps -> session.selectAll(ps.bind(cycleDay, afterAccountId, limit)))
        .thenApply(
            rows -> {
              List<String> ids = new ArrayList<>(rows.size());
              for (Row row : rows) {
                ids.add(row.getString(0));
              }
              return ids;
            });
  }

  @Override
  public CompletionStage<Long> countAccounts(int cycleDay) {
    return countAccounts
        .thenCompose(ps -> session.selectOne(ps.bind(cycleDay)))
        .thenApply(row -> row.map(r -> r.getLong(0)).orElse(0L));
  }

  /** Where an invoice number's entry lives: its series and sequence, and the partition's block. */
  record Place(String series, long block, long sequence) {
    static Place of(String number) {
      InvoiceNumbers.InvoiceNumber parsed = InvoiceNumbers.parse(number);
      return new Place(parsed.series().key(), parsed.sequence() / BLOCK, parsed.sequence());
    }

    /**
     * The place of an invoice or credit note number: credit notes are registered in the same table,
     * under their own series keys ({@code CN-ACME-2026}).
     */
    static Place ofAny(String number) {
      if (!CreditNoteNumbers.isCreditNoteNumber(number)) {
        return of(number);
      }
      InvoiceNumbers.InvoiceNumber parsed = CreditNoteNumbers.parse(number);
      return new Place(
          CreditNoteNumbers.PREFIX + "-" + parsed.series().key(),
          parsed.sequence() / BLOCK,
          parsed.sequence());
    }

    /** The partition: series and block. */
    String partition() {
      return series + "/" + block;
    }
  }

  /**
   * Writes the entries (upserts: writing one again changes nothing), one batch per partition; the
   * batches run concurrently. A batch within one partition is applied atomically and costs
   * Cassandra about one write.
   */
  public CompletionStage<Done> register(List<Registered> entries) {
    if (entries.isEmpty()) {
      return CompletableFuture.completedFuture(Done.getInstance());
    }
    return insertEntry.thenCompose(
        ps -> {
          Map<String, BatchStatementBuilder> batches = new LinkedHashMap<>();
          for (Registered r : entries) {
            Place place = Place.ofAny(r.entry().number());
            batches
                .computeIfAbsent(
                    place.partition(), k -> BatchStatement.builder(DefaultBatchType.UNLOGGED))
                .addStatement(bind(ps, place, r));
          }
          CompletableFuture<?>[] writes =
              batches.values().stream()
                  .map(batch -> session.executeWriteBatch(batch.build()).toCompletableFuture())
                  .toArray(CompletableFuture[]::new);
          return CompletableFuture.allOf(writes).thenApply(all -> Done.getInstance());
        });
  }

  private static com.datastax.oss.driver.api.core.cql.BoundStatement bind(
      PreparedStatement ps, Place place, Registered r) {
    InvoiceEntry e = r.entry();
    return ps.bind(
        place.series(),
        place.block(),
        place.sequence(),
        e.number(),
        e.accountId(),
        e.periodStart(),
        e.issueDate(),
        e.currency(),
        e.total(),
        r.persistenceId(),
        e.journalSequenceNr());
  }

  /**
   * The register entry of {@code number}; empty when there is none (also for a string that is not
   * an invoice number at all).
   */
  public CompletionStage<Optional<Registered>> registered(String number) {
    Place place;
    try {
      place = Place.of(number);
    } catch (IllegalArgumentException notANumber) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    return registeredAt(place);
  }

  /**
   * The register entry of credit note {@code number} (its {@code ReceivablesChanged} event in its
   * account's journal); empty when there is none or it is not a credit note number.
   */
  public CompletionStage<Optional<Registered>> registeredCreditNote(String number) {
    if (!CreditNoteNumbers.isCreditNoteNumber(number)) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    try {
      return registeredAt(Place.ofAny(number));
    } catch (IllegalArgumentException notANumber) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
  }

  private CompletionStage<Optional<Registered>> registeredAt(Place place) {
    return selectEntry
        .thenCompose(
            ps -> session.selectOne(ps.bind(place.series(), place.block(), place.sequence())))
        .thenApply(
            row ->
                row.map(
                    r ->
                        new Registered(
                            new InvoiceEntry(
                                r.getString("number"),
                                r.getString("account_id"),
                                r.getLocalDate("period_start"),
                                r.getLocalDate("issue_date"),
                                r.getString("currency"),
                                r.getBigDecimal("total"),
                                r.getLong("journal_sequence_nr")),
                            r.getString("persistence_id"))));
  }
}
