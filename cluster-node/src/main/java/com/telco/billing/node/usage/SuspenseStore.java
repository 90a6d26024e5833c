package com.telco.billing.node.usage;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.telco.billing.core.validation.FieldError;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSession;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSessionRegistry;

/**
 * Usage records held in suspense (docs/billing-rules.md, "Records that are refused or held"):
 * unguided or unratable records, kept in Cassandra with their reason and time until they are
 * recycled. Two tables: by UTC day (for listing by time and reason) and by service identifier (to
 * recycle a service's records when a subscription for it is activated). Prepared statements only.
 *
 * <p>A held record expires after the retention ({@code billing.usage.retention},
 * docs/operations.md, "Data retention"): both rows are written {@code USING TTL}, so a change of
 * the setting applies to what is held from then on, without a schema change.
 */
public final class SuspenseStore {
  private final CassandraSession session;
  private final String keyspace;
  private final int ttlSeconds;
  private final CompletionStage<PreparedStatement> insertByDay;
  private final CompletionStage<PreparedStatement> insertByService;
  private final CompletionStage<PreparedStatement> listDayFrom;
  private final CompletionStage<PreparedStatement> listDayAfter;
  private final CompletionStage<PreparedStatement> readDayFrom;
  private final CompletionStage<PreparedStatement> readDayAfter;
  private final CompletionStage<PreparedStatement> deleteByDay;
  private final CompletionStage<PreparedStatement> deleteByService;
  private final CompletionStage<PreparedStatement> selectService;

  /** One held record; {@code record} (its JSON) is null when the page was read without it. */
  public record Held(
      String source,
      String id,
      String serviceId,
      Instant usageDate,
      Instant suspendedAt,
      String reason,
      String field,
      String message,
      String record) {}

  /**
   * @param keyspace the keyspace of the suspense tables
   * @param retention how long a held record is kept
   */
  public SuspenseStore(ActorSystem<?> system, String keyspace, Duration retention) {
    this.session = CassandraSessionRegistry.get(system).sessionFor("pekko.persistence.cassandra");
    this.keyspace = keyspace;
    this.ttlSeconds = UsageSettings.ttlSeconds(retention);
    String columns =
        "source, id, service_id, usage_date, suspended_at, reason, field, message, record";
    insertByDay =
        session.prepare(
            "INSERT INTO "
                + keyspace
                + ".suspense_by_day (day, "
                + columns
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) USING TTL ?");
    insertByService =
        session.prepare(
            "INSERT INTO "
                + keyspace
                + ".suspense_by_service (service_id, day, source, id, usage_date, suspended_at,"
                + " reason, field, message, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) USING TTL"
                + " ?");
    // listing shows no record bodies, so it does not read them; recycling does
    String summary =
        "day, source, id, service_id, usage_date, suspended_at, reason, field, message";
    listDayFrom = session.prepare(dayFrom(keyspace, summary));
    listDayAfter = session.prepare(dayAfter(keyspace, summary));
    readDayFrom = session.prepare(dayFrom(keyspace, summary + ", record"));
    readDayAfter = session.prepare(dayAfter(keyspace, summary + ", record"));
    selectService =
        session.prepare(
            "SELECT day, source, id, service_id, usage_date, suspended_at, reason, field, message,"
                + " record FROM "
                + keyspace
                + ".suspense_by_service WHERE service_id = ?");
    deleteByDay =
        session.prepare(
            "DELETE FROM "
                + keyspace
                + ".suspense_by_day WHERE day = ? AND suspended_at = ? AND source = ? AND id = ?");
    deleteByService =
        session.prepare(
            "DELETE FROM "
                + keyspace
                + ".suspense_by_service WHERE service_id = ? AND suspended_at = ? AND source = ? AND"
                + " id = ?");
  }

  /** The statements that create the suspense tables in {@code keyspace}. */
  public static List<String> createStatements(String keyspace) {
    return List.of(
        "CREATE TABLE IF NOT EXISTS "
            + keyspace
            + ".suspense_by_day (day date, suspended_at timestamp, source text, id text,"
            + " service_id text, usage_date timestamp, reason text, field text, message text,"
            + " record text, PRIMARY KEY ((day), suspended_at, source, id))",
        "CREATE TABLE IF NOT EXISTS "
            + keyspace
            + ".suspense_by_service (service_id text, source text, id text, day date,"
            + " usage_date timestamp, suspended_at timestamp, reason text, field text,"
            + " message text, record text, PRIMARY KEY ((service_id), suspended_at, source, id))");
  }

  /** Holds a record; written to both tables before the batch is acknowledged. */
  public CompletionStage<Done> hold(
      String source,
      String id,
      String serviceId,
      Instant usageDate,
      Instant at,
      FieldError reason,
      String recordJson) {
    LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
    String service = serviceId == null ? "" : serviceId;
    CompletionStage<Done> byDay =
        insertByDay.thenCompose(
            ps ->
                session.executeWrite(
                    ps.bind(
                        day,
                        source,
                        id,
                        service,
                        usageDate,
                        at,
                        reason.code(),
                        reason.field(),
                        reason.message(),
                        recordJson,
                        ttlSeconds)));
    CompletionStage<Done> byService =
        insertByService.thenCompose(
            ps ->
                session.executeWrite(
                    ps.bind(
                        service,
                        day,
                        source,
                        id,
                        usageDate,
                        at,
                        reason.code(),
                        reason.field(),
                        reason.message(),
                        recordJson,
                        ttlSeconds)));
    return byDay.thenCombine(byService, (a, b) -> Done.getInstance());
  }

  /** Where a page ended: the clustering key of the last record it covered. */
  public record Position(Instant suspendedAt, String source, String id) {
    /** The position of a held record. */
    public static Position of(Held held) {
      return new Position(held.suspendedAt(), held.source(), held.id());
    }
  }

  /**
   * One page of held records in {@code [from, to)} ordered by suspension time, source and id.
   *
   * @param held the records, at most the limit asked for
   * @param next where the next page starts; null when the range holds no more
   */
  public record Page(List<Held> held, Position next) {}

  /**
   * One page of the records suspended in {@code [from, to)}, optionally of one reason, after {@code
   * after} (null: from the start). Queries one day partition at a time with a clustering-key bound
   * and a {@code LIMIT}, so that one call reads at most {@code maxScanned} rows (a reason that
   * matches few records gives a short page with a next position, never a long scan) and makes at
   * most one query per day of the range plus one per {@code LIMIT} reached.
   *
   * @param withRecords whether to read the records' bodies (for recycling)
   */
  public CompletionStage<Page> page(
      Instant from,
      Instant to,
      String reason,
      Position after,
      int limit,
      int maxScanned,
      boolean withRecords) {
    Scan scan = new Scan(from, to, reason, limit, maxScanned, withRecords);
    LocalDate first =
        LocalDate.ofInstant(after == null ? from : after.suspendedAt(), ZoneOffset.UTC);
    return scan.day(first, after);
  }

  /** The state of one {@link #page} call while it walks the days of its range. */
  private final class Scan {
    private final Instant from;
    private final Instant to;
    private final String reason;
    private final int limit;
    private final int maxScanned;
    private final boolean withRecords;
    private final LocalDate lastDay;
    private final List<Held> matches = new ArrayList<>();
    private int scanned;
    private Position last;

    Scan(Instant from, Instant to, String reason, int limit, int maxScanned, boolean withRecords) {
      this.from = from;
      this.to = to;
      this.reason = reason;
      this.limit = limit;
      this.maxScanned = maxScanned;
      this.withRecords = withRecords;
      // to is exclusive: a range ending at midnight does not touch the next day
      this.lastDay = LocalDate.ofInstant(to.minusNanos(1), ZoneOffset.UTC);
    }

    CompletionStage<Page> day(LocalDate day, Position after) {
      if (day.isAfter(lastDay)) {
        return finish(null);
      }
      // one more than the limit tells whether a next page exists; with a reason, rows that do
      // not match are read too, up to what is left of the scan budget
      int wanted = limit + 1 - matches.size();
      int left = maxScanned - scanned;
      int rows = reason == null ? Math.min(wanted, left) : left;
      if (rows <= 0) {
        return finish(last);
      }
      CompletionStage<PreparedStatement> statement =
          after == null
              ? (withRecords ? readDayFrom : listDayFrom)
              : (withRecords ? readDayAfter : listDayAfter);
      return statement
          .thenCompose(
              ps ->
                  session.selectAll(
                      after == null
                          ? ps.bind(day, from, rows)
                          : ps.bind(day, after.suspendedAt(), after.source(), after.id(), rows)))
          .thenCompose(found -> take(day, found, rows));
    }

    private CompletionStage<Page> take(LocalDate day, List<Row> rows, int asked) {
      for (Row row : rows) {
        Held held = held(row);
        if (!held.suspendedAt().isBefore(to)) {
          return finish(null);
        }
        scanned++;
        last = Position.of(held);
        boolean inRange = !held.suspendedAt().isBefore(from);
        if (inRange && (reason == null || reason.equals(held.reason()))) {
          matches.add(held);
          if (matches.size() > limit) {
            return finish(Position.of(matches.get(limit - 1)));
          }
        }
      }
      if (rows.size() < asked) {
        return day(day.plusDays(1), null);
      }
      if (scanned >= maxScanned) {
        return finish(last);
      }
      return day(day, last);
    }

    private CompletionStage<Page> finish(Position next) {
      List<Held> page = List.copyOf(matches.subList(0, Math.min(limit, matches.size())));
      return CompletableFuture.completedFuture(new Page(page, next));
    }
  }

  private static String dayFrom(String keyspace, String columns) {
    return "SELECT "
        + columns
        + " FROM "
        + keyspace
        + ".suspense_by_day WHERE day = ? AND suspended_at >= ? LIMIT ?";
  }

  private static String dayAfter(String keyspace, String columns) {
    return "SELECT "
        + columns
        + " FROM "
        + keyspace
        + ".suspense_by_day WHERE day = ? AND (suspended_at, source, id) > (?, ?, ?) LIMIT ?";
  }

  /** Every record held for a service identifier. */
  public CompletionStage<List<Held>> ofService(String serviceId) {
    return selectService
        .thenCompose(ps -> session.selectAll(ps.bind(serviceId)))
        .thenApply(rows -> rows.stream().map(SuspenseStore::held).toList());
  }

  /** Releases a record from suspense (it was accepted, found a duplicate or rejected). */
  public CompletionStage<Done> release(Held held) {
    LocalDate day = LocalDate.ofInstant(held.suspendedAt(), ZoneOffset.UTC);
    CompletionStage<Done> byDay =
        deleteByDay.thenCompose(
            ps -> session.executeWrite(ps.bind(day, held.suspendedAt(), held.source(), held.id())));
    CompletionStage<Done> byService =
        deleteByService.thenCompose(
            ps ->
                session.executeWrite(
                    ps.bind(held.serviceId(), held.suspendedAt(), held.source(), held.id())));
    return byDay.thenCombine(byService, (a, b) -> Done.getInstance());
  }

  private static Held held(Row row) {
    return new Held(
        row.getString("source"),
        row.getString("id"),
        row.getString("service_id"),
        row.getInstant("usage_date"),
        row.getInstant("suspended_at"),
        row.getString("reason"),
        row.getString("field"),
        row.getString("message"),
        row.getColumnDefinitions().contains("record") ? row.getString("record") : null);
  }
}
