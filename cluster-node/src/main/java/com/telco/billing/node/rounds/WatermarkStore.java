package com.telco.billing.node.rounds;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSession;

/**
 * A driver's watermark in Cassandra: one row {@code (driver, oldest_due, updated_at)} of {@code
 * table}, the oldest date that may still have due rows, so that the driver started on another node
 * resumes there. Prepared statements only.
 */
public final class WatermarkStore {
  private final CassandraSession session;
  private final String driver;
  private final CompletionStage<PreparedStatement> select;
  private final CompletionStage<PreparedStatement> update;

  /**
   * @param table the watermark table in {@code keyspace} ({@link #createStatement})
   * @param driver the driver's row: there is one driver of a kind per cluster
   */
  public WatermarkStore(CassandraSession session, String keyspace, String table, String driver) {
    this.session = session;
    this.driver = driver;
    this.select =
        session.prepare("SELECT oldest_due FROM " + keyspace + "." + table + " WHERE driver = ?");
    this.update =
        session.prepare(
            "INSERT INTO "
                + keyspace
                + "."
                + table
                + " (driver, oldest_due, updated_at) VALUES (?, ?, ?)");
  }

  /** The statement that creates the watermark table {@code table} in {@code keyspace}. */
  public static String createStatement(String keyspace, String table) {
    return "CREATE TABLE IF NOT EXISTS "
        + keyspace
        + "."
        + table
        + " (driver text, oldest_due date, updated_at timestamp, PRIMARY KEY (driver))";
  }

  /** The stored watermark; empty before the first round ever ended. */
  public CompletionStage<Optional<LocalDate>> read() {
    return select
        .thenCompose(ps -> session.selectOne(ps.bind(driver)))
        .thenApply(row -> row.map(r -> r.getLocalDate(0)));
  }

  /** Stores the watermark. */
  public CompletionStage<Done> save(LocalDate watermark) {
    return update.thenCompose(
        ps -> session.executeWrite(ps.bind(driver, watermark, Instant.now())));
  }
}
