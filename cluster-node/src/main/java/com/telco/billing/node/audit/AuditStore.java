package com.telco.billing.node.audit;

import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSession;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSessionRegistry;

/**
 * The audit trail's tables (docs/security.md, "Audit trail"). Every entry is written, whole, to
 * {@code audit_by_hour} (partition: the UTC hour it arrived in) and, in the same logged batch, to
 * {@code audit_by_subject} (partition: subject and hour) when its caller was authenticated and to
 * {@code audit_by_resource} (partition: resource id and hour) once per id it names. Each partition
 * holds one hour, so none grows without bound; rows are ordered by arrival time and entry id. Every
 * row expires after the retention (a TTL per insert). Prepared statements only; nothing is ever
 * updated or deleted by the node.
 */
public final class AuditStore {
  private static final String COLUMNS =
      "at, entry_id, subject, roles, client_address, method, path, endpoint, resource_ids,"
          + " request_id, status, error_code, reason";
  private static final String VALUES = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";

  /** The three ways of reading the trail, each a table. */
  enum Index {
    HOUR("audit_by_hour", ""),
    SUBJECT("audit_by_subject", "subject_key"),
    RESOURCE("audit_by_resource", "resource_id");

    final String table;
    final String keyColumn;

    Index(String table, String keyColumn) {
      this.table = table;
      this.keyColumn = keyColumn;
    }

    String partitionKey() {
      return keyColumn.isEmpty() ? "hour" : keyColumn + ", hour";
    }

    String partitionWhere() {
      return keyColumn.isEmpty() ? "hour = ?" : keyColumn + " = ? AND hour = ?";
    }
  }

  private final CassandraSession session;
  private final int ttlSeconds;
  private final String readProfile;
  private final String writeProfile;
  private final Map<Index, CompletionStage<PreparedStatement>> inserts = new EnumMap<>(Index.class);
  private final Map<Index, CompletionStage<PreparedStatement>> fromStatements =
      new EnumMap<>(Index.class);
  private final Map<Index, CompletionStage<PreparedStatement>> afterStatements =
      new EnumMap<>(Index.class);

  /**
   * @param keyspace the keyspace of the audit tables
   * @param ttlSeconds how long an entry is kept
   */
  public AuditStore(ActorSystem<?> system, String keyspace, int ttlSeconds) {
    this.session = CassandraSessionRegistry.get(system).sessionFor("pekko.persistence.cassandra");
    this.ttlSeconds = ttlSeconds;
    var config = system.settings().config();
    // the journal's profiles: an acknowledged entry is on a quorum, as an acknowledged event is
    this.readProfile = config.getString("pekko.persistence.cassandra.read-profile");
    this.writeProfile = config.getString("pekko.persistence.cassandra.write-profile");
    for (Index index : Index.values()) {
      String key = index.keyColumn.isEmpty() ? "" : index.keyColumn + ", ";
      String keyValue = index.keyColumn.isEmpty() ? "" : "?, ";
      inserts.put(
          index,
          session.prepare(
              "INSERT INTO "
                  + keyspace
                  + "."
                  + index.table
                  + " ("
                  + key
                  + "hour, "
                  + COLUMNS
                  + ") VALUES ("
                  + keyValue
                  + "?, "
                  + VALUES
                  + ") USING TTL ?"));
      String select = "SELECT " + COLUMNS + " FROM " + keyspace + "." + index.table + " WHERE ";
      fromStatements.put(
          index, session.prepare(select + index.partitionWhere() + " AND at >= ? LIMIT ?"));
      afterStatements.put(
          index,
          session.prepare(
              select + index.partitionWhere() + " AND (at, entry_id) > (?, ?) LIMIT ?"));
    }
  }

  /** The statements that create the audit tables in {@code keyspace}. */
  public static List<String> createStatements(String keyspace) {
    List<String> statements = new ArrayList<>();
    for (Index index : Index.values()) {
      String key = index.keyColumn.isEmpty() ? "" : index.keyColumn + " text, ";
      statements.add(
          "CREATE TABLE IF NOT EXISTS "
              + keyspace
              + "."
              + index.table
              + " ("
              + key
              + "hour timestamp, at timestamp, entry_id uuid, subject text, roles set<text>,"
              + " client_address text, method text, path text, endpoint text,"
              + " resource_ids map<text, text>, request_id text, status int, error_code text,"
              + " reason text, PRIMARY KEY (("
              + index.partitionKey()
              + "), at, entry_id)) WITH CLUSTERING ORDER BY (at ASC, entry_id ASC)"
              // rows arrive in time order and expire together: whole windows are dropped
              + " AND compaction = {'class': 'TimeWindowCompactionStrategy',"
              + " 'compaction_window_unit': 'DAYS', 'compaction_window_size': 1}");
    }
    return statements;
  }

  /** The partition an instant falls in. */
  static Instant hourOf(Instant at) {
    return at.truncatedTo(ChronoUnit.HOURS);
  }

  /**
   * Appends an entry: one driver call, a logged batch over its tables, so that the entry ends up in
   * all of them or in none (a batch that timed out may still be applied in full).
   */
  public CompletionStage<Done> append(AuditEntry entry) {
    List<CompletionStage<BoundStatement>> rows = new ArrayList<>();
    rows.add(inserts.get(Index.HOUR).thenApply(ps -> bindInsert(ps, null, entry)));
    if (entry.subject() != null) {
      rows.add(inserts.get(Index.SUBJECT).thenApply(ps -> bindInsert(ps, entry.subject(), entry)));
    }
    for (String id : entry.indexedIds()) {
      rows.add(inserts.get(Index.RESOURCE).thenApply(ps -> bindInsert(ps, id, entry)));
    }
    CompletionStage<List<BoundStatement>> all =
        CompletableFuture.completedFuture(new ArrayList<>());
    for (CompletionStage<BoundStatement> row : rows) {
      all =
          all.thenCombine(
              row,
              (list, statement) -> {
                list.add(statement);
                return list;
              });
    }
    return all.thenCompose(
        statements -> {
          Statement<?> write =
              statements.size() == 1
                  ? statements.get(0)
                  : BatchStatement.newInstance(
                      DefaultBatchType.LOGGED, statements.toArray(new BoundStatement[0]));
          return session.executeWrite(write.setExecutionProfileName(writeProfile));
        });
  }

  private BoundStatement bindInsert(PreparedStatement ps, String key, AuditEntry e) {
    List<Object> values = new ArrayList<>();
    if (key != null) {
      values.add(key);
    }
    values.add(hourOf(e.at()));
    values.add(e.at());
    values.add(e.entryId());
    values.add(e.subject());
    values.add(e.roles());
    values.add(e.clientAddress());
    values.add(e.method());
    values.add(e.path());
    values.add(e.endpoint());
    values.add(e.resourceIds());
    values.add(e.requestId());
    values.add(e.status());
    values.add(e.errorCode());
    values.add(e.reason());
    values.add(ttlSeconds);
    return ps.bind(values.toArray());
  }

  /**
   * Where a page ended: the last entry it covered, or (with a null entry id) the instant from which
   * the next page starts, inclusive.
   */
  public record Position(Instant at, UUID entryId) {
    public Position {
      Objects.requireNonNull(at);
    }
  }

  /**
   * One page of entries, by arrival time.
   *
   * @param entries at most the limit asked for
   * @param next where the next page starts; null when the range holds no more
   */
  public record Page(List<AuditEntry> entries, Position next) {}

  /**
   * What a page is read by: at most one of {@code subject} and {@code resource} picks the table;
   * with both, the resource's table is read and other subjects' entries are left out.
   */
  public record Filter(String subject, String resource) {}

  /**
   * One page of the entries that arrived in {@code [from, to)} and match {@code filter}, after
   * {@code after} (null: from {@code from}). Queries one hour partition at a time with a
   * clustering-key bound and a {@code LIMIT}; one call reads at most {@code maxScanned} rows (an
   * hour without entries counts as one), and answers a short page with a next position rather than
   * scan further.
   */
  public CompletionStage<Page> page(
      Instant from, Instant to, Filter filter, Position after, int limit, int maxScanned) {
    Index index;
    String key;
    if (filter.resource() != null) {
      index = Index.RESOURCE;
      key = filter.resource();
    } else if (filter.subject() != null) {
      index = Index.SUBJECT;
      key = filter.subject();
    } else {
      index = Index.HOUR;
      key = null;
    }
    String subjectFilter = index == Index.RESOURCE ? filter.subject() : null;
    Position start = after == null ? new Position(from, null) : after;
    return new Scan(index, key, subjectFilter, to, limit, maxScanned).hour(start);
  }

  /** The state of one {@link #page} call while it walks the hours of its range. */
  private final class Scan {
    private final Index index;
    private final String key;
    private final String subject;
    private final Instant to;
    private final int limit;
    private final int maxScanned;
    private final Instant lastHour;
    private final List<AuditEntry> matches = new ArrayList<>();
    private int scanned;

    Scan(Index index, String key, String subject, Instant to, int limit, int maxScanned) {
      this.index = index;
      this.key = key;
      this.subject = subject;
      this.to = to;
      this.limit = limit;
      this.maxScanned = maxScanned;
      // to is exclusive: a range ending on the hour does not touch the next hour
      this.lastHour = hourOf(to.minusNanos(1));
    }

    CompletionStage<Page> hour(Position position) {
      Instant hour = hourOf(position.at());
      if (hour.isAfter(lastHour)) {
        return finish(null);
      }
      if (scanned >= maxScanned) {
        return finish(position);
      }
      // one more than the limit tells whether a next page exists; with a subject filter, rows of
      // other subjects are read too, up to what is left of the scan budget
      int left = maxScanned - scanned;
      int rows = subject == null ? Math.min(limit + 1 - matches.size(), left) : left;
      boolean inclusive = position.entryId() == null;
      CompletionStage<PreparedStatement> statement =
          inclusive ? fromStatements.get(index) : afterStatements.get(index);
      return statement
          .thenCompose(ps -> session.selectAll(bindSelect(ps, hour, position, rows)))
          .thenCompose(found -> take(hour, found, rows));
    }

    private Statement<?> bindSelect(PreparedStatement ps, Instant hour, Position p, int rows) {
      List<Object> values = new ArrayList<>();
      if (key != null) {
        values.add(key);
      }
      values.add(hour);
      values.add(p.at());
      if (p.entryId() != null) {
        values.add(p.entryId());
      }
      values.add(rows);
      return ps.bind(values.toArray()).setExecutionProfileName(readProfile);
    }

    private CompletionStage<Page> take(Instant hour, List<Row> rows, int asked) {
      scanned += Math.max(1, rows.size());
      Position last = null;
      for (Row row : rows) {
        AuditEntry entry = entry(row);
        if (!entry.at().isBefore(to)) {
          return finish(null);
        }
        last = new Position(entry.at(), entry.entryId());
        if (subject == null || subject.equals(entry.subject())) {
          matches.add(entry);
          if (matches.size() > limit) {
            AuditEntry lastKept = matches.get(limit - 1);
            return finish(new Position(lastKept.at(), lastKept.entryId()));
          }
        }
      }
      if (rows.size() < asked) {
        return hour(new Position(hour.plus(1, ChronoUnit.HOURS), null));
      }
      return hour(last);
    }

    private CompletionStage<Page> finish(Position next) {
      List<AuditEntry> page = List.copyOf(matches.subList(0, Math.min(limit, matches.size())));
      return CompletableFuture.completedFuture(new Page(page, next));
    }
  }

  private static AuditEntry entry(Row row) {
    Set<String> roles = row.getSet("roles", String.class);
    Map<String, String> ids = row.getMap("resource_ids", String.class, String.class);
    return new AuditEntry(
        row.getInstant("at"),
        row.getUuid("entry_id"),
        row.getString("subject"),
        roles == null ? Set.of() : roles,
        row.getString("client_address"),
        row.getString("method"),
        row.getString("path"),
        row.getString("endpoint"),
        ids == null ? Map.of() : new LinkedHashMap<>(ids),
        row.getString("request_id"),
        row.getInt("status"),
        row.getString("error_code"),
        row.getString("reason"));
  }
}
