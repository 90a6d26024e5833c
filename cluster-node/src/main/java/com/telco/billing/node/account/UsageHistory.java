package com.telco.billing.node.account;

import com.telco.billing.core.rating.RatedUsage;
import com.telco.billing.protocol.account.AccountEvent.UsageRated;
import com.telco.billing.protocol.account.AccountEvent.UsageRerated;
import com.telco.billing.protocol.account.journal.RatedUsageRecord;
import com.telco.billing.protocol.account.journal.ReratedUsageRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.cassandra.query.javadsl.CassandraReadJournal;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.query.javadsl.CurrentEventsByPersistenceIdQuery;

/**
 * An account's rated usage as its journal holds it, for re-rating (docs/rerating.md): every record
 * a {@code UsageRated} event accepted, in journal order, each with its last rating (a later {@code
 * UsageRerated} replaces it). The account state keeps only the usage lines and counters, so the
 * records are read from the journal when a re-rating asks for them.
 */
public final class UsageHistory {
  private final Supplier<CurrentEventsByPersistenceIdQuery> journal;
  private final ActorSystem<?> system;

  private UsageHistory(Supplier<CurrentEventsByPersistenceIdQuery> journal, ActorSystem<?> system) {
    this.journal = journal;
    this.system = system;
  }

  /** The history over the node's Cassandra journal, looked up on first use. */
  public static UsageHistory of(ActorSystem<?> system) {
    return new UsageHistory(
        () ->
            PersistenceQuery.get(system)
                .getReadJournalFor(CassandraReadJournal.class, CassandraReadJournal.Identifier()),
        system);
  }

  /** The history over {@code journal} (tests: the persistence test kit's read journal). */
  public static UsageHistory over(
      CurrentEventsByPersistenceIdQuery journal, ActorSystem<?> system) {
    return new UsageHistory(() -> journal, system);
  }

  /**
   * The records of {@code persistenceId}'s events up to {@code throughSequenceNr}, each as last
   * rated, in the order they were first rated.
   */
  public CompletionStage<List<RatedUsage>> read(String persistenceId, long throughSequenceNr) {
    return journal
        .get()
        .currentEventsByPersistenceId(persistenceId, 0L, throughSequenceNr)
        .runFold(
            new LinkedHashMap<String, RatedUsageRecord>(),
            (records, envelope) -> {
              fold(records, envelope.event());
              return records;
            },
            system)
        .thenApply(records -> AccountJournal.toRatedUsage(new ArrayList<>(records.values())));
  }

  /** Folds one event into the records by key. */
  static void fold(Map<String, RatedUsageRecord> records, Object event) {
    if (event instanceof UsageRated rated) {
      for (RatedUsageRecord record : rated.usage()) {
        records.put(keyOf(record), record);
      }
    } else if (event instanceof UsageRerated rerated) {
      for (ReratedUsageRecord record : rerated.records()) {
        records.replace(keyOf(record.after()), record.after());
      }
    }
  }

  /** A record's identity: source, id and usage date (dedupe forgets ids only with their date). */
  private static String keyOf(RatedUsageRecord record) {
    return record.source() + '\u0000' + record.recordId() + '\u0000' + record.usageDate();
  }
}
