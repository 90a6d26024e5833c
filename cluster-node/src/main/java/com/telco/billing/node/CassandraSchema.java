package com.telco.billing.node;

import com.telco.billing.node.invoice.BillingTables;
import com.telco.billing.node.usage.SuspenseStore;
import com.telco.billing.node.usage.intake.IntakeLog;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.persistence.cassandra.KeyspaceAndTableStatements;
import org.apache.pekko.persistence.cassandra.PluginSettings;
import org.apache.pekko.projection.cassandra.javadsl.CassandraProjection;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSession;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSessionRegistry;

/**
 * The node's Cassandra schema: keyspace, journal (with the events-by-tag tables), snapshots,
 * projection offsets and the suspense tables. With {@code billing.cassandra.autocreate = true} (dev
 * and tests) the node creates it before it starts any entity, one statement after the other, so
 * that no entity recovers against a table that does not exist yet. In production the schema is
 * created by the operator from {@link #statements} and autocreate is off.
 */
public final class CassandraSchema {
  private static final String PLUGIN = "pekko.persistence.cassandra";

  private CassandraSchema() {}

  /** Every statement that creates the schema, in order. */
  public static List<String> statements(ActorSystem<?> system) {
    var classic = Adapter.toClassic(system);
    var tables = new KeyspaceAndTableStatements(classic, PLUGIN, PluginSettings.apply(classic));
    List<String> all = new ArrayList<>();
    all.add(tables.createJournalKeyspaceStatement());
    all.addAll(tables.getCreateJournalTablesStatements());
    all.add(tables.createSnapshotKeyspaceStatement());
    all.addAll(tables.getCreateSnapshotTablesStatements());
    String keyspace = system.settings().config().getString("billing.cassandra.keyspace");
    all.addAll(SuspenseStore.createStatements(keyspace));
    all.addAll(BillingTables.createStatements(keyspace));
    all.addAll(IntakeLog.createStatements(keyspace));
    return all;
  }

  /** How often schema creation is tried before the node gives up. */
  static final int SCHEMA_ATTEMPTS = 10;

  /** How long one round of schema statements may take. */
  static final long ATTEMPT_TIMEOUT_SECONDS = 60;

  /**
   * Creates the schema when {@code billing.cassandra.autocreate} is on; completes at once else.
   * Several nodes starting together on a new keyspace send the same DDL at the same time, and
   * Cassandra may time out or refuse while its schema versions settle: every statement is {@code IF
   * NOT EXISTS}, so a failed round is logged and tried again (up to {@value #SCHEMA_ATTEMPTS}
   * times, 2 s apart, each round at most {@value #ATTEMPT_TIMEOUT_SECONDS} s) before the failure is
   * returned.
   */
  public static CompletionStage<Done> createIfEnabled(ActorSystem<?> system) {
    if (!system.settings().config().getBoolean("billing.cassandra.autocreate")) {
      return CompletableFuture.completedFuture(Done.getInstance());
    }
    return attempt(system, 1);
  }

  private static CompletionStage<Done> attempt(ActorSystem<?> system, int attempt) {
    // a round that hangs (the driver stuck refreshing its schema metadata) counts as failed
    return createAll(system)
        .toCompletableFuture()
        .orTimeout(ATTEMPT_TIMEOUT_SECONDS, TimeUnit.SECONDS)
        .exceptionallyCompose(
            failure -> {
              if (attempt >= SCHEMA_ATTEMPTS) {
                return CompletableFuture.failedFuture(failure);
              }
              system
                  .log()
                  .warn(
                      "creating the Cassandra schema failed (attempt {} of {}), trying again in 2 s: {}",
                      attempt,
                      SCHEMA_ATTEMPTS,
                      failure.toString());
              Executor later = CompletableFuture.delayedExecutor(2, TimeUnit.SECONDS);
              return CompletableFuture.supplyAsync(() -> attempt + 1, later)
                  .thenCompose(next -> attempt(system, next));
            });
  }

  private static CompletionStage<Done> createAll(ActorSystem<?> system) {
    CassandraSession session = CassandraSessionRegistry.get(system).sessionFor(PLUGIN);
    CompletionStage<Done> done = CompletableFuture.completedFuture(Done.getInstance());
    for (String statement : statements(system)) {
      done = done.thenCompose(previous -> session.executeDDL(statement));
    }
    return done.thenCompose(tables -> CassandraProjection.createTablesIfNotExists(system));
  }
}
