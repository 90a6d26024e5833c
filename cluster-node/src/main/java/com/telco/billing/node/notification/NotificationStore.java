package com.telco.billing.node.notification;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSession;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSessionRegistry;
import org.apache.pekko.stream.javadsl.Source;

/**
 * The notification tables in Cassandra (docs/notifications.md, "Tables"), prepared statements only:
 *
 * <ul>
 *   <li>{@code notifications}: the outbox, one row per notification by id, with the body sent.
 *   <li>{@code notification_subscriptions}: the subscribers, with their secrets; a small table read
 *       whole.
 *   <li>{@code notification_deliveries}: one row per (notification, subscription) by delivery id:
 *       status, tries, next try, last answer.
 *   <li>{@code notification_queue}: what the delivery worker tries, partitioned by the minute of
 *       the next try ({@code minute} = epoch seconds / 60), so the worker reads the minutes from
 *       its watermark to now, one partition each; a row is deleted once its try is recorded.
 *   <li>{@code notification_deliveries_by_status}: the failed deliveries, by id, for the list.
 *   <li>{@code notification_watermark}: the oldest minute that may still hold queue rows.
 *   <li>{@code notification_accounts}: each account's currency, for the amounts of payments and
 *       dunning (their events do not carry it).
 * </ul>
 */
public final class NotificationStore implements DeliveryQueue {

  /** The watermark's row: there is one worker per cluster. */
  static final String WORKER = "delivery";

  private final CassandraSession session;
  private final String ks;
  private final CompletionStage<PreparedStatement> insertNotification;
  private final CompletionStage<PreparedStatement> selectNotification;
  private final CompletionStage<PreparedStatement> insertCurrency;
  private final CompletionStage<PreparedStatement> selectCurrency;
  private final CompletionStage<PreparedStatement> insertSubscription;
  private final CompletionStage<PreparedStatement> selectSubscription;
  private final CompletionStage<PreparedStatement> selectSubscriptions;
  private final CompletionStage<PreparedStatement> deleteSubscription;
  private final CompletionStage<PreparedStatement> createDelivery;
  private final CompletionStage<PreparedStatement> saveDelivery;
  private final CompletionStage<PreparedStatement> selectDelivery;
  private final CompletionStage<PreparedStatement> insertQueue;
  private final CompletionStage<PreparedStatement> selectQueue;
  private final CompletionStage<PreparedStatement> deleteQueue;
  private final CompletionStage<PreparedStatement> insertByStatus;
  private final CompletionStage<PreparedStatement> deleteByStatus;
  private final CompletionStage<PreparedStatement> selectByStatus;
  private final CompletionStage<PreparedStatement> selectWatermark;
  private final CompletionStage<PreparedStatement> updateWatermark;

  private static final String DELIVERY_COLUMNS =
      "delivery_id, notification_id, subscription_id, event_type, account_id, status, attempts,"
          + " next_attempt_at, last_status_code, last_error, created_at, updated_at";

  /**
   * @param keyspace the keyspace of the read-side tables
   */
  public NotificationStore(ActorSystem<?> system, String keyspace) {
    this.session = CassandraSessionRegistry.get(system).sessionFor("pekko.persistence.cassandra");
    this.ks = keyspace;
    insertNotification =
        prepare(
            "INSERT INTO %s.notifications (id, type, account_id, created_at, body)"
                + " VALUES (?, ?, ?, ?, ?)");
    selectNotification =
        prepare("SELECT id, type, account_id, created_at, body FROM %s.notifications WHERE id = ?");
    insertCurrency =
        prepare("INSERT INTO %s.notification_accounts (account_id, currency) VALUES (?, ?)");
    selectCurrency = prepare("SELECT currency FROM %s.notification_accounts WHERE account_id = ?");
    insertSubscription =
        prepare(
            "INSERT INTO %s.notification_subscriptions (id, url, event_types, secret, created_at,"
                + " created_by) VALUES (?, ?, ?, ?, ?, ?)");
    String subscriptionColumns = "id, url, event_types, secret, created_at, created_by";
    selectSubscription =
        prepare(
            "SELECT " + subscriptionColumns + " FROM %s.notification_subscriptions WHERE id = ?");
    selectSubscriptions =
        prepare("SELECT " + subscriptionColumns + " FROM %s.notification_subscriptions");
    deleteSubscription = prepare("DELETE FROM %s.notification_subscriptions WHERE id = ?");
    createDelivery =
        prepare(
            "INSERT INTO %s.notification_deliveries ("
                + DELIVERY_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) IF NOT EXISTS");
    saveDelivery =
        prepare(
            "INSERT INTO %s.notification_deliveries ("
                + DELIVERY_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    selectDelivery =
        prepare(
            "SELECT "
                + DELIVERY_COLUMNS
                + " FROM %s.notification_deliveries WHERE delivery_id = ?");
    insertQueue =
        prepare(
            "INSERT INTO %s.notification_queue (minute, due_at, delivery_id, subscription_id)"
                + " VALUES (?, ?, ?, ?)");
    selectQueue =
        prepare(
            "SELECT minute, due_at, delivery_id, subscription_id FROM %s.notification_queue"
                + " WHERE minute = ?");
    deleteQueue =
        prepare(
            "DELETE FROM %s.notification_queue WHERE minute = ? AND due_at = ? AND delivery_id = ?");
    insertByStatus =
        prepare(
            "INSERT INTO %s.notification_deliveries_by_status (status, delivery_id)"
                + " VALUES (?, ?)");
    deleteByStatus =
        prepare(
            "DELETE FROM %s.notification_deliveries_by_status WHERE status = ? AND delivery_id = ?");
    selectByStatus =
        prepare(
            "SELECT delivery_id FROM %s.notification_deliveries_by_status"
                + " WHERE status = ? AND delivery_id > ? LIMIT ?");
    selectWatermark = prepare("SELECT minute FROM %s.notification_watermark WHERE worker = ?");
    updateWatermark =
        prepare(
            "INSERT INTO %s.notification_watermark (worker, minute, updated_at) VALUES (?, ?, ?)");
  }

  private CompletionStage<PreparedStatement> prepare(String cql) {
    return session.prepare(cql.replace("%s", ks));
  }

  /** The statements that create the tables in {@code keyspace}. */
  public static List<String> createStatements(String keyspace) {
    String k = "CREATE TABLE IF NOT EXISTS " + keyspace + ".";
    return List.of(
        k
            + "notifications (id text, type text, account_id text, created_at timestamp,"
            + " body text, PRIMARY KEY (id))",
        k + "notification_accounts (account_id text, currency text, PRIMARY KEY (account_id))",
        k
            + "notification_subscriptions (id text, url text, event_types set<text>,"
            + " secret text, created_at timestamp, created_by text, PRIMARY KEY (id))",
        k
            + "notification_deliveries (delivery_id text, notification_id text,"
            + " subscription_id text, event_type text, account_id text, status text,"
            + " attempts int, next_attempt_at timestamp, last_status_code int, last_error text,"
            + " created_at timestamp, updated_at timestamp, PRIMARY KEY (delivery_id))",
        k
            + "notification_queue (minute bigint, due_at timestamp, delivery_id text,"
            + " subscription_id text, PRIMARY KEY ((minute), due_at, delivery_id))"
            + " WITH gc_grace_seconds = 86400",
        k
            + "notification_deliveries_by_status (status text, delivery_id text,"
            + " PRIMARY KEY ((status), delivery_id))",
        k
            + "notification_watermark (worker text, minute bigint, updated_at timestamp,"
            + " PRIMARY KEY (worker))");
  }

  /** The queue partition of {@code at}: its minute since the epoch. */
  public static long minuteOf(Instant at) {
    return Math.floorDiv(at.getEpochSecond(), 60);
  }

  /** A row of the delivery queue. */
  public record QueueRow(long minute, Instant dueAt, String deliveryId, String subscriptionId) {}

  // --- outbox

  public CompletionStage<Done> saveNotification(Notification n) {
    return insertNotification.thenCompose(
        ps ->
            session.executeWrite(
                ps.bind(n.id(), n.type().wireName(), n.accountId(), n.createdAt(), n.body())));
  }

  public CompletionStage<Optional<Notification>> notification(String id) {
    return selectNotification
        .thenCompose(ps -> session.selectOne(ps.bind(id)))
        .thenApply(
            row ->
                row.flatMap(
                    r ->
                        NotificationType.fromWire(r.getString("type"))
                            .map(
                                type ->
                                    new Notification(
                                        r.getString("id"),
                                        type,
                                        r.getString("account_id"),
                                        r.getInstant("created_at"),
                                        r.getString("body")))));
  }

  public CompletionStage<Done> saveCurrency(String accountId, String currency) {
    return insertCurrency.thenCompose(ps -> session.executeWrite(ps.bind(accountId, currency)));
  }

  public CompletionStage<Optional<String>> currency(String accountId) {
    return selectCurrency
        .thenCompose(ps -> session.selectOne(ps.bind(accountId)))
        .thenApply(row -> row.map(r -> r.getString(0)));
  }

  // --- subscriptions

  public CompletionStage<Done> saveSubscription(Subscription s) {
    return insertSubscription.thenCompose(
        ps ->
            session.executeWrite(
                ps.bind(
                    s.id(), s.url(), s.eventTypes(), s.secret(), s.createdAt(), s.createdBy())));
  }

  public CompletionStage<Optional<Subscription>> subscription(String id) {
    return selectSubscription
        .thenCompose(ps -> session.selectOne(ps.bind(id)))
        .thenApply(row -> row.map(NotificationStore::subscriptionOf));
  }

  /** Every subscription (a small table, read whole). */
  public CompletionStage<List<Subscription>> subscriptions() {
    return selectSubscriptions
        .thenCompose(ps -> session.selectAll(ps.bind()))
        .thenApply(rows -> rows.stream().map(NotificationStore::subscriptionOf).toList());
  }

  public CompletionStage<Done> removeSubscription(String id) {
    return deleteSubscription.thenCompose(ps -> session.executeWrite(ps.bind(id)));
  }

  private static Subscription subscriptionOf(Row r) {
    Set<String> types = r.getSet("event_types", String.class);
    return new Subscription(
        r.getString("id"),
        r.getString("url"),
        types == null ? Set.of() : types,
        r.getString("secret"),
        r.getInstant("created_at"),
        r.getString("created_by"));
  }

  // --- deliveries

  /**
   * Writes {@code d} unless its id exists.
   *
   * @return the delivery as stored: {@code d}, or the one that was there
   */
  public CompletionStage<Delivery> createDelivery(Delivery d) {
    return createDelivery
        .thenCompose(ps -> session.selectOne(bindDelivery(ps, d)))
        .thenApply(
            row -> {
              if (row.isEmpty() || row.get().getBoolean("[applied]")) {
                return d;
              }
              return deliveryOf(row.get());
            });
  }

  public CompletionStage<Done> saveDelivery(Delivery d) {
    return saveDelivery.thenCompose(ps -> session.executeWrite(bindDelivery(ps, d)));
  }

  public CompletionStage<Optional<Delivery>> delivery(String id) {
    return selectDelivery
        .thenCompose(ps -> session.selectOne(ps.bind(id)))
        .thenApply(row -> row.map(NotificationStore::deliveryOf));
  }

  private static com.datastax.oss.driver.api.core.cql.BoundStatement bindDelivery(
      PreparedStatement ps, Delivery d) {
    return ps.bind(
        d.id(),
        d.notificationId(),
        d.subscriptionId(),
        d.eventType(),
        d.accountId(),
        d.status().wireName(),
        d.attempts(),
        d.nextAttemptAt(),
        d.lastStatusCode(),
        d.lastError(),
        d.createdAt(),
        d.updatedAt());
  }

  private static Delivery deliveryOf(Row r) {
    Delivery.Status status = Delivery.Status.fromWire(r.getString("status"));
    return new Delivery(
        r.getString("delivery_id"),
        r.getString("notification_id"),
        r.getString("subscription_id"),
        r.getString("event_type"),
        r.getString("account_id"),
        status == null ? Delivery.Status.FAILED : status,
        r.getInt("attempts"),
        r.getInstant("next_attempt_at"),
        r.isNull("last_status_code") ? null : r.getInt("last_status_code"),
        r.getString("last_error"),
        r.getInstant("created_at"),
        r.getInstant("updated_at"));
  }

  // --- the queue

  /** Queues {@code d} for a try at its next attempt time. */
  public CompletionStage<Done> enqueue(Delivery d) {
    return enqueue(d.id(), d.subscriptionId(), d.nextAttemptAt());
  }

  /** Queues the delivery {@code deliveryId} for a try at {@code dueAt}. */
  public CompletionStage<Done> enqueue(String deliveryId, String subscriptionId, Instant dueAt) {
    return insertQueue.thenCompose(
        ps -> session.executeWrite(ps.bind(minuteOf(dueAt), dueAt, deliveryId, subscriptionId)));
  }

  /** The rows of the minutes {@code from} to {@code to}, inclusive, in order. */
  @Override
  public Source<QueueRow, NotUsed> queue(long from, long to) {
    if (to < from) {
      return Source.empty();
    }
    return Source.completionStage(selectQueue)
        .flatMapConcat(
            ps ->
                Source.range(0, (int) Math.max(0, to - from))
                    .flatMapConcat(i -> session.select(ps.bind(from + i))))
        .map(
            r ->
                new QueueRow(
                    r.getLong("minute"),
                    r.getInstant("due_at"),
                    r.getString("delivery_id"),
                    r.getString("subscription_id")));
  }

  public CompletionStage<Done> dequeue(QueueRow row) {
    return deleteQueue.thenCompose(
        ps -> session.executeWrite(ps.bind(row.minute(), row.dueAt(), row.deliveryId())));
  }

  // --- failed deliveries

  public CompletionStage<Done> markFailed(String deliveryId) {
    return insertByStatus.thenCompose(
        ps -> session.executeWrite(ps.bind(Delivery.Status.FAILED.wireName(), deliveryId)));
  }

  public CompletionStage<Done> unmarkFailed(String deliveryId) {
    return deleteByStatus.thenCompose(
        ps -> session.executeWrite(ps.bind(Delivery.Status.FAILED.wireName(), deliveryId)));
  }

  /** Up to {@code limit} ids of failed deliveries after {@code after} ({@code ""}: the first). */
  public CompletionStage<List<String>> failedIds(String after, int limit) {
    return selectByStatus
        .thenCompose(
            ps -> session.selectAll(ps.bind(Delivery.Status.FAILED.wireName(), after, limit)))
        .thenApply(rows -> rows.stream().map(r -> r.getString(0)).toList());
  }

  // --- the watermark

  @Override
  public CompletionStage<Optional<Long>> watermark() {
    return selectWatermark
        .thenCompose(ps -> session.selectOne(ps.bind(WORKER)))
        .thenApply(row -> row.map(r -> r.getLong(0)));
  }

  @Override
  public CompletionStage<Done> saveWatermark(long minute, Instant at) {
    return updateWatermark.thenCompose(ps -> session.executeWrite(ps.bind(WORKER, minute, at)));
  }
}
