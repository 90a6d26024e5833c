package com.telco.billing.node.security;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSession;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSessionRegistry;

/** The {@code api_keys} table: one row per key, secrets as hashes only. */
public final class ApiKeyStore {
  private static final String COLUMNS =
      "key_id, name, roles, created_at, created_by, expires_at, secret_hash, previous_hash,"
          + " previous_valid_until, rotated_at";

  private final CassandraSession session;
  private final CompletionStage<PreparedStatement> insert;
  private final CompletionStage<PreparedStatement> select;
  private final CompletionStage<PreparedStatement> selectAll;
  private final CompletionStage<PreparedStatement> delete;
  private final CompletionStage<PreparedStatement> rotate;
  private final String readProfile;
  private final String writeProfile;

  public ApiKeyStore(ActorSystem<?> system, String keyspace) {
    session = CassandraSessionRegistry.get(system).sessionFor("pekko.persistence.cassandra");
    // the journal's profiles (quorum): a revoked key is not read back from a replica that missed it
    var config = system.settings().config();
    readProfile = config.getString("pekko.persistence.cassandra.read-profile");
    writeProfile = config.getString("pekko.persistence.cassandra.write-profile");
    // a rotation applies only to the secret it read: never to a revoked key, never twice at once
    rotate =
        session.prepare(
            "UPDATE "
                + keyspace
                + ".api_keys SET secret_hash = ?, previous_hash = ?, previous_valid_until = ?,"
                + " rotated_at = ? WHERE key_id = ? IF secret_hash = ?");
    insert =
        session.prepare(
            "INSERT INTO "
                + keyspace
                + ".api_keys ("
                + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    select =
        session.prepare("SELECT " + COLUMNS + " FROM " + keyspace + ".api_keys WHERE key_id = ?");
    // a handful of keys per deployment: the admin listing reads them all
    selectAll = session.prepare("SELECT " + COLUMNS + " FROM " + keyspace + ".api_keys");
    delete = session.prepare("DELETE FROM " + keyspace + ".api_keys WHERE key_id = ?");
  }

  /** The statements that create the table in {@code keyspace}. */
  public static List<String> createStatements(String keyspace) {
    return List.of(
        "CREATE TABLE IF NOT EXISTS "
            + keyspace
            + ".api_keys (key_id text PRIMARY KEY, name text, roles set<text>,"
            + " created_at timestamp, created_by text, expires_at timestamp, secret_hash blob,"
            + " previous_hash blob, previous_valid_until timestamp, rotated_at timestamp)");
  }

  /** Writes a new key. */
  public CompletionStage<Done> save(ApiKey key) {
    return insert.thenCompose(
        ps ->
            session.executeWrite(
                ps.bind(
                        key.id(),
                        key.name(),
                        names(key.roles()),
                        key.createdAt(),
                        key.createdBy(),
                        key.expiresAt(),
                        ByteBuffer.wrap(key.secretHash()),
                        key.previousHash() == null ? null : ByteBuffer.wrap(key.previousHash()),
                        key.previousValidUntil(),
                        key.rotatedAt())
                    .setExecutionProfileName(writeProfile)));
  }

  /**
   * Writes a rotated key if its secret is still {@code replaced}.
   *
   * @return whether it was written (false: the key was revoked or rotated meanwhile)
   */
  public CompletionStage<Boolean> rotate(ApiKey rotated, byte[] replaced) {
    return rotate.thenCompose(
        ps ->
            session
                .selectOne(
                    ps.bind(
                            ByteBuffer.wrap(rotated.secretHash()),
                            ByteBuffer.wrap(rotated.previousHash()),
                            rotated.previousValidUntil(),
                            rotated.rotatedAt(),
                            rotated.id(),
                            ByteBuffer.wrap(replaced))
                        .setExecutionProfileName(writeProfile))
                .thenApply(row -> row.map(r -> r.getBoolean("[applied]")).orElse(false)));
  }

  public CompletionStage<Optional<ApiKey>> find(String id) {
    return select.thenCompose(
        ps ->
            session
                .selectOne(ps.bind(id).setExecutionProfileName(readProfile))
                .thenApply(row -> row.map(ApiKeyStore::read)));
  }

  public CompletionStage<List<ApiKey>> all() {
    return selectAll.thenCompose(
        ps ->
            session
                .selectAll(ps.bind().setExecutionProfileName(readProfile))
                .thenApply(rows -> rows.stream().map(ApiKeyStore::read).toList()));
  }

  public CompletionStage<Done> delete(String id) {
    return delete.thenCompose(
        ps -> session.executeWrite(ps.bind(id).setExecutionProfileName(writeProfile)));
  }

  private static Set<String> names(Set<Role> roles) {
    return roles.stream().map(Role::wireName).collect(java.util.stream.Collectors.toSet());
  }

  private static ApiKey read(Row row) {
    return new ApiKey(
        row.getString("key_id"),
        row.getString("name"),
        Role.allNamed(row.getSet("roles", String.class)),
        row.getInstant("created_at"),
        row.getString("created_by"),
        row.getInstant("expires_at"),
        bytes(row.getByteBuffer("secret_hash")),
        bytes(row.getByteBuffer("previous_hash")),
        row.getInstant("previous_valid_until"),
        row.getInstant("rotated_at"));
  }

  private static byte[] bytes(ByteBuffer buffer) {
    if (buffer == null) {
      return null;
    }
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }
}
