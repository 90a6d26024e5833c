package com.telco.billing.node.payment.directdebit;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.Statement;
import com.telco.billing.protocol.payment.DirectDebitInstruction;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSession;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSessionRegistry;

/**
 * The direct debit tables (docs/operations.md, "Direct debit files"); prepared statements only.
 *
 * <ul>
 *   <li>{@code direct_debit_instructions} (key: end-to-end id): which legal entity and date an
 *       end-to-end id was added for; claimed with a lightweight transaction, so adding is
 *       idempotent by end-to-end id.
 *   <li>{@code direct_debit_pending} (partition: legal entity and collection date): the
 *       instructions, in full (the file needs the debtor's IBAN; nothing else reads it).
 *   <li>{@code direct_debit_dates} (partition: legal entity): the collection dates with
 *       instructions, so that filing finds them without a scan.
 *   <li>{@code direct_debit_files} (partition: legal entity; rows: collection date, sequence): each
 *       file's id, creation time and its end-to-end ids, claimed with a lightweight transaction
 *       before its XML is built, then its count and sum once complete. Every instruction belongs to
 *       at most one file: a file claims only ids no earlier file of its date holds, and only one
 *       claim of a sequence number succeeds.
 *   <li>{@code direct_debit_content} (key: file id): the XML, so that any node serves it.
 *   <li>{@code direct_debit_entries} (partition: file id; rows: end-to-end id): account, invoice,
 *       payment and amount of each transaction, for returns.
 *   <li>{@code direct_debit_returns} (partition: file id; rows: end-to-end id): each bank return
 *       recorded with its outcome, once.
 * </ul>
 */
public final class DirectDebitStore {
  private static final String PLUGIN = "pekko.persistence.cassandra";
  private static final String INSTRUCTION_COLUMNS =
      "end_to_end_id, account_id, invoice_number, payment_id, amount, currency, mandate_id,"
          + " mandate_signed_on, sequence_type, debtor_name, debtor_iban, debtor_bic";
  private static final String FILE_COLUMNS =
      "collection_date, sequence, file_id, created_at, end_to_end_ids, complete,"
          + " number_of_transactions, control_sum, currency";

  /** Entry rows written per batch (one partition: applied together, one round trip). */
  private static final int ENTRY_BATCH = 100;

  private final CassandraSession session;
  private final Set<String> legalEntities;
  private final String readProfile;
  private final String writeProfile;
  private final CompletionStage<PreparedStatement> claimInstruction;
  private final CompletionStage<PreparedStatement> instructionPlace;
  private final CompletionStage<PreparedStatement> insertPending;
  private final CompletionStage<PreparedStatement> insertDate;
  private final CompletionStage<PreparedStatement> selectDates;
  private final CompletionStage<PreparedStatement> selectPending;
  private final CompletionStage<PreparedStatement> claimFile;
  private final CompletionStage<PreparedStatement> selectFilesOfDate;
  private final CompletionStage<PreparedStatement> selectFilesAfter;
  private final CompletionStage<PreparedStatement> completeFile;
  private final CompletionStage<PreparedStatement> insertContent;
  private final CompletionStage<PreparedStatement> selectContent;
  private final CompletionStage<PreparedStatement> insertEntry;
  private final CompletionStage<PreparedStatement> selectEntries;
  private final CompletionStage<PreparedStatement> insertReturn;
  private final CompletionStage<PreparedStatement> selectReturn;

  /**
   * @param legalEntities the legal entities with a creditor: only their instructions are taken
   */
  public DirectDebitStore(ActorSystem<?> system, String keyspace, Set<String> legalEntities) {
    this.session = CassandraSessionRegistry.get(system).sessionFor(PLUGIN);
    this.legalEntities = Set.copyOf(legalEntities);
    var config = system.settings().config();
    // the journal's profiles: a stored file or return is on a quorum, as an event is
    this.readProfile = config.getString(PLUGIN + ".read-profile");
    this.writeProfile = config.getString(PLUGIN + ".write-profile");
    String ks = keyspace + ".";
    claimInstruction =
        session.prepare(
            "INSERT INTO "
                + ks
                + "direct_debit_instructions (end_to_end_id, legal_entity, collection_date)"
                + " VALUES (?, ?, ?) IF NOT EXISTS");
    instructionPlace =
        session.prepare(
            "SELECT legal_entity, collection_date FROM "
                + ks
                + "direct_debit_instructions WHERE end_to_end_id = ?");
    insertPending =
        session.prepare(
            "INSERT INTO "
                + ks
                + "direct_debit_pending (legal_entity, collection_date, "
                + INSTRUCTION_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insertDate =
        session.prepare(
            "INSERT INTO "
                + ks
                + "direct_debit_dates (legal_entity, collection_date) VALUES (?, ?)");
    selectDates =
        session.prepare(
            "SELECT collection_date FROM "
                + ks
                + "direct_debit_dates WHERE legal_entity = ? AND collection_date >= ?"
                + " AND collection_date <= ?");
    selectPending =
        session.prepare(
            "SELECT "
                + INSTRUCTION_COLUMNS
                + " FROM "
                + ks
                + "direct_debit_pending WHERE legal_entity = ? AND collection_date = ?");
    claimFile =
        session.prepare(
            "INSERT INTO "
                + ks
                + "direct_debit_files (legal_entity, collection_date, sequence, file_id,"
                + " created_at, end_to_end_ids, complete) VALUES (?, ?, ?, ?, ?, ?, false)"
                + " IF NOT EXISTS");
    selectFilesOfDate =
        session.prepare(
            "SELECT "
                + FILE_COLUMNS
                + " FROM "
                + ks
                + "direct_debit_files WHERE legal_entity = ? AND collection_date = ?");
    selectFilesAfter =
        session.prepare(
            "SELECT "
                + FILE_COLUMNS
                + " FROM "
                + ks
                + "direct_debit_files WHERE legal_entity = ?"
                + " AND (collection_date, sequence) > (?, ?)"
                + " AND (collection_date, sequence) <= (?, ?) LIMIT ?");
    completeFile =
        session.prepare(
            "UPDATE "
                + ks
                + "direct_debit_files SET complete = true, number_of_transactions = ?,"
                + " control_sum = ?, currency = ? WHERE legal_entity = ? AND collection_date = ?"
                + " AND sequence = ?");
    insertContent =
        session.prepare(
            "INSERT INTO "
                + ks
                + "direct_debit_content (file_id, legal_entity, collection_date, sequence, xml)"
                + " VALUES (?, ?, ?, ?, ?)");
    selectContent =
        session.prepare("SELECT xml FROM " + ks + "direct_debit_content WHERE file_id = ?");
    insertEntry =
        session.prepare(
            "INSERT INTO "
                + ks
                + "direct_debit_entries (file_id, end_to_end_id, account_id, invoice_number,"
                + " payment_id, amount, currency) VALUES (?, ?, ?, ?, ?, ?, ?)");
    selectEntries =
        session.prepare(
            "SELECT end_to_end_id, account_id, invoice_number, payment_id, amount, currency"
                + " FROM "
                + ks
                + "direct_debit_entries WHERE file_id = ?");
    insertReturn =
        session.prepare(
            "INSERT INTO "
                + ks
                + "direct_debit_returns (file_id, end_to_end_id, reason_code, status,"
                + " recorded_at) VALUES (?, ?, ?, ?, ?) IF NOT EXISTS");
    selectReturn =
        session.prepare(
            "SELECT end_to_end_id, reason_code, status, recorded_at FROM "
                + ks
                + "direct_debit_returns WHERE file_id = ? AND end_to_end_id = ?");
  }

  /** The statements that create the direct debit tables in {@code keyspace}. */
  public static List<String> createStatements(String keyspace) {
    String ks = keyspace + ".";
    return List.of(
        "CREATE TABLE IF NOT EXISTS "
            + ks
            + "direct_debit_instructions (end_to_end_id text PRIMARY KEY, legal_entity text,"
            + " collection_date date)",
        "CREATE TABLE IF NOT EXISTS "
            + ks
            + "direct_debit_pending (legal_entity text, collection_date date, end_to_end_id text,"
            + " account_id text, invoice_number text, payment_id text, amount decimal,"
            + " currency text, mandate_id text, mandate_signed_on date, sequence_type text,"
            + " debtor_name text, debtor_iban text, debtor_bic text,"
            + " PRIMARY KEY ((legal_entity, collection_date), end_to_end_id))",
        "CREATE TABLE IF NOT EXISTS "
            + ks
            + "direct_debit_dates (legal_entity text, collection_date date,"
            + " PRIMARY KEY ((legal_entity), collection_date))",
        "CREATE TABLE IF NOT EXISTS "
            + ks
            + "direct_debit_files (legal_entity text, collection_date date, sequence int,"
            + " file_id text, created_at timestamp, end_to_end_ids set<text>, complete boolean,"
            + " number_of_transactions int, control_sum decimal, currency text,"
            + " PRIMARY KEY ((legal_entity), collection_date, sequence))",
        "CREATE TABLE IF NOT EXISTS "
            + ks
            + "direct_debit_content (file_id text PRIMARY KEY, legal_entity text,"
            + " collection_date date, sequence int, xml blob)",
        "CREATE TABLE IF NOT EXISTS "
            + ks
            + "direct_debit_entries (file_id text, end_to_end_id text, account_id text,"
            + " invoice_number text, payment_id text, amount decimal, currency text,"
            + " PRIMARY KEY ((file_id), end_to_end_id))",
        "CREATE TABLE IF NOT EXISTS "
            + ks
            + "direct_debit_returns (file_id text, end_to_end_id text, reason_code text,"
            + " status text, recorded_at timestamp, PRIMARY KEY ((file_id), end_to_end_id))");
  }

  /**
   * Adds an instruction to the pending ones of its legal entity and collection date. Idempotent by
   * end-to-end id: adding it again (e.g. after a timeout) changes nothing. Fails with {@link
   * IllegalArgumentException} (nothing stored) when the end-to-end id was added for another legal
   * entity or date, and for an instruction no file could hold: a legal entity without a creditor, a
   * currency other than EUR, an amount not positive or not a whole number of cents, an end-to-end
   * id over 35 characters.
   */
  public CompletionStage<Done> addPending(DirectDebitInstruction i) {
    try {
      checkFileable(i);
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(e);
    }
    return claimInstruction
        .thenCompose(
            ps ->
                session.selectOne(
                    ps.bind(i.endToEndId(), i.legalEntity(), i.collectionDate())
                        .setExecutionProfileName(writeProfile)))
        .thenCompose(
            row -> {
              boolean applied = row.map(r -> r.getBoolean("[applied]")).orElse(false);
              if (applied) {
                return CompletableFuture.completedFuture(true);
              }
              return place(i.endToEndId())
                  .thenApply(
                      place ->
                          place.isPresent()
                              && place.get().legalEntity().equals(i.legalEntity())
                              && place.get().collectionDate().equals(i.collectionDate()));
            })
        .thenCompose(
            same -> {
              if (!same) {
                return CompletableFuture.failedFuture(
                    new IllegalArgumentException(
                        "end-to-end id "
                            + i.endToEndId()
                            + " was added for another legal entity or collection date"));
              }
              // written again on a repeat: a crash may have come between the claim and these
              return insertPending
                  .thenCompose(ps -> write(bindPending(ps, i)))
                  .thenCompose(
                      done ->
                          insertDate.thenCompose(
                              ps -> write(ps.bind(i.legalEntity(), i.collectionDate()))));
            });
  }

  private void checkFileable(DirectDebitInstruction i) {
    if (!legalEntities.contains(i.legalEntity())) {
      throw new IllegalArgumentException(
          "no direct debit creditor is configured for legal entity " + i.legalEntity());
    }
    if (!"EUR".equals(i.currency().getCurrencyCode())) {
      throw new IllegalArgumentException("SEPA direct debits are in EUR");
    }
    Pain008Writer.amount(i.amount());
    if (i.endToEndId().isEmpty() || i.endToEndId().length() > 35) {
      throw new IllegalArgumentException("an end-to-end id has 1..35 characters");
    }
  }

  private record Place(String legalEntity, LocalDate collectionDate) {}

  private CompletionStage<Optional<Place>> place(String endToEndId) {
    return instructionPlace
        .thenCompose(
            ps ->
                session.selectOne(
                    ps.bind(endToEndId)
                        .setConsistencyLevel(DefaultConsistencyLevel.SERIAL)
                        .setExecutionProfileName(readProfile)))
        .thenApply(
            row ->
                row.map(
                    r ->
                        new Place(r.getString("legal_entity"), r.getLocalDate("collection_date"))));
  }

  private static BoundStatement bindPending(PreparedStatement ps, DirectDebitInstruction i) {
    return ps.bind(
        i.legalEntity(),
        i.collectionDate(),
        i.endToEndId(),
        i.accountId(),
        i.invoiceNumber(),
        i.paymentId(),
        i.amount(),
        i.currency().getCurrencyCode(),
        i.mandateId(),
        i.mandateSignedOn(),
        i.sequenceType(),
        i.debtorName(),
        i.debtorIban(),
        i.debtorBic());
  }

  /** The collection dates in {@code [from, to]} with instructions of {@code legalEntity}. */
  public CompletionStage<List<LocalDate>> pendingDates(
      String legalEntity, LocalDate from, LocalDate to) {
    return selectDates
        .thenCompose(ps -> session.selectAll(read(ps.bind(legalEntity, from, to))))
        .thenApply(rows -> rows.stream().map(r -> r.getLocalDate("collection_date")).toList());
  }

  /** Every instruction added for {@code legalEntity} and {@code date}, by end-to-end id. */
  public CompletionStage<List<DirectDebitInstruction>> instructions(
      String legalEntity, LocalDate date) {
    return selectPending
        .thenCompose(ps -> session.selectAll(read(ps.bind(legalEntity, date))))
        .thenApply(rows -> rows.stream().map(r -> instruction(legalEntity, date, r)).toList());
  }

  private static DirectDebitInstruction instruction(String legalEntity, LocalDate date, Row r) {
    return new DirectDebitInstruction(
        r.getString("end_to_end_id"),
        r.getString("account_id"),
        r.getString("invoice_number"),
        r.getString("payment_id"),
        legalEntity,
        date,
        r.getBigDecimal("amount"),
        Currency.getInstance(r.getString("currency")),
        r.getString("mandate_id"),
        r.getLocalDate("mandate_signed_on"),
        r.getString("sequence_type"),
        r.getString("debtor_name"),
        r.getString("debtor_iban"),
        r.getString("debtor_bic"));
  }

  /** A file as stored: its summary and the end-to-end ids it claimed. */
  public record StoredFile(FileSummary summary, Set<String> endToEndIds) {
    public StoredFile {
      endToEndIds = Set.copyOf(endToEndIds);
    }
  }

  /**
   * The files of {@code legalEntity} and {@code date}, by sequence, read at serial consistency so
   * that every claim that succeeded is seen.
   */
  public CompletionStage<List<StoredFile>> files(String legalEntity, LocalDate date) {
    return selectFilesOfDate
        .thenCompose(
            ps ->
                session.selectAll(
                    ps.bind(legalEntity, date)
                        .setExecutionProfileName(readProfile)
                        .setConsistencyLevel(DefaultConsistencyLevel.SERIAL)))
        .thenApply(rows -> rows.stream().map(r -> storedFile(legalEntity, r)).toList());
  }

  private static StoredFile storedFile(String legalEntity, Row r) {
    Set<String> ids = r.getSet("end_to_end_ids", String.class);
    boolean complete = !r.isNull("complete") && r.getBoolean("complete");
    BigDecimal sum = r.getBigDecimal("control_sum");
    return new StoredFile(
        new FileSummary(
            r.getString("file_id"),
            legalEntity,
            r.getLocalDate("collection_date"),
            r.getInt("sequence"),
            complete ? r.getInt("number_of_transactions") : ids == null ? 0 : ids.size(),
            sum,
            r.getString("currency"),
            r.getInstant("created_at"),
            complete),
        ids == null ? Set.of() : ids);
  }

  /**
   * Claims sequence {@code sequence} of {@code legalEntity} and {@code date} for a file of {@code
   * endToEndIds}; true when this call's claim is the one stored.
   */
  public CompletionStage<Boolean> claimFile(
      String legalEntity,
      LocalDate date,
      int sequence,
      String fileId,
      Instant createdAt,
      Set<String> endToEndIds) {
    return claimFile
        .thenCompose(
            ps ->
                session.selectOne(
                    ps.bind(
                            legalEntity,
                            date,
                            sequence,
                            fileId,
                            createdAt,
                            new TreeSet<>(endToEndIds))
                        .setExecutionProfileName(writeProfile)))
        .thenApply(row -> row.map(r -> r.getBoolean("[applied]")).orElse(false));
  }

  /**
   * Stores a built file: its entries and XML, then marks it complete with its count and sum (in
   * this order, so that a complete file always has both; a repeat writes the same rows again).
   */
  public CompletionStage<Done> storeFile(
      FileSummary file, List<DirectDebitInstruction> instructions, byte[] xml) {
    CompletionStage<Done> done = CompletableFuture.completedFuture(Done.getInstance());
    for (int from = 0; from < instructions.size(); from += ENTRY_BATCH) {
      List<DirectDebitInstruction> chunk =
          instructions.subList(from, Math.min(instructions.size(), from + ENTRY_BATCH));
      done =
          done.thenCompose(previous -> insertEntry)
              .thenCompose(
                  ps -> {
                    List<BoundStatement> rows = new ArrayList<>();
                    for (DirectDebitInstruction i : chunk) {
                      rows.add(
                          ps.bind(
                              file.fileId(),
                              i.endToEndId(),
                              i.accountId(),
                              i.invoiceNumber(),
                              i.paymentId(),
                              i.amount(),
                              i.currency().getCurrencyCode()));
                    }
                    return write(
                        BatchStatement.newInstance(
                            DefaultBatchType.UNLOGGED, rows.toArray(new BoundStatement[0])));
                  });
    }
    return done.thenCompose(previous -> insertContent)
        .thenCompose(
            ps ->
                write(
                    ps.bind(
                        file.fileId(),
                        file.legalEntity(),
                        file.collectionDate(),
                        file.sequence(),
                        ByteBuffer.wrap(xml))))
        .thenCompose(previous -> completeFile)
        .thenCompose(
            ps ->
                write(
                    ps.bind(
                        file.numberOfTransactions(),
                        file.controlSum(),
                        file.currency(),
                        file.legalEntity(),
                        file.collectionDate(),
                        file.sequence())));
  }

  /** The XML of a file, if it is stored. */
  public CompletionStage<Optional<byte[]>> content(String fileId) {
    return selectContent
        .thenCompose(ps -> session.selectOne(read(ps.bind(fileId))))
        .thenApply(
            row ->
                row.map(
                    r -> {
                      ByteBuffer buffer = r.getByteBuffer("xml");
                      byte[] bytes = new byte[buffer.remaining()];
                      buffer.duplicate().get(bytes);
                      return bytes;
                    }));
  }

  /** The entries of a file by end-to-end id; empty for a file that does not exist. */
  public CompletionStage<Map<String, FileEntry>> entries(String fileId) {
    return selectEntries
        .thenCompose(ps -> session.selectAll(read(ps.bind(fileId))))
        .thenApply(
            rows -> {
              Map<String, FileEntry> entries = new TreeMap<>();
              for (Row r : rows) {
                FileEntry entry =
                    new FileEntry(
                        fileId,
                        r.getString("end_to_end_id"),
                        r.getString("account_id"),
                        r.getString("invoice_number"),
                        r.getString("payment_id"),
                        r.getBigDecimal("amount"),
                        Currency.getInstance(r.getString("currency")));
                entries.put(entry.endToEndId(), entry);
              }
              return entries;
            });
  }

  /**
   * One page of complete and building files of the given legal entities (in their order), by
   * collection date and sequence, with collection dates in {@code [from, to]}, after {@code after}
   * (null: from the start).
   *
   * @return at most {@code limit + 1} files: one more than asked tells the caller a next page
   *     exists
   */
  public CompletionStage<List<FileSummary>> list(
      List<String> legalEntities, LocalDate from, LocalDate to, FileSummary after, int limit) {
    List<String> entities =
        after == null
            ? legalEntities
            : legalEntities.stream().filter(le -> le.compareTo(after.legalEntity()) >= 0).toList();
    return listFrom(entities, 0, from, to, after, limit + 1, new ArrayList<>());
  }

  private CompletionStage<List<FileSummary>> listFrom(
      List<String> entities,
      int index,
      LocalDate from,
      LocalDate to,
      FileSummary after,
      int wanted,
      List<FileSummary> found) {
    if (index >= entities.size() || found.size() >= wanted) {
      return CompletableFuture.completedFuture(found);
    }
    String legalEntity = entities.get(index);
    boolean resume = after != null && after.legalEntity().equals(legalEntity);
    LocalDate afterDate = resume ? after.collectionDate() : from;
    int afterSequence = resume ? after.sequence() : 0;
    return selectFilesAfter
        .thenCompose(
            ps ->
                session.selectAll(
                    read(
                        ps.bind(
                            legalEntity,
                            afterDate,
                            afterSequence,
                            to,
                            Integer.MAX_VALUE,
                            wanted - found.size()))))
        .thenCompose(
            rows -> {
              rows.forEach(r -> found.add(storedFile(legalEntity, r).summary()));
              return listFrom(entities, index + 1, from, to, after, wanted, found);
            });
  }

  /** A return as recorded. */
  public record RecordedReturn(
      String endToEndId, String reasonCode, ReturnOutcome outcome, Instant recordedAt) {}

  /** The return recorded for a transaction of a file, if any. */
  public CompletionStage<Optional<RecordedReturn>> recordedReturn(
      String fileId, String endToEndId) {
    return selectReturn
        .thenCompose(
            ps ->
                session.selectOne(
                    ps.bind(fileId, endToEndId)
                        .setExecutionProfileName(readProfile)
                        .setConsistencyLevel(DefaultConsistencyLevel.SERIAL)))
        .thenApply(row -> row.map(DirectDebitStore::recordedReturn));
  }

  private static RecordedReturn recordedReturn(Row r) {
    return new RecordedReturn(
        r.getString("end_to_end_id"),
        r.getString("reason_code"),
        new ReturnOutcome(ReturnOutcome.Status.valueOf(r.getString("status"))),
        r.getInstant("recorded_at"));
  }

  /**
   * Records a return once: the first recorded for the transaction is kept and answered (a repeat,
   * or a concurrent second call, gets the first one).
   */
  public CompletionStage<RecordedReturn> recordReturn(
      String fileId, String endToEndId, String reasonCode, ReturnOutcome outcome, Instant at) {
    return insertReturn
        .thenCompose(
            ps ->
                session.selectOne(
                    ps.bind(fileId, endToEndId, reasonCode, outcome.status().name(), at)
                        .setExecutionProfileName(writeProfile)))
        .thenCompose(
            row -> {
              if (row.map(r -> r.getBoolean("[applied]")).orElse(false)) {
                return CompletableFuture.completedFuture(
                    new RecordedReturn(endToEndId, reasonCode, outcome, at));
              }
              return recordedReturn(fileId, endToEndId).thenApply(Optional::orElseThrow);
            });
  }

  private Statement<?> read(BoundStatement statement) {
    return statement.setExecutionProfileName(readProfile);
  }

  private CompletionStage<Done> write(Statement<?> statement) {
    return session.executeWrite(statement.setExecutionProfileName(writeProfile));
  }
}
