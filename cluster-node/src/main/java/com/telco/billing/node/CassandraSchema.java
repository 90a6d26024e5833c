package com.telco.billing.node;

import com.telco.billing.node.audit.AuditStore;
import com.telco.billing.node.dunning.driver.DunningDueStore;
import com.telco.billing.node.dunning.worklist.DunningReadStore;
import com.telco.billing.node.invoice.BillingTables;
import com.telco.billing.node.mail.SentMailStore;
import com.telco.billing.node.notification.NotificationStore;
import com.telco.billing.node.payment.collection.CollectionStore;
import com.telco.billing.node.payment.directdebit.DirectDebitStore;
import com.telco.billing.node.security.ApiKeyStore;
import com.telco.billing.node.usage.SuspenseStore;
import com.telco.billing.node.usage.intake.IntakeLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.pattern.Patterns;
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
  public static List<String> statements(ActorSystem<?> system, String keyspace) {
    var classic = Adapter.toClassic(system);
    var tables = new KeyspaceAndTableStatements(classic, PLUGIN, PluginSettings.apply(classic));
    List<String> all = new ArrayList<>();
    all.add(tables.createJournalKeyspaceStatement());
    all.addAll(tables.getCreateJournalTablesStatements());
    all.add(tables.createSnapshotKeyspaceStatement());
    all.addAll(tables.getCreateSnapshotTablesStatements());
    all.addAll(SuspenseStore.createStatements(keyspace));
    all.addAll(BillingTables.createStatements(keyspace));
    all.addAll(IntakeLog.createStatements(keyspace));
    all.addAll(ApiKeyStore.createStatements(keyspace));
    all.addAll(AuditStore.createStatements(keyspace));
    all.addAll(DirectDebitStore.createStatements(keyspace));
    all.addAll(CollectionStore.createStatements(keyspace));
    all.addAll(NotificationStore.createStatements(keyspace));
    all.addAll(SentMailStore.createStatements(keyspace));
    all.addAll(DunningDueStore.createStatements(keyspace));
    all.addAll(DunningReadStore.createStatements(keyspace));
    return all;
  }

  /** How often schema creation is tried before the node gives up. */
  static final int SCHEMA_ATTEMPTS = 10;

  /** How long the node waits after a failed round before the next. */
  static final Duration RETRY_DELAY = Duration.ofSeconds(2);

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
  public static CompletionStage<Done> createIfEnabled(
      ActorSystem<?> system, CassandraSettings settings) {
    if (!settings.autocreate()) {
      return CompletableFuture.completedFuture(Done.getInstance());
    }
    return inRounds(
        system, SCHEMA_ATTEMPTS, RETRY_DELAY, round -> createAll(system, settings.keyspace()));
  }

  /**
   * Runs {@code round} until it succeeds, at most {@code rounds} times, {@code delay} apart; each
   * failed round is logged, and the last failure is returned. A round that hangs (the driver stuck
   * refreshing its schema metadata) fails after {@value #ATTEMPT_TIMEOUT_SECONDS} s.
   */
  static <T> CompletionStage<T> inRounds(
      ActorSystem<?> system, int rounds, Duration delay, IntFunction<CompletionStage<T>> round) {
    AtomicInteger started = new AtomicInteger();
    // Patterns.retry counts the retries after the first try
    return Patterns.retry(
        () -> logged(system, rounds, started.incrementAndGet(), round), rounds - 1, delay, system);
  }

  private static <T> CompletionStage<T> logged(
      ActorSystem<?> system, int rounds, int number, IntFunction<CompletionStage<T>> round) {
    return round
        .apply(number)
        .toCompletableFuture()
        .orTimeout(ATTEMPT_TIMEOUT_SECONDS, TimeUnit.SECONDS)
        .whenComplete(
            (done, failure) -> {
              if (failure != null) {
                system
                    .log()
                    .warn(
                        "creating the Cassandra schema failed (attempt {} of {}): {}",
                        number,
                        rounds,
                        failure.toString());
              }
            });
  }

  private static CompletionStage<Done> createAll(ActorSystem<?> system, String keyspace) {
    CassandraSession session = CassandraSessionRegistry.get(system).sessionFor(PLUGIN);
    CompletionStage<Done> done = CompletableFuture.completedFuture(Done.getInstance());
    for (String statement : statements(system, keyspace)) {
      done = done.thenCompose(previous -> session.executeDDL(statement));
    }
    return done.thenCompose(tables -> CassandraProjection.createTablesIfNotExists(system));
  }
}
