package com.telco.billing.node.usage.intake;

import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.uuid.Uuids;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSession;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSessionRegistry;

/**
 * The intake log's three tables, prepared statements only, with the journal's read and write
 * profiles (consistency QUORUM):
 *
 * <ul>
 *   <li>{@code usage_intake}: one row per received batch, its body as sent, in partitions of
 *       ({@code partition}, hour {@code bucket}) ordered by the time-based {@code batch_id}, so
 *       that one reader per partition scans the batches in order. Partition and bucket follow from
 *       the batch id alone, so a batch is found by its id.
 *   <li>{@code usage_batch_status}: the outcomes of a rated batch.
 *   <li>{@code usage_intake_offset}: per partition, the hour bucket and last batch id a reader has
 *       rated up to (stored only after the status rows of everything before it).
 * </ul>
 */
public final class IntakeLog {
  private static final DateTimeFormatter HOUR =
      DateTimeFormatter.ofPattern("yyyyMMddHH").withZone(ZoneOffset.UTC);
  private static final long HOUR_MILLIS = 3_600_000L;

  private final CassandraSession session;
  private final IntakeSettings settings;
  private final String readProfile;
  private final String writeProfile;
  private final CompletionStage<PreparedStatement> insertBatch;
  private final CompletionStage<PreparedStatement> selectBatch;
  private final CompletionStage<PreparedStatement> selectPage;
  private final CompletionStage<PreparedStatement> insertStatus;
  private final CompletionStage<PreparedStatement> selectStatus;
  private final CompletionStage<PreparedStatement> selectRatedAt;
  private final CompletionStage<PreparedStatement> insertOffset;
  private final CompletionStage<PreparedStatement> selectOffset;
  private final CompletionStage<PreparedStatement> selectPending;

  /** A received batch as stored. */
  public record Batch(
      UUID batchId,
      Instant receivedAt,
      String format,
      String body,
      int received,
      String rejections) {}

  /** The outcomes of a rated batch (a JSON array of usage outcomes). */
  public record Status(UUID batchId, Instant ratedAt, String outcomes) {}

  /** Where a reader stands: the hour bucket (epoch hours) and the last batch id rated, if any. */
  public record Offset(long hour, UUID after) {}

  public IntakeLog(ActorSystem<?> system, IntakeSettings settings) {
    this.session = CassandraSessionRegistry.get(system).sessionFor("pekko.persistence.cassandra");
    this.settings = settings;
    var config = system.settings().config();
    this.readProfile = config.getString("pekko.persistence.cassandra.read-profile");
    this.writeProfile = config.getString("pekko.persistence.cassandra.write-profile");
    String ks = config.getString("billing.cassandra.keyspace");
    insertBatch =
        session.prepare(
            "INSERT INTO "
                + ks
                + ".usage_intake (partition, bucket, batch_id, received_at, format, body, received,"
                + " rejections) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    String columns = "batch_id, received_at, format, body, received, rejections";
    selectBatch =
        session.prepare(
            "SELECT "
                + columns
                + " FROM "
                + ks
                + ".usage_intake WHERE partition = ? AND bucket = ? AND batch_id = ?");
    selectPage =
        session.prepare(
            "SELECT "
                + columns
                + " FROM "
                + ks
                + ".usage_intake WHERE partition = ? AND bucket = ? AND batch_id > ? AND batch_id"
                + " <= ? LIMIT ?");
    insertStatus =
        session.prepare(
            "INSERT INTO "
                + ks
                + ".usage_batch_status (batch_id, rated_at, outcomes) VALUES (?, ?, ?)");
    selectStatus =
        session.prepare(
            "SELECT batch_id, rated_at, outcomes FROM "
                + ks
                + ".usage_batch_status WHERE batch_id = ?");
    selectRatedAt =
        session.prepare("SELECT rated_at FROM " + ks + ".usage_batch_status WHERE batch_id = ?");
    insertOffset =
        session.prepare(
            "INSERT INTO "
                + ks
                + ".usage_intake_offset (partition, hour, after, stored_at) VALUES (?, ?, ?, ?)");
    selectPending =
        session.prepare(
            "SELECT received FROM "
                + ks
                + ".usage_intake WHERE partition = ? AND bucket = ? AND batch_id > ?");
    selectOffset =
        session.prepare(
            "SELECT hour, after FROM " + ks + ".usage_intake_offset WHERE partition = ?");
  }

  /** The statements that create the intake tables in {@code keyspace}. */
  public static List<String> createStatements(String keyspace) {
    return List.of(
        "CREATE TABLE IF NOT EXISTS "
            + keyspace
            + ".usage_intake (partition int, bucket text, batch_id timeuuid, received_at"
            + " timestamp, format text, body blob, received int, rejections text,"
            + " PRIMARY KEY ((partition, bucket), batch_id))",
        "CREATE TABLE IF NOT EXISTS "
            + keyspace
            + ".usage_batch_status (batch_id timeuuid PRIMARY KEY, rated_at timestamp,"
            + " outcomes blob)",
        "CREATE TABLE IF NOT EXISTS "
            + keyspace
            + ".usage_intake_offset (partition int PRIMARY KEY, hour bigint, after timeuuid,"
            + " stored_at timestamp)");
  }

  /** The partition of a batch: consecutive ids go round the partitions. */
  public int partitionOf(UUID batchId) {
    return Math.floorMod((int) (batchId.getMostSignificantBits() >>> 32), settings.partitions());
  }

  /** The hour (since the epoch, UTC) of a batch id. */
  public static long hourOf(UUID batchId) {
    return Math.floorDiv(Uuids.unixTimestamp(batchId), HOUR_MILLIS);
  }

  static String bucket(long hour) {
    return HOUR.format(Instant.ofEpochMilli(hour * HOUR_MILLIS));
  }

  static long hourStartMillis(long hour) {
    return hour * HOUR_MILLIS;
  }

  private BoundStatement write(BoundStatement statement) {
    return statement.setExecutionProfileName(writeProfile);
  }

  private BoundStatement read(BoundStatement statement) {
    return statement.setExecutionProfileName(readProfile);
  }

  /** Writes a received batch, once, with the journal's write consistency. */
  public CompletionStage<Done> append(Batch batch) {
    byte[] body = batch.body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return insertBatch.thenCompose(
        ps ->
            session.executeWrite(
                write(
                    ps.bind(
                            partitionOf(batch.batchId()),
                            bucket(hourOf(batch.batchId())),
                            batch.batchId(),
                            batch.receivedAt(),
                            batch.format(),
                            ByteBuffer.wrap(body),
                            batch.received(),
                            batch.rejections())
                        .setTimeout(settings.writeTimeout()))));
  }

  /** The received batch with this id, if any. */
  public CompletionStage<Optional<Batch>> batch(UUID batchId) {
    return selectBatch
        .thenCompose(
            ps ->
                session.selectOne(
                    read(ps.bind(partitionOf(batchId), bucket(hourOf(batchId)), batchId))))
        .thenApply(row -> row.map(IntakeLog::toBatch));
  }

  /**
   * Up to {@code limit} batches of a partition's hour bucket after {@code after} (exclusive, or
   * from the bucket's start) up to the time {@code untilMillis} (inclusive), in batch id order.
   */
  public CompletionStage<List<Batch>> page(
      int partition, long hour, UUID after, long untilMillis, int limit) {
    UUID from = after != null ? after : Uuids.startOf(hourStartMillis(hour) - 1);
    return selectPage
        .thenCompose(
            ps ->
                session.selectAll(
                    read(ps.bind(partition, bucket(hour), from, Uuids.endOf(untilMillis), limit))))
        .thenApply(
            rows -> {
              List<Batch> batches = new ArrayList<>(rows.size());
              for (Row row : rows) {
                batches.add(toBatch(row));
              }
              return batches;
            });
  }

  private static Batch toBatch(Row row) {
    ByteBuffer body = row.getByteBuffer("body");
    byte[] bytes = new byte[body.remaining()];
    body.duplicate().get(bytes);
    return new Batch(
        row.getUuid("batch_id"),
        row.getInstant("received_at"),
        row.getString("format"),
        new String(bytes, java.nio.charset.StandardCharsets.UTF_8),
        row.getInt("received"),
        row.getString("rejections"));
  }

  public CompletionStage<Done> putStatus(UUID batchId, Instant ratedAt, String outcomesJson) {
    byte[] outcomes = outcomesJson.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return insertStatus.thenCompose(
        ps -> session.executeWrite(write(ps.bind(batchId, ratedAt, ByteBuffer.wrap(outcomes)))));
  }

  public CompletionStage<Optional<Status>> status(UUID batchId) {
    return selectStatus
        .thenCompose(ps -> session.selectOne(read(ps.bind(batchId))))
        .thenApply(
            row ->
                row.map(
                    r -> {
                      ByteBuffer b = r.getByteBuffer("outcomes");
                      byte[] bytes = new byte[b.remaining()];
                      b.duplicate().get(bytes);
                      return new Status(
                          r.getUuid("batch_id"),
                          r.getInstant("rated_at"),
                          new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
                    }));
  }

  /** Whether the batch has been rated (its status row exists). */
  public CompletionStage<Boolean> isRated(UUID batchId) {
    return selectRatedAt
        .thenCompose(ps -> session.selectOne(read(ps.bind(batchId))))
        .thenApply(Optional::isPresent);
  }

  /**
   * The batches of a partition's hour bucket after {@code after} (exclusive, or all): one record
   * count per batch.
   */
  public CompletionStage<List<Integer>> pending(int partition, long hour, UUID after) {
    UUID from = after != null ? after : Uuids.startOf(hourStartMillis(hour) - 1);
    return selectPending
        .thenCompose(ps -> session.selectAll(read(ps.bind(partition, bucket(hour), from))))
        .thenApply(rows -> rows.stream().map(r -> r.getInt(0)).toList());
  }

  public CompletionStage<Optional<Offset>> offset(int partition) {
    return selectOffset
        .thenCompose(ps -> session.selectOne(read(ps.bind(partition))))
        .thenApply(row -> row.map(r -> new Offset(r.getLong("hour"), r.getUuid("after"))));
  }

  public CompletionStage<Done> storeOffset(int partition, Offset offset, Instant now) {
    return insertOffset.thenCompose(
        ps -> session.executeWrite(write(ps.bind(partition, offset.hour(), offset.after(), now))));
  }
}
