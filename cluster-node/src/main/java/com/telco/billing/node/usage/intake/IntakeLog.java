package com.telco.billing.node.usage.intake;

import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.uuid.Uuids;
import com.telco.billing.node.usage.UsageSettings;
import com.telco.billing.protocol.Origin;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSession;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSessionRegistry;

/**
 * The intake log's tables, prepared statements only, with the journal's read and write profiles
 * (consistency QUORUM):
 *
 * <ul>
 *   <li>{@code usage_intake}: one row per received batch, its body as sent and the origin of the
 *       request that sent it ({@code subject}, {@code request_id}), in partitions of ({@code
 *       partition}, hour {@code bucket}) ordered by the time-based {@code batch_id}, so that one
 *       reader per partition scans the batches in order. Partition and bucket follow from the batch
 *       id alone, so a batch is found by its id.
 *   <li>{@code usage_batch_status}: the outcomes of a rated batch.
 *   <li>{@code usage_intake_offset}: per partition, the hour bucket and last batch id a reader has
 *       rated up to (stored only after the status or parked rows of everything before it).
 *   <li>{@code usage_batch_attempts}: the failed rating attempts of a batch not rated yet.
 *   <li>{@code usage_batch_parked}: per partition, the batches parked after their attempts, with
 *       the outcomes of the records that were rated and the reason.
 *   <li>{@code usage_batch_redrive}: per partition, the parked batches an operator asked to rate
 *       again, with the origin of the request that asked.
 * </ul>
 *
 * <p>Usage detail expires after the retention ({@code billing.usage.retention}, docs/operations.md,
 * "Data retention"): batches (their bodies) and the outcomes of rated batches are written {@code
 * USING TTL}, so a change of the setting applies to what is written from then on, without a schema
 * change. Parked rows are an operator's work list and stay until the batch is redriven; like
 * offsets, attempts and redrive requests they hold no record body.
 */
public final class IntakeLog implements BatchRating.Store {
  private static final DateTimeFormatter HOUR =
      DateTimeFormatter.ofPattern("yyyyMMddHH").withZone(ZoneOffset.UTC);
  private static final long HOUR_MILLIS = 3_600_000L;

  private final CassandraSession session;
  private final IntakeSettings settings;
  private final int ttlSeconds;
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
  private final CompletionStage<PreparedStatement> insertAttempt;
  private final CompletionStage<PreparedStatement> selectAttempt;
  private final CompletionStage<PreparedStatement> deleteAttempt;
  private final CompletionStage<PreparedStatement> insertParked;
  private final CompletionStage<PreparedStatement> selectParked;
  private final CompletionStage<PreparedStatement> selectParkedPage;
  private final CompletionStage<PreparedStatement> markRedrive;
  private final CompletionStage<PreparedStatement> deleteParked;
  private final CompletionStage<PreparedStatement> insertRedrive;
  private final CompletionStage<PreparedStatement> selectRedrives;
  private final CompletionStage<PreparedStatement> deleteRedrive;
  private final CompletionStage<PreparedStatement> deleteRedriveOf;

  /**
   * A received batch as stored.
   *
   * @param origin the request that sent it (null for batches stored before origins were), which the
   *     accounts' usage events of its records name
   */
  public record Batch(
      UUID batchId,
      Instant receivedAt,
      String format,
      String body,
      int received,
      String rejections,
      Origin origin) {

    /** This batch as rated on behalf of {@code other} (a redrive), or as it is if that is null. */
    public Batch ratedFor(Origin other) {
      return other == null
          ? this
          : new Batch(batchId, receivedAt, format, body, received, rejections, other);
    }
  }

  /** The outcomes of a rated batch (a JSON array of usage outcomes). */
  public record Status(UUID batchId, Instant ratedAt, String outcomes) {}

  /**
   * A redrive request: the batch, when it was asked for (the request's version) and who asked (null
   * for requests stored before origins were).
   */
  public record Redrive(UUID batchId, Instant requestedAt, Origin origin) {}

  /** Where a reader stands: the hour bucket (epoch hours) and the last batch id rated, if any. */
  public record Offset(long hour, UUID after) {}

  /**
   * The last failed rating attempt of a batch not rated yet.
   *
   * @param reason a stable code ({@link RatingFailure})
   * @param message what failed, never a submitted value
   */
  public record Attempt(
      UUID batchId, int attempts, String reason, String message, Instant failedAt) {}

  /**
   * A parked batch.
   *
   * @param outcomes a JSON array with one outcome per record, {@code null} for each record that
   *     failed in every attempt
   * @param redriveRequestedAt when an operator asked to rate it again (null: parked)
   */
  public record Parked(
      int partition,
      UUID batchId,
      Instant parkedAt,
      int attempts,
      String reason,
      String message,
      String outcomes,
      Instant redriveRequestedAt) {}

  /**
   * @param keyspace the keyspace of the intake tables
   * @param retention how long batches and their outcomes are kept (whole seconds, at least one)
   */
  public IntakeLog(
      ActorSystem<?> system, IntakeSettings settings, String keyspace, Duration retention) {
    this.session = CassandraSessionRegistry.get(system).sessionFor("pekko.persistence.cassandra");
    this.settings = settings;
    this.ttlSeconds = UsageSettings.ttlSeconds(retention);
    var config = system.settings().config();
    this.readProfile = config.getString("pekko.persistence.cassandra.read-profile");
    this.writeProfile = config.getString("pekko.persistence.cassandra.write-profile");
    String ks = keyspace;
    insertBatch =
        session.prepare(
            "INSERT INTO "
                + ks
                + ".usage_intake (partition, bucket, batch_id, received_at, format, body, received,"
                + " rejections, subject, request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " USING TTL ?");
    String columns =
        "batch_id, received_at, format, body, received, rejections, subject, request_id";
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
                + ".usage_batch_status (batch_id, rated_at, outcomes) VALUES (?, ?, ?) USING TTL"
                + " ?");
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
    insertAttempt =
        session.prepare(
            "INSERT INTO "
                + ks
                + ".usage_batch_attempts (batch_id, attempts, reason, message, failed_at) VALUES"
                + " (?, ?, ?, ?, ?)");
    selectAttempt =
        session.prepare(
            "SELECT batch_id, attempts, reason, message, failed_at FROM "
                + ks
                + ".usage_batch_attempts WHERE batch_id = ?");
    deleteAttempt =
        session.prepare("DELETE FROM " + ks + ".usage_batch_attempts WHERE batch_id = ?");
    String parkedColumns =
        "partition, batch_id, parked_at, attempts, reason, message, outcomes,"
            + " redrive_requested_at";
    // redrive_requested_at is bound (to null) so that parking a batch again clears the request
    insertParked =
        session.prepare(
            "INSERT INTO "
                + ks
                + ".usage_batch_parked ("
                + parkedColumns
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    selectParked =
        session.prepare(
            "SELECT "
                + parkedColumns
                + " FROM "
                + ks
                + ".usage_batch_parked WHERE partition = ? AND batch_id = ?");
    selectParkedPage =
        session.prepare(
            "SELECT "
                + parkedColumns
                + " FROM "
                + ks
                + ".usage_batch_parked WHERE partition = ? AND batch_id > ? LIMIT ?");
    // IF EXISTS: a redrive that comes after the reader removed the row must not create a stub row
    markRedrive =
        session.prepare(
            "UPDATE "
                + ks
                + ".usage_batch_parked SET redrive_requested_at = ? WHERE partition = ? AND"
                + " batch_id = ? IF EXISTS");
    deleteParked =
        session.prepare(
            "DELETE FROM " + ks + ".usage_batch_parked WHERE partition = ? AND batch_id = ?");
    insertRedrive =
        session.prepare(
            "INSERT INTO "
                + ks
                + ".usage_batch_redrive (partition, batch_id, requested_at, subject, request_id)"
                + " VALUES (?, ?, ?, ?, ?)");
    selectRedrives =
        session.prepare(
            "SELECT batch_id, requested_at, subject, request_id FROM "
                + ks
                + ".usage_batch_redrive WHERE partition = ? LIMIT ?");
    deleteRedrive =
        session.prepare(
            "DELETE FROM " + ks + ".usage_batch_redrive WHERE partition = ? AND batch_id = ?");
    // IF requested_at: a reader done with one request must not remove a newer one
    deleteRedriveOf =
        session.prepare(
            "DELETE FROM "
                + ks
                + ".usage_batch_redrive WHERE partition = ? AND batch_id = ? IF requested_at = ?");
  }

  /**
   * The statements that create the intake tables in {@code keyspace}; the last ones add the origin
   * columns to tables created before them.
   */
  public static List<String> createStatements(String keyspace) {
    return List.of(
        "CREATE TABLE IF NOT EXISTS "
            + keyspace
            + ".usage_intake (partition int, bucket text, batch_id timeuuid, received_at"
            + " timestamp, format text, body blob, received int, rejections text, subject text,"
            + " request_id text, PRIMARY KEY ((partition, bucket), batch_id))",
        "CREATE TABLE IF NOT EXISTS "
            + keyspace
            + ".usage_batch_status (batch_id timeuuid PRIMARY KEY, rated_at timestamp,"
            + " outcomes blob)",
        "CREATE TABLE IF NOT EXISTS "
            + keyspace
            + ".usage_intake_offset (partition int PRIMARY KEY, hour bigint, after timeuuid,"
            + " stored_at timestamp)",
        "CREATE TABLE IF NOT EXISTS "
            + keyspace
            + ".usage_batch_attempts (batch_id timeuuid PRIMARY KEY, attempts int, reason text,"
            + " message text, failed_at timestamp)",
        "CREATE TABLE IF NOT EXISTS "
            + keyspace
            + ".usage_batch_parked (partition int, batch_id timeuuid, parked_at timestamp,"
            + " attempts int, reason text, message text, outcomes blob, redrive_requested_at"
            + " timestamp, PRIMARY KEY (partition, batch_id))",
        "CREATE TABLE IF NOT EXISTS "
            + keyspace
            + ".usage_batch_redrive (partition int, batch_id timeuuid, requested_at timestamp,"
            + " subject text, request_id text, PRIMARY KEY (partition, batch_id))",
        "ALTER TABLE " + keyspace + ".usage_intake ADD IF NOT EXISTS subject text",
        "ALTER TABLE " + keyspace + ".usage_intake ADD IF NOT EXISTS request_id text",
        "ALTER TABLE " + keyspace + ".usage_batch_redrive ADD IF NOT EXISTS subject text",
        "ALTER TABLE " + keyspace + ".usage_batch_redrive ADD IF NOT EXISTS request_id text");
  }

  /** The partition of a batch: consecutive ids go round the partitions. */
  @Override
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
                            batch.rejections(),
                            subjectOf(batch.origin()),
                            requestIdOf(batch.origin()),
                            ttlSeconds)
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
    return new Batch(
        row.getUuid("batch_id"),
        row.getInstant("received_at"),
        row.getString("format"),
        utf8(row, "body"),
        row.getInt("received"),
        row.getString("rejections"),
        originOf(row));
  }

  private static String subjectOf(Origin origin) {
    return origin == null ? null : origin.subject();
  }

  private static String requestIdOf(Origin origin) {
    return origin == null ? null : origin.requestId();
  }

  /** The origin stored in a row's {@code subject} and {@code request_id}, null when none is. */
  private static Origin originOf(Row row) {
    String subject = row.getString("subject");
    return subject == null ? null : new Origin(subject, row.getString("request_id"));
  }

  @Override
  public CompletionStage<Done> putStatus(UUID batchId, Instant ratedAt, String outcomesJson) {
    byte[] outcomes = outcomesJson.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return insertStatus.thenCompose(
        ps ->
            session.executeWrite(
                write(ps.bind(batchId, ratedAt, ByteBuffer.wrap(outcomes), ttlSeconds))));
  }

  public CompletionStage<Optional<Status>> status(UUID batchId) {
    return selectStatus
        .thenCompose(ps -> session.selectOne(read(ps.bind(batchId))))
        .thenApply(
            row ->
                row.map(
                    r ->
                        new Status(
                            r.getUuid("batch_id"), r.getInstant("rated_at"), utf8(r, "outcomes"))));
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

  /** Records a failed rating attempt of a batch (the write doubles as a probe of Cassandra). */
  @Override
  public CompletionStage<Done> putAttempt(Attempt attempt) {
    return insertAttempt.thenCompose(
        ps ->
            session.executeWrite(
                write(
                    ps.bind(
                            attempt.batchId(),
                            attempt.attempts(),
                            attempt.reason(),
                            attempt.message(),
                            attempt.failedAt())
                        .setTimeout(settings.writeTimeout()))));
  }

  /** The last failed attempt of a batch not rated yet, if any. */
  public CompletionStage<Optional<Attempt>> attempt(UUID batchId) {
    return selectAttempt
        .thenCompose(ps -> session.selectOne(read(ps.bind(batchId))))
        .thenApply(
            row ->
                row.map(
                    r ->
                        new Attempt(
                            r.getUuid("batch_id"),
                            r.getInt("attempts"),
                            r.getString("reason"),
                            r.getString("message"),
                            r.getInstant("failed_at"))));
  }

  @Override
  public CompletionStage<Done> clearAttempts(UUID batchId) {
    return deleteAttempt.thenCompose(ps -> session.executeWrite(write(ps.bind(batchId))));
  }

  /** Parks a batch (or parks it again, clearing a redrive request). */
  @Override
  public CompletionStage<Done> park(Parked parked) {
    byte[] outcomes = parked.outcomes().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return insertParked.thenCompose(
        ps ->
            session.executeWrite(
                write(
                    ps.bind(
                        parked.partition(),
                        parked.batchId(),
                        parked.parkedAt(),
                        parked.attempts(),
                        parked.reason(),
                        parked.message(),
                        ByteBuffer.wrap(outcomes),
                        parked.redriveRequestedAt()))));
  }

  /** The parked row of a batch, if it is parked (or waits for its redrive). */
  public CompletionStage<Optional<Parked>> parked(UUID batchId) {
    return selectParked
        .thenCompose(ps -> session.selectOne(read(ps.bind(partitionOf(batchId), batchId))))
        .thenApply(row -> row.map(IntakeLog::toParked));
  }

  /** Up to {@code limit} parked batches of a partition after {@code after} (or from the first). */
  public CompletionStage<List<Parked>> parkedPage(int partition, UUID after, int limit) {
    UUID from = after != null ? after : Uuids.startOf(0);
    return selectParkedPage
        .thenCompose(ps -> session.selectAll(read(ps.bind(partition, from, limit))))
        .thenApply(rows -> rows.stream().map(IntakeLog::toParked).toList());
  }

  /** A blob column holding UTF-8 text (a batch body, outcomes as JSON). */
  private static String utf8(Row row, String column) {
    ByteBuffer blob = row.getByteBuffer(column);
    byte[] bytes = new byte[blob.remaining()];
    blob.duplicate().get(bytes);
    return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static Parked toParked(Row r) {
    return new Parked(
        r.getInt("partition"),
        r.getUuid("batch_id"),
        r.getInstant("parked_at"),
        r.getInt("attempts"),
        r.getString("reason"),
        r.getString("message"),
        utf8(r, "outcomes"),
        r.getInstant("redrive_requested_at"));
  }

  public CompletionStage<Done> unpark(UUID batchId) {
    return deleteParked.thenCompose(
        ps -> session.executeWrite(write(ps.bind(partitionOf(batchId), batchId))));
  }

  /**
   * Asks the batch's reader to rate a parked batch again: the redrive row first (what the reader
   * scans), then the mark on the parked row (what {@code GET} shows); false if the batch is not
   * parked (any more).
   */
  public CompletionStage<Boolean> requestRedrive(UUID batchId, Instant now, Origin origin) {
    int partition = partitionOf(batchId);
    return insertRedrive
        .thenCompose(
            ps ->
                session.executeWrite(
                    write(
                        ps.bind(partition, batchId, now, subjectOf(origin), requestIdOf(origin)))))
        .thenCompose(done -> markRedrive)
        .thenCompose(ps -> session.selectOne(write(ps.bind(now, partition, batchId))))
        .thenCompose(
            row -> {
              boolean applied = row.map(r -> r.getBoolean("[applied]")).orElse(false);
              if (applied) {
                return CompletableFuture.completedFuture(true);
              }
              // rated in the meantime: take the request back
              return deleteRedrive
                  .thenCompose(ps -> session.executeWrite(write(ps.bind(partition, batchId))))
                  .thenApply(done -> false);
            });
  }

  /** The batches of a partition waiting for their redrive, at most {@code limit}. */
  public CompletionStage<List<Redrive>> redrives(int partition, int limit) {
    return selectRedrives
        .thenCompose(ps -> session.selectAll(read(ps.bind(partition, limit))))
        .thenApply(
            rows ->
                rows.stream()
                    .map(
                        r ->
                            new Redrive(
                                r.getUuid("batch_id"), r.getInstant("requested_at"), originOf(r)))
                    .toList());
  }

  /**
   * Removes a redrive request once it is done (rated, or parked again), unless a newer request
   * replaced it meanwhile.
   */
  public CompletionStage<Done> redriven(Redrive redrive) {
    return deleteRedriveOf
        .thenCompose(
            ps ->
                session.selectOne(
                    write(
                        ps.bind(
                            partitionOf(redrive.batchId()),
                            redrive.batchId(),
                            redrive.requestedAt()))))
        .thenApply(row -> Done.getInstance());
  }
}
