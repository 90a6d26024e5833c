package com.telco.billing.node.usage.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.uuid.Uuids;
import com.fasterxml.jackson.databind.JsonNode;
import com.telco.billing.node.usage.AsyncLimiter;
import com.telco.billing.node.usage.UsageService.ReceivedRating;
import com.telco.billing.protocol.Origin;
import com.telco.billing.protocol.usage.UsageOutcome;
import com.typesafe.config.ConfigFactory;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.pekko.Done;
import org.junit.jupiter.api.Test;

/**
 * The attempt rule of a batch, without Cassandra: a record that keeps failing parks its batch after
 * {@code max-attempts} counted attempts with the other records' outcomes kept; attempts after which
 * Cassandra took no write do not count; each attempt rates only what has no outcome.
 */
class BatchRatingTest {
  private static final IntakeSettings SETTINGS =
      IntakeSettings.from(
          ConfigFactory.parseString(
                  "billing.usage.intake.max-attempts = 3\n"
                      + "billing.usage.intake.attempt-backoff = 10ms")
              .withFallback(ConfigFactory.parseResources("billing.conf"))
              .resolve());

  /** The store, in memory; its attempt writes fail while {@code down} is above zero. */
  static final class Store implements BatchRating.Store {
    final AtomicInteger down = new AtomicInteger();
    final List<IntakeLog.Attempt> attempts = new CopyOnWriteArrayList<>();
    final Map<UUID, String> statuses = new ConcurrentHashMap<>();
    final List<IntakeLog.Parked> parked = new CopyOnWriteArrayList<>();
    final AtomicInteger cleared = new AtomicInteger();

    @Override
    public int partitionOf(UUID batchId) {
      return 0;
    }

    @Override
    public CompletionStage<Done> putAttempt(IntakeLog.Attempt attempt) {
      if (down.getAndDecrement() > 0) {
        return CompletableFuture.failedFuture(new DriverTimeoutException("no quorum"));
      }
      attempts.add(attempt);
      return CompletableFuture.completedFuture(Done.getInstance());
    }

    @Override
    public CompletionStage<Done> putStatus(UUID batchId, Instant ratedAt, String outcomesJson) {
      statuses.put(batchId, outcomesJson);
      return CompletableFuture.completedFuture(Done.getInstance());
    }

    @Override
    public CompletionStage<Done> clearAttempts(UUID batchId) {
      cleared.incrementAndGet();
      return CompletableFuture.completedFuture(Done.getInstance());
    }

    @Override
    public CompletionStage<Done> park(IntakeLog.Parked p) {
      parked.add(p);
      return CompletableFuture.completedFuture(Done.getInstance());
    }
  }

  /** One call of the rating: the ids it was given and whether one by one. */
  record Call(List<String> ids, boolean oneByOne) {}

  /** Accepts every record except those {@code fails} picks (each fails alone). */
  static final class Rating implements IntakeReader.Rating {
    final List<Call> calls = new CopyOnWriteArrayList<>();
    // the origin of each call, in order (a list takes no nulls as List.of does)
    final List<Optional<Origin>> origins = new CopyOnWriteArrayList<>();
    final Predicate<String> fails;

    Rating(Predicate<String> fails) {
      this.fails = fails;
    }

    @Override
    public CompletionStage<ReceivedRating> rate(
        List<JsonNode> elements,
        Instant receivedAt,
        AsyncLimiter limiter,
        boolean oneByOne,
        Origin origin) {
      List<String> ids = elements.stream().map(e -> e.get("id").asText()).toList();
      calls.add(new Call(ids, oneByOne));
      origins.add(Optional.ofNullable(origin));
      List<UsageOutcome> outcomes = new ArrayList<>();
      List<Throwable> failures = new ArrayList<>();
      for (String id : ids) {
        boolean failed = fails.test(id);
        outcomes.add(
            failed
                ? null
                : new UsageOutcome.Accepted(id, "msc", new BigDecimal("0.090000"), "EUR", false));
        failures.add(failed ? new IllegalStateException("cannot persist " + id) : null);
      }
      return CompletableFuture.completedFuture(new ReceivedRating(outcomes, failures));
    }
  }

  private static IntakeLog.Batch batch(String body, int received) {
    UUID id = Uuids.timeBased();
    return new IntakeLog.Batch(id, Instant.now(), IntakeService.JSON, body, received, "[]", SENDER);
  }

  private static IntakeLog.Batch batch(String... ids) {
    List<String> records = new ArrayList<>();
    for (String id : ids) {
      records.add("{\"id\": \"" + id + "\", \"source\": \"msc\"}");
    }
    return batch("[" + String.join(",", records) + "]", ids.length);
  }

  /** The request every batch of these tests was received with. */
  private static final Origin SENDER = new Origin("mediation-feed", "req-b1");

  private static BatchRating.Ending run(Store store, IntakeReader.Rating rating, IntakeLog.Batch b)
      throws Exception {
    return new BatchRating(store, rating, SETTINGS, new AsyncLimiter(4), Clock.systemUTC())
        .rate(b, null)
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
  }

  private static List<UsageOutcome> outcomes(String json) {
    return IntakeService.parse(json, IntakeService.OUTCOMES);
  }

  @Test
  void aRecordThatAlwaysFailsParksItsBatchAfterThreeAttemptsWithTheOthersRated() throws Exception {
    Store store = new Store();
    Rating rating = new Rating(id -> id.equals("p"));
    IntakeLog.Batch b = batch("a", "p", "b");

    assertEquals(BatchRating.Ending.PARKED, run(store, rating, b));

    assertEquals(
        List.of(
            new Call(List.of("a", "p", "b"), false),
            new Call(List.of("p"), true),
            new Call(List.of("p"), true)),
        rating.calls,
        "the first attempt as a batch, then only the failed record, alone");
    assertEquals(
        List.of(1, 2, 3), store.attempts.stream().map(IntakeLog.Attempt::attempts).toList());
    assertEquals(1, store.parked.size());
    IntakeLog.Parked parked = store.parked.get(0);
    assertEquals(b.batchId(), parked.batchId());
    assertEquals(3, parked.attempts());
    assertEquals(RatingFailure.RATING_ERROR, parked.reason());
    assertEquals("1 of 1 records not rated: IllegalStateException", parked.message());
    assertNull(parked.redriveRequestedAt());
    List<UsageOutcome> kept = outcomes(parked.outcomes());
    assertEquals(UsageOutcome.Status.ACCEPTED, kept.get(0).status());
    assertNull(kept.get(1));
    assertEquals(UsageOutcome.Status.ACCEPTED, kept.get(2).status());
    assertTrue(store.statuses.isEmpty());
    assertEquals(1, store.cleared.get());
    assertEquals(
        List.of(Optional.of(SENDER), Optional.of(SENDER), Optional.of(SENDER)),
        rating.origins,
        "every attempt rates on behalf of the request that sent the batch");
  }

  @Test
  void aRedrivenBatchIsRatedOnBehalfOfTheRedriveAndOneStoredWithoutAnOriginWithNone()
      throws Exception {
    Origin operator = new Origin("ops-1", "req-r9");
    Rating rating = new Rating(id -> false);
    IntakeLog.Batch b = batch("a");
    assertEquals(BatchRating.Ending.RATED, run(new Store(), rating, b.ratedFor(operator)));
    assertEquals(b, b.ratedFor(null), "a redrive stored without an origin keeps the batch's");
    IntakeLog.Batch old =
        new IntakeLog.Batch(
            b.batchId(), b.receivedAt(), b.format(), b.body(), b.received(), "[]", null);
    assertEquals(BatchRating.Ending.RATED, run(new Store(), rating, old));
    assertEquals(List.of(Optional.of(operator), Optional.empty()), rating.origins);
  }

  @Test
  void failuresWhileCassandraTakesNoWritesDoNotCountAndNothingIsParked() throws Exception {
    Store store = new Store();
    store.down.set(5);
    AtomicInteger failing = new AtomicInteger(5);
    // five failed attempts, more than max-attempts, while Cassandra takes no write; then it works
    Rating rating = new Rating(id -> id.equals("p") && failing.getAndDecrement() > 0);

    assertEquals(BatchRating.Ending.RATED, run(store, rating, batch("a", "p")));

    assertEquals(6, rating.calls.size());
    assertTrue(store.parked.isEmpty());
    assertTrue(store.attempts.isEmpty(), "no attempt was counted");
    List<UsageOutcome> rated = outcomes(store.statuses.values().iterator().next());
    assertEquals(2, rated.size());
    assertTrue(rated.stream().allMatch(o -> o.status() == UsageOutcome.Status.ACCEPTED));
  }

  @Test
  void onceCassandraTakesWritesAgainTheAttemptsCountAndTheBatchParks() throws Exception {
    Store store = new Store();
    store.down.set(4);
    Rating rating = new Rating(id -> id.equals("p"));

    assertEquals(BatchRating.Ending.PARKED, run(store, rating, batch("p")));

    assertEquals(4 + 3, rating.calls.size());
    assertEquals(3, store.parked.get(0).attempts());
  }

  @Test
  void aCallThatFailsAsAWholeIsRetriedForItsRecordsAndTheirOutcomesAreStored() throws Exception {
    Store store = new Store();
    Rating accepting = new Rating(id -> false);
    AtomicInteger calls = new AtomicInteger();
    IntakeReader.Rating timingOutOnce =
        (elements, receivedAt, limiter, oneByOne, origin) ->
            calls.getAndIncrement() == 0
                ? CompletableFuture.failedFuture(new TimeoutException())
                : accepting.rate(elements, receivedAt, limiter, oneByOne, origin);

    assertEquals(BatchRating.Ending.RATED, run(store, timingOutOnce, batch("a", "b")));

    assertEquals(RatingFailure.ACCOUNT_TIMEOUT, store.attempts.get(0).reason());
    assertEquals("2 of 2 records not rated", store.attempts.get(0).message().substring(0, 24));
    assertEquals(List.of(new Call(List.of("a", "b"), true)), accepting.calls);
    assertEquals(1, store.cleared.get(), "the attempt record goes once the batch is rated");
  }

  @Test
  void aBodyThatCannotBeReadBackIsParkedAtOnce() throws Exception {
    Store store = new Store();
    Rating rating = new Rating(id -> false);

    assertEquals(BatchRating.Ending.PARKED, run(store, rating, batch("[{\"id\": ", 2)));

    assertTrue(rating.calls.isEmpty());
    IntakeLog.Parked parked = store.parked.get(0);
    assertEquals(RatingFailure.UNREADABLE_BATCH, parked.reason());
    assertEquals(1, parked.attempts());
    assertEquals(2, outcomes(parked.outcomes()).size(), "one parked record per received one");
  }
}
