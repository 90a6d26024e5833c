package com.telco.billing.node.dunning.driver;

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
 * The dunning driver's tables in Cassandra: {@code dunning_due}, partitioned by evaluation date
 * (and {@value DateBuckets#BUCKETS} buckets of accounts per date) with a row per account, written
 * by the dunning projection and by the driver (a row moved to the next evaluation), deleted by
 * both; and {@code dunning_watermark}, the oldest date that may still have rows, so that a driver
 * starting on another node resumes there. Prepared statements only.
 *
 * <p>The driver's deletes carry the write time of the row it read ({@code USING TIMESTAMP}): a row
 * written again after the read (the projection racing the driver on the same date) has a later
 * write time and survives the delete. As for {@code collections_due}, the short {@code
 * gc_grace_seconds} lets compaction drop the tombstones after a day.
 */
public final class DunningDueStore implements DunningDueRows {

  /** The watermark's row: there is one dunning driver per cluster. */
  static final String DRIVER = "dunning";

  private final CassandraSession session;
  private final CompletionStage<PreparedStatement> insertRow;
  private final CompletionStage<PreparedStatement> selectRows;
  private final CompletionStage<PreparedStatement> deleteRow;
  private final CompletionStage<PreparedStatement> deleteRowAsOf;
  private final WatermarkStore watermark;

  /**
   * @param keyspace the keyspace of the read-side tables
   */
  public DunningDueStore(ActorSystem<?> system, String keyspace) {
    this.session = CassandraSessionRegistry.get(system).sessionFor("pekko.persistence.cassandra");
    String ks = keyspace;
    insertRow =
        session.prepare(
            "INSERT INTO "
                + ks
                + ".dunning_due (evaluate_on, bucket, account_id, scheduled_at)"
                + " VALUES (?, ?, ?, ?)");
    selectRows =
        session.prepare(
            "SELECT account_id, WRITETIME(scheduled_at) FROM "
                + ks
                + ".dunning_due WHERE evaluate_on = ? AND bucket = ?");
    deleteRow =
        session.prepare(
            "DELETE FROM "
                + ks
                + ".dunning_due WHERE evaluate_on = ? AND bucket = ? AND account_id = ?");
    deleteRowAsOf =
        session.prepare(
            "DELETE FROM "
                + ks
                + ".dunning_due USING TIMESTAMP ? WHERE evaluate_on = ? AND bucket = ?"
                + " AND account_id = ?");
    watermark = new WatermarkStore(session, ks, "dunning_watermark", DRIVER);
  }

  /** The statements that create the tables in {@code keyspace}. */
  public static List<String> createStatements(String keyspace) {
    return List.of(
        "CREATE TABLE IF NOT EXISTS "
            + keyspace
            + ".dunning_due (evaluate_on date, bucket int, account_id text,"
            + " scheduled_at timestamp, PRIMARY KEY ((evaluate_on, bucket), account_id))"
            + " WITH gc_grace_seconds = 86400",
        WatermarkStore.createStatement(keyspace, "dunning_watermark"));
  }

  @Override
  public Source<DunningDueRow, NotUsed> dueOn(LocalDate date) {
    return DateBuckets.rowsOn(session, selectRows, date)
        .map(row -> new DunningDueRow(date, row.getString(0), row.getLong(1)));
  }

  @Override
  public CompletionStage<Done> schedule(String accountId, LocalDate on) {
    return insertRow.thenCompose(
        ps ->
            session.executeWrite(
                ps.bind(on, DateBuckets.bucketOf(accountId), accountId, Instant.now())));
  }

  @Override
  public CompletionStage<Done> remove(String accountId, LocalDate on) {
    return deleteRow.thenCompose(
        ps -> session.executeWrite(ps.bind(on, DateBuckets.bucketOf(accountId), accountId)));
  }

  @Override
  public CompletionStage<Done> removeIfUnchanged(DunningDueRow row) {
    return deleteRowAsOf.thenCompose(
        ps ->
            session.executeWrite(
                ps.bind(
                    row.version(),
                    row.evaluateOn(),
                    DateBuckets.bucketOf(row.accountId()),
                    row.accountId())));
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
