package com.telco.billing.node.mail;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSession;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSessionRegistry;

/**
 * The {@link SentLog} in Cassandra: the table {@code mail_sent}, a row per mail id. Prepared
 * statements only.
 */
public final class SentMailStore implements SentLog {
  private final CassandraSession session;
  private final CompletionStage<PreparedStatement> insert;
  private final CompletionStage<PreparedStatement> select;

  /**
   * @param keyspace the keyspace of the read-side tables
   */
  public SentMailStore(ActorSystem<?> system, String keyspace) {
    this.session = CassandraSessionRegistry.get(system).sessionFor("pekko.persistence.cassandra");
    insert =
        session.prepare(
            "INSERT INTO "
                + keyspace
                + ".mail_sent (mail_id, kind, recipient, message_id, outcome, sent_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)");
    select =
        session.prepare(
            "SELECT mail_id, kind, recipient, message_id, outcome, sent_at FROM "
                + keyspace
                + ".mail_sent WHERE mail_id = ?");
  }

  /** The statements that create the table in {@code keyspace}. */
  public static List<String> createStatements(String keyspace) {
    return List.of(
        "CREATE TABLE IF NOT EXISTS "
            + keyspace
            + ".mail_sent (mail_id text, kind text, recipient text, message_id text,"
            + " outcome text, sent_at timestamp, PRIMARY KEY (mail_id))");
  }

  @Override
  public CompletionStage<Optional<Entry>> lookup(String mailId) {
    return select
        .thenCompose(ps -> session.selectOne(ps.bind(mailId)))
        .thenApply(row -> row.map(SentMailStore::entryOf));
  }

  private static Entry entryOf(Row row) {
    return new Entry(
        row.getString(0),
        row.getString(1),
        row.getString(2),
        row.getString(3),
        row.getString(4),
        row.getInstant(5));
  }

  @Override
  public CompletionStage<Done> record(Entry e) {
    return insert.thenCompose(
        ps ->
            session.executeWrite(
                ps.bind(e.mailId(), e.kind(), e.recipient(), e.messageId(), e.outcome(), e.at())));
  }
}
