package com.telco.billing.node.dunning.worklist;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSession;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSessionRegistry;

/**
 * The dunning read side in Cassandra, prepared statements only:
 *
 * <ul>
 *   <li>{@code dunning_state}: one row per account that ever had a dunning fact (and the currency
 *       of every opened account), what the projection folds the next facts onto;
 *   <li>{@code dunning_accounts}: the work list, the same columns for the accounts in an episode,
 *       in {@value #BUCKETS} partitions by {@code hash(accountId)}, each ordered by account id (a
 *       page continues after the last account of a bucket);
 *   <li>{@code dunning_collections}: the accounts handed to collections, one partition per date.
 * </ul>
 */
public final class DunningReadStore implements DunningReadSide {

  /** Partitions of the work list; fixed for the life of a keyspace. */
  static final int BUCKETS = 16;

  private static final String COLUMNS =
      "currency, next_evaluation, episode, episode_start, step_index, step_name, step_date,"
          + " days_past_due_at_step, oldest_due, overdue, barred, hold_id, hold_until,"
          + " handed_to_collections";

  private final CassandraSession session;
  private final CompletionStage<PreparedStatement> selectState;
  private final CompletionStage<PreparedStatement> insertState;
  private final CompletionStage<PreparedStatement> updateCurrency;
  private final CompletionStage<PreparedStatement> insertEntry;
  private final CompletionStage<PreparedStatement> deleteEntry;
  private final CompletionStage<PreparedStatement> selectEntries;
  private final CompletionStage<PreparedStatement> selectEntriesAfter;
  private final CompletionStage<PreparedStatement> insertHandedOver;
  private final CompletionStage<PreparedStatement> selectHandedOver;

  /**
   * @param keyspace the keyspace of the read-side tables
   */
  public DunningReadStore(ActorSystem<?> system, String keyspace) {
    this.session = CassandraSessionRegistry.get(system).sessionFor("pekko.persistence.cassandra");
    String ks = keyspace;
    selectState =
        session.prepare(
            "SELECT " + COLUMNS + " FROM " + ks + ".dunning_state WHERE account_id = ?");
    insertState =
        session.prepare(
            "INSERT INTO "
                + ks
                + ".dunning_state (account_id, "
                + COLUMNS
                + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    updateCurrency =
        session.prepare("UPDATE " + ks + ".dunning_state SET currency = ? WHERE account_id = ?");
    insertEntry =
        session.prepare(
            "INSERT INTO "
                + ks
                + ".dunning_accounts (bucket, account_id, "
                + COLUMNS
                + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    deleteEntry =
        session.prepare(
            "DELETE FROM " + ks + ".dunning_accounts WHERE bucket = ? AND account_id = ?");
    selectEntries =
        session.prepare(
            "SELECT account_id, "
                + COLUMNS
                + " FROM "
                + ks
                + ".dunning_accounts WHERE bucket = ? LIMIT ?");
    selectEntriesAfter =
        session.prepare(
            "SELECT account_id, "
                + COLUMNS
                + " FROM "
                + ks
                + ".dunning_accounts WHERE bucket = ? AND account_id > ? LIMIT ?");
    insertHandedOver =
        session.prepare(
            "INSERT INTO "
                + ks
                + ".dunning_collections (handed_on, account_id, episode, overdue, currency)"
                + " VALUES (?, ?, ?, ?, ?)");
    selectHandedOver =
        session.prepare(
            "SELECT account_id, episode, overdue, currency FROM "
                + ks
                + ".dunning_collections WHERE handed_on = ?");
  }

  private static String columns() {
    return "currency text, next_evaluation date, episode int, episode_start date, step_index int,"
        + " step_name text, step_date date, days_past_due_at_step bigint, oldest_due date,"
        + " overdue decimal, barred boolean, hold_id text, hold_until date,"
        + " handed_to_collections date, updated_at timestamp";
  }

  /** The statements that create the tables in {@code keyspace}. */
  public static List<String> createStatements(String keyspace) {
    return List.of(
        "CREATE TABLE IF NOT EXISTS "
            + keyspace
            + ".dunning_state (account_id text, "
            + columns()
            + ", PRIMARY KEY (account_id))",
        "CREATE TABLE IF NOT EXISTS "
            + keyspace
            + ".dunning_accounts (bucket int, account_id text, "
            + columns()
            + ", PRIMARY KEY ((bucket), account_id))",
        "CREATE TABLE IF NOT EXISTS "
            + keyspace
            + ".dunning_collections (handed_on date, account_id text, episode int,"
            + " overdue decimal, currency text, PRIMARY KEY ((handed_on), account_id, episode))");
  }

  /** The work list bucket of an account ({@link String#hashCode} is the same on every JVM). */
  static int bucketOf(String accountId) {
    return Math.floorMod(accountId.hashCode(), BUCKETS);
  }

  @Override
  public CompletionStage<Optional<AccountDunning>> lookup(String accountId) {
    return selectState
        .thenCompose(ps -> session.selectOne(ps.bind(accountId)))
        .thenApply(row -> row.map(r -> read(r, 0)));
  }

  @Override
  public CompletionStage<Done> save(String accountId, AccountDunning d) {
    Instant now = Instant.now();
    CompletionStage<Done> state =
        insertState.thenCompose(
            ps -> session.executeWrite(ps.bind(values(List.of(accountId), d, now))));
    CompletionStage<Done> entry =
        d.inEpisode()
            ? insertEntry.thenCompose(
                ps ->
                    session.executeWrite(
                        ps.bind(values(List.of(bucketOf(accountId), accountId), d, now))))
            : deleteEntry.thenCompose(
                ps -> session.executeWrite(ps.bind(bucketOf(accountId), accountId)));
    return state.thenCombine(entry, (a, b) -> Done.getInstance());
  }

  private static Object[] values(List<Object> key, AccountDunning d, Instant now) {
    List<Object> values = new ArrayList<>(key);
    values.add(d.currency());
    values.add(d.nextEvaluation());
    AccountDunning.Episode e = d.episode();
    if (e == null) {
      // no episode: 0, its columns empty, not barred
      values.add(0);
      values.addAll(Arrays.asList(null, null, null, null, null, null, null));
      values.add(false);
    } else {
      values.add(e.number());
      values.add(e.start());
      values.add(e.stepIndex());
      values.add(e.stepName());
      values.add(e.stepDate());
      values.add(e.daysPastDueAtStep());
      values.add(e.oldestDue());
      values.add(e.overdue());
      values.add(e.barred());
    }
    values.add(d.holdId());
    values.add(d.holdUntil());
    values.add(e == null ? null : e.handedToCollections());
    values.add(now);
    return values.toArray();
  }

  private static AccountDunning read(Row r, int from) {
    int i = from;
    AccountDunning.Episode episode =
        r.getInt(i + 2) == 0
            ? null
            : new AccountDunning.Episode(
                r.getInt(i + 2),
                r.getLocalDate(i + 3),
                r.isNull(i + 4) ? null : r.getInt(i + 4),
                r.getString(i + 5),
                r.getLocalDate(i + 6),
                r.isNull(i + 7) ? null : r.getLong(i + 7),
                r.getLocalDate(i + 8),
                r.getBigDecimal(i + 9),
                r.getBoolean(i + 10),
                r.getLocalDate(i + 13));
    return new AccountDunning(
        r.getString(i),
        r.getLocalDate(i + 1),
        r.getString(i + 11),
        r.getLocalDate(i + 12),
        episode);
  }

  @Override
  public CompletionStage<Done> saveCurrency(String accountId, String currency) {
    return updateCurrency.thenCompose(ps -> session.executeWrite(ps.bind(currency, accountId)));
  }

  @Override
  public CompletionStage<Done> handedOver(HandedOver e) {
    return insertHandedOver.thenCompose(
        ps ->
            session.executeWrite(
                ps.bind(e.handedOn(), e.accountId(), e.episode(), e.overdue(), e.currency())));
  }

  @Override
  public CompletionStage<WorkListPage> page(
      WorkListFilter filter,
      WorkListPage.Position after,
      int limit,
      int maxScanned,
      LocalDate today) {
    return scan(
        new Scan(filter, limit, maxScanned, today),
        after == null ? 0 : after.bucket(),
        after == null ? null : after.accountId());
  }

  /** What a page has found so far. */
  private static final class Scan {
    final WorkListFilter filter;
    final int limit;
    final LocalDate today;
    final List<WorkListEntry> found = new ArrayList<>();
    int budget;

    Scan(WorkListFilter filter, int limit, int maxScanned, LocalDate today) {
      this.filter = filter;
      this.limit = limit;
      this.budget = maxScanned;
      this.today = today;
    }
  }

  /**
   * Reads bucket {@code bucket} after {@code afterId}, then the next buckets, until the page is
   * full (one entry more than it shows, to know whether the list goes on) or the scan budget is
   * spent.
   */
  private CompletionStage<WorkListPage> scan(Scan scan, int bucket, String afterId) {
    if (bucket >= BUCKETS) {
      return CompletableFuture.completedFuture(new WorkListPage(List.copyOf(scan.found), null));
    }
    int fetch = scan.budget;
    CompletionStage<List<Row>> rows =
        afterId == null
            ? selectEntries.thenCompose(ps -> session.selectAll(ps.bind(bucket, fetch)))
            : selectEntriesAfter.thenCompose(
                ps -> session.selectAll(ps.bind(bucket, afterId, fetch)));
    return rows.thenCompose(
        list -> {
          String last = afterId;
          for (Row row : list) {
            scan.budget--;
            WorkListEntry entry = new WorkListEntry(row.getString(0), read(row, 1));
            if (scan.filter.matches(entry.dunning(), scan.today)) {
              if (scan.found.size() == scan.limit) {
                // a further entry exists: the next page starts after the last one shown
                return CompletableFuture.completedFuture(
                    new WorkListPage(
                        List.copyOf(scan.found),
                        positionAfter(scan.found.get(scan.limit - 1).accountId())));
              }
              scan.found.add(entry);
            }
            last = entry.accountId();
          }
          if (scan.budget <= 0) {
            return CompletableFuture.completedFuture(
                new WorkListPage(List.copyOf(scan.found), new WorkListPage.Position(bucket, last)));
          }
          return scan(scan, bucket + 1, null);
        });
  }

  private static WorkListPage.Position positionAfter(String accountId) {
    return new WorkListPage.Position(bucketOf(accountId), accountId);
  }

  @Override
  public CompletionStage<List<HandedOver>> handedOver(LocalDate from, LocalDate to) {
    List<LocalDate> dates = from.datesUntil(to.plusDays(1)).toList();
    CompletionStage<List<HandedOver>> all = CompletableFuture.completedFuture(new ArrayList<>());
    for (LocalDate date : dates) {
      all =
          all.thenCompose(
              acc ->
                  selectHandedOver
                      .thenCompose(ps -> session.selectAll(ps.bind(date)))
                      .thenApply(
                          rows -> {
                            for (Row r : rows) {
                              acc.add(
                                  new HandedOver(
                                      date,
                                      r.getString(0),
                                      r.getInt(1),
                                      r.getBigDecimal(2),
                                      r.getString(3)));
                            }
                            return acc;
                          }));
    }
    return all.thenApply(List::copyOf);
  }
}
