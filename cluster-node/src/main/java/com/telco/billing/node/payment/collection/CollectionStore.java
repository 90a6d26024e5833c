package com.telco.billing.node.payment.collection;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.telco.billing.node.rounds.DateBuckets;
import com.telco.billing.node.rounds.WatermarkStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSession;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSessionRegistry;
import org.apache.pekko.stream.javadsl.Source;

/**
 * The collection driver's tables in Cassandra: {@code collections_due}, partitioned by collection
 * date (and {@value DateBuckets#BUCKETS} buckets of accounts per date) with a row per account and
 * invoice, written by {@link CollectionProjection} and by the driver (retries, later asks), deleted
 * by the driver; and {@code collection_watermark}, the oldest date that may still have rows, so
 * that a driver starting on another node resumes there. Prepared statements only.
 *
 * <p>Every collected invoice leaves a tombstone in its date's partition, and the driver reads
 * today's and yesterday's partitions every round: the buckets keep the tombstones one read meets
 * far below Cassandra's failure threshold (100,000) on a day of a million collections, and the
 * table's short {@code gc_grace_seconds} lets compaction drop them after a day. (A delete that a
 * replica missed for longer may bring a row back: the driver asks its account again, which answers
 * that there is nothing to collect.)
 */
public final class CollectionStore implements DueRows {

  /** The watermark's row: there is one driver per cluster. */
  static final String DRIVER = "collection";

  private final CassandraSession session;
  private final CompletionStage<PreparedStatement> insertRow;
  private final CompletionStage<PreparedStatement> selectRows;
  private final CompletionStage<PreparedStatement> deleteRow;
  private final WatermarkStore watermark;

  /**
   * @param keyspace the keyspace of the read-side tables
   */
  public CollectionStore(ActorSystem<?> system, String keyspace) {
    this.session = CassandraSessionRegistry.get(system).sessionFor("pekko.persistence.cassandra");
    String ks = keyspace;
    insertRow =
        session.prepare(
            "INSERT INTO "
                + ks
                + ".collections_due (collect_on, bucket, account_id, invoice_number,"
                + " requested_on, scheduled_at) VALUES (?, ?, ?, ?, ?, ?)");
    selectRows =
        session.prepare(
            "SELECT account_id, invoice_number FROM "
                + ks
                + ".collections_due WHERE collect_on = ? AND bucket = ?");
    deleteRow =
        session.prepare(
            "DELETE FROM "
                + ks
                + ".collections_due WHERE collect_on = ? AND bucket = ? AND account_id = ?"
                + " AND invoice_number = ?");
    watermark = new WatermarkStore(session, ks, "collection_watermark", DRIVER);
  }

  /** The statements that create the tables in {@code keyspace}. */
  public static List<String> createStatements(String keyspace) {
    return List.of(
        "CREATE TABLE IF NOT EXISTS "
            + keyspace
            + ".collections_due (collect_on date, bucket int, account_id text,"
            + " invoice_number text, requested_on date, scheduled_at timestamp,"
            + " PRIMARY KEY ((collect_on, bucket), account_id, invoice_number))"
            + " WITH gc_grace_seconds = 86400",
        WatermarkStore.createStatement(keyspace, "collection_watermark"));
  }

  @Override
  public Source<DueRow, NotUsed> dueOn(LocalDate collectOn) {
    return DateBuckets.rowsOn(session, selectRows, collectOn)
        .map(row -> new DueRow(collectOn, row.getString(0), row.getString(1)));
  }

  @Override
  public CompletionStage<Done> schedule(DueRow row, LocalDate requestedOn, Instant scheduledAt) {
    return insertRow.thenCompose(
        ps ->
            session.executeWrite(
                ps.bind(
                    row.collectOn(),
                    DateBuckets.bucketOf(row.accountId()),
                    row.accountId(),
                    row.invoiceNumber(),
                    requestedOn,
                    scheduledAt)));
  }

  @Override
  public CompletionStage<Done> remove(DueRow row) {
    return deleteRow.thenCompose(
        ps ->
            session.executeWrite(
                ps.bind(
                    row.collectOn(),
                    DateBuckets.bucketOf(row.accountId()),
                    row.accountId(),
                    row.invoiceNumber())));
  }

  @Override
  public CompletionStage<Optional<LocalDate>> watermark() {
    return watermark.read();
  }

  @Override
  public CompletionStage<Done> saveWatermark(LocalDate newWatermark) {
    return watermark.save(newWatermark);
  }
}
