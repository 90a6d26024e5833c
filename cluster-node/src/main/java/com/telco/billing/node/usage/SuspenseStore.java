package com.telco.billing.node.usage;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.telco.billing.core.validation.FieldError;
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
 * Usage records held in suspense (BILLING-RULES.md, "Records that are refused or held"): unguided
 * or unratable records, kept in Cassandra with their reason and time until they are recycled. Two
 * tables: by UTC day (for listing by time and reason) and by service identifier (to recycle a
 * service's records when a subscription for it is activated). Prepared statements only.
 */
public final class SuspenseStore {
  private final CassandraSession session;
  private final String keyspace;
  private final CompletionStage<PreparedStatement> insertByDay;
  private final CompletionStage<PreparedStatement> insertByService;
  private final CompletionStage<PreparedStatement> selectDay;
  private final CompletionStage<PreparedStatement> deleteByDay;
  private final CompletionStage<PreparedStatement> deleteByService;
  private final CompletionStage<PreparedStatement> selectService;

  /** One held record. */
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

  public SuspenseStore(ActorSystem<?> system) {
    this.session = CassandraSessionRegistry.get(system).sessionFor("pekko.persistence.cassandra");
    this.keyspace = system.settings().config().getString("billing.cassandra.keyspace");
    String columns =
        "source, id, service_id, usage_date, suspended_at, reason, field, message, record";
    insertByDay =
        session.prepare(
            "INSERT INTO "
                + keyspace
                + ".suspense_by_day (day, "
                + columns
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insertByService =
        session.prepare(
            "INSERT INTO "
                + keyspace
                + ".suspense_by_service (service_id, day, source, id, usage_date, suspended_at,"
                + " reason, field, message, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    selectDay =
        session.prepare(
            "SELECT day, " + columns + " FROM " + keyspace + ".suspense_by_day WHERE day = ?");
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
                        recordJson)));
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
                        recordJson)));
    return byDay.thenCombine(byService, (a, b) -> Done.getInstance());
  }

  /** Held records suspended between {@code from} and {@code to}, optionally of one reason. */
  public CompletionStage<List<Held>> list(Instant from, Instant to, String reason, int limit) {
    LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC);
    LocalDate last = LocalDate.ofInstant(to, ZoneOffset.UTC);
    CompletionStage<List<Held>> all = CompletableFuture.completedFuture(new ArrayList<>());
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      LocalDate d = day;
      all =
          all.thenCompose(
              acc ->
                  acc.size() >= limit
                      ? CompletableFuture.completedFuture(acc)
                      : selectDay
                          .thenCompose(ps -> session.selectAll(ps.bind(d)))
                          .thenApply(
                              rows -> {
                                for (Row row : rows) {
                                  Held held = held(row);
                                  boolean inRange =
                                      !held.suspendedAt().isBefore(from)
                                          && held.suspendedAt().isBefore(to);
                                  boolean reasonMatches =
                                      reason == null || reason.equals(held.reason());
                                  if (inRange && reasonMatches && acc.size() < limit) {
                                    acc.add(held);
                                  }
                                }
                                return acc;
                              }));
    }
    return all;
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
        row.getString("record"));
  }
}
