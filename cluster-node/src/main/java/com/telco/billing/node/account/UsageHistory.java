package com.telco.billing.node.account;

import com.telco.billing.protocol.account.AccountEvent.ReceivablesChanged;
import com.telco.billing.protocol.account.AccountEvent.UsageRated;
import com.telco.billing.protocol.account.AccountEvent.UsageRerated;
import com.telco.billing.protocol.account.journal.RatedUsageRecord;
import com.telco.billing.protocol.account.journal.ReceivableFact;
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
 * UsageRerated} replaces it), and what a given job already changed. The account state keeps only
 * the usage lines and counters, so the records are read from the journal when a re-rating asks for
 * them.
 */
public final class UsageHistory {
  private final Supplier<CurrentEventsByPersistenceIdQuery> journal;
  private final ActorSystem<?> system;

  private UsageHistory(Supplier<CurrentEventsByPersistenceIdQuery> journal, ActorSystem<?> system) {
    this.journal = journal;
    this.system = system;
  }

  /**
   * What the journal says.
   *
   * @param records every record, each as last rated, in the order they were first rated
   * @param earlier the records the job already rated again
   * @param earlierAdjustments the adjustment lines the job already added
   */
  public record Read(
      List<RatedUsageRecord> records,
      List<ReratedUsageRecord> earlier,
      List<ReceivableFact.ChargeAdded> earlierAdjustments) {}

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
   * The records of {@code persistenceId}'s events up to {@code throughSequenceNr}; fails when the
   * read did not reach that event (a record left out would be rated against counters too low).
   */
  public CompletionStage<Read> read(String persistenceId, long throughSequenceNr, String jobId) {
    return journal
        .get()
        .currentEventsByPersistenceId(persistenceId, 0L, throughSequenceNr)
        .runFold(
            new Folded(jobId),
            (folded, envelope) -> {
              folded.fold(envelope.event());
              folded.lastSequenceNr = envelope.sequenceNr();
              return folded;
            },
            system)
        .thenApply(
            folded -> {
              if (folded.lastSequenceNr != throughSequenceNr) {
                throw new IllegalStateException(
                    "the journal read ended at event "
                        + folded.lastSequenceNr
                        + " of "
                        + throughSequenceNr);
              }
              return folded.read();
            });
  }

  /** The fold's state: the records by key, the job's changes. */
  private static final class Folded {
    final String jobId;
    final Map<String, RatedUsageRecord> records = new LinkedHashMap<>();
    final List<ReratedUsageRecord> earlier = new ArrayList<>();
    final List<ReceivableFact.ChargeAdded> adjustments = new ArrayList<>();
    long lastSequenceNr;

    Folded(String jobId) {
      this.jobId = jobId;
    }

    void fold(Object event) {
      if (event instanceof UsageRated rated) {
        for (RatedUsageRecord record : rated.usage()) {
          records.put(keyOf(record), record);
        }
      } else if (event instanceof UsageRerated rerated) {
        for (ReratedUsageRecord record : rerated.records()) {
          records.replace(keyOf(record.after()), record.after());
        }
        if (rerated.jobId().equals(jobId)) {
          earlier.addAll(rerated.records());
        }
      } else if (event instanceof ReceivablesChanged changed) {
        for (ReceivableFact fact : changed.facts()) {
          if (fact instanceof ReceivableFact.ChargeAdded charge
              && jobId.equals(charge.fingerprint())
              && charge.chargeId().startsWith(ReratingHandlers.ADJUSTMENT_PREFIX)) {
            adjustments.add(charge);
          }
        }
      }
    }

    Read read() {
      return new Read(List.copyOf(records.values()), earlier, adjustments);
    }
  }

  /** A record's identity: source, id and usage date (dedupe forgets ids only with their date). */
  private static String keyOf(RatedUsageRecord record) {
    return record.source() + '\u0000' + record.recordId() + '\u0000' + record.usageDate();
  }
}
