package com.telco.billing.node.usage.intake;

import com.datastax.oss.driver.api.core.uuid.Uuids;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.telco.billing.node.json.StrictJson;
import com.telco.billing.node.json.UsageBodies;
import com.telco.billing.node.usage.UsageService;
import com.telco.billing.protocol.Origin;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusalCode;
import com.telco.billing.protocol.RefusedException;
import com.telco.billing.protocol.usage.UsageBatchResponse;
import com.telco.billing.protocol.usage.UsageBatchResponse.Rejection;
import com.telco.billing.protocol.usage.UsageIntakeBacklog;
import com.telco.billing.protocol.usage.UsageOutcome;
import com.telco.billing.protocol.usage.UsageParkedBatches;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable intake ({@code POST /usage/batches}, {@code GET /usage/batches/{id}}): a batch is
 * validated like {@code POST /usage}, written once to the intake log with the journal's write
 * consistency and acknowledged {@code received}; the {@link IntakeReader}s rate it later through
 * {@link UsageService#rateReceived} and store its outcomes, which {@link #status} then answers. A
 * batch whose records keep failing is parked ({@link #parked}) until an operator redrives it
 * ({@link #redrive}).
 */
public final class IntakeService {
  private static final Logger logger = LoggerFactory.getLogger(IntakeService.class);

  /** Body formats, as stored with a batch. */
  public static final String JSON = "json";

  public static final String NDJSON = "ndjson";

  private static final TypeReference<List<Rejection>> REJECTIONS = new TypeReference<>() {};
  static final TypeReference<List<UsageOutcome>> OUTCOMES = new TypeReference<>() {};

  private final UsageService usage;
  private final IntakeLog log;
  private final Clock clock;
  private final Semaphore writes;
  private final IntakeSettings settings;

  public IntakeService(UsageService usage, IntakeLog log, IntakeSettings settings, Clock clock) {
    this.usage = usage;
    this.log = log;
    this.clock = clock;
    this.writes = new Semaphore(settings.maxWritesInFlight());
    this.settings = settings;
  }

  /** Batches this node is receiving (validating or writing) now. */
  public int receiving() {
    return settings.maxWritesInFlight() - writes.availablePermits();
  }

  /** Splits a stored or received body into its records. */
  static List<JsonNode> records(String format, String body) {
    return NDJSON.equals(format) ? UsageBodies.fromNdjson(body) : UsageBodies.fromJsonArray(body);
  }

  /**
   * Validates the records of {@code body}, writes the batch once and answers it {@code received}. A
   * body that is not well-formed, empty or over the record limit fails (400) and nothing is
   * written; so does an overloaded node (429).
   *
   * @param origin the request that sends it, stored with the batch: the accounts' usage events of
   *     its records name it
   */
  public CompletionStage<UsageBatchResponse> receive(String format, String body, Origin origin) {
    List<JsonNode> elements = records(format, body);
    usage.checkBatchSize(elements);
    if (!writes.tryAcquire()) {
      return CompletableFuture.failedFuture(
          Refusal.of(
                  RefusalCode.OVERLOADED,
                  null,
                  "this node has too many usage batches being written; retry after Retry-After")
              .toException());
    }
    try {
      UUID batchId = Uuids.timeBased();
      // the batch id's time, to the millisecond, is its reception time
      Instant receivedAt = Instant.ofEpochMilli(Uuids.unixTimestamp(batchId));
      List<UsageOutcome.Rejected> checked = usage.validate(elements, receivedAt);
      List<Rejection> rejections = new ArrayList<>();
      for (int i = 0; i < checked.size(); i++) {
        UsageOutcome.Rejected o = checked.get(i);
        if (o != null) {
          rejections.add(new Rejection(i, o.id(), o.source(), o.reason(), o.field(), o.message()));
        }
      }
      String rejectionsJson = StrictJson.MAPPER.writeValueAsString(rejections);
      IntakeLog.Batch batch =
          new IntakeLog.Batch(
              batchId, receivedAt, format, body, elements.size(), rejectionsJson, origin);
      return log.append(batch)
          .exceptionallyCompose(
              failure -> {
                logger.warn("writing usage batch {} failed: {}", batchId, failure.toString());
                return CompletableFuture.failedFuture(
                    Refusal.of(
                            RefusalCode.INTAKE_UNAVAILABLE,
                            null,
                            "the batch could not be written to the intake log; send it again"
                                + " after Retry-After")
                        .toException());
              })
          .thenApply(
              done ->
                  UsageBatchResponse.received(
                      batchId.toString(), receivedAt, elements.size(), rejections))
          .whenComplete((r, f) -> writes.release());
    } catch (JsonProcessingException | RuntimeException e) {
      writes.release();
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Most hour buckets {@link #backlog} reads per partition (48 h behind). */
  static final int BACKLOG_MAX_HOURS = 48;

  /**
   * How far the readers are behind: per partition, the batches after its stored offset (up to
   * {@value #BACKLOG_MAX_HOURS} hour buckets of them). A partition whose reader never stored an
   * offset counts from {@code first-scan-lookback} before now.
   */
  public CompletionStage<UsageIntakeBacklog> backlog() {
    long nowHour = Math.floorDiv(clock.millis(), 3_600_000L);
    List<CompletableFuture<UsageIntakeBacklog.Partition>> partitions = new ArrayList<>();
    for (int p = 0; p < settings.partitions(); p++) {
      int partition = p;
      partitions.add(
          log.offset(partition)
              .thenCompose(
                  stored -> {
                    IntakeLog.Offset from =
                        stored.orElseGet(
                            () ->
                                new IntakeLog.Offset(
                                    Math.floorDiv(
                                        clock.millis() - settings.firstScanLookback().toMillis(),
                                        3_600_000L),
                                    null));
                    Instant upTo =
                        stored.isEmpty()
                            ? null
                            : from.after() != null
                                ? Instant.ofEpochMilli(Uuids.unixTimestamp(from.after()))
                                : Instant.ofEpochMilli(IntakeLog.hourStartMillis(from.hour()));
                    long firstHour = Math.max(from.hour(), nowHour - BACKLOG_MAX_HOURS + 1);
                    List<CompletableFuture<List<Integer>>> hours = new ArrayList<>();
                    for (long h = firstHour; h <= nowHour; h++) {
                      hours.add(
                          log.pending(partition, h, h == from.hour() ? from.after() : null)
                              .toCompletableFuture());
                    }
                    return CompletableFuture.allOf(hours.toArray(CompletableFuture[]::new))
                        .thenApply(
                            done -> {
                              int batches = 0;
                              long records = 0;
                              for (CompletableFuture<List<Integer>> h : hours) {
                                for (int count : h.join()) {
                                  batches++;
                                  records += count;
                                }
                              }
                              return new UsageIntakeBacklog.Partition(
                                  partition, upTo, batches, records);
                            });
                  })
              .toCompletableFuture());
    }
    return CompletableFuture.allOf(partitions.toArray(CompletableFuture[]::new))
        .thenApply(
            done ->
                UsageIntakeBacklog.of(partitions.stream().map(CompletableFuture::join).toList()));
  }

  /** A batch id as sent in a path: a time-based UUID, else empty (unknown). */
  private static Optional<UUID> batchIdOf(String id) {
    try {
      UUID batchId = UUID.fromString(id);
      return batchId.version() == 1 ? Optional.of(batchId) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * The batch with this id: received (with its failed attempts, if any), rated or parked; empty for
   * an unknown id.
   */
  public CompletionStage<Optional<UsageBatchResponse>> status(String id) {
    Optional<UUID> parsed = batchIdOf(id);
    if (parsed.isEmpty()) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    UUID batchId = parsed.get();
    Instant receivedAt = Instant.ofEpochMilli(Uuids.unixTimestamp(batchId));
    CompletionStage<Optional<IntakeLog.Status>> rated = log.status(batchId);
    return rated.thenCompose(
        status -> {
          if (status.isPresent()) {
            return CompletableFuture.completedFuture(
                Optional.of(
                    UsageBatchResponse.rated(
                        id,
                        receivedAt,
                        status.get().ratedAt(),
                        parse(status.get().outcomes(), OUTCOMES))));
          }
          CompletableFuture<Optional<IntakeLog.Batch>> batch =
              log.batch(batchId).toCompletableFuture();
          CompletableFuture<Optional<IntakeLog.Parked>> parked =
              log.parked(batchId).toCompletableFuture();
          CompletableFuture<Optional<IntakeLog.Attempt>> attempt =
              log.attempt(batchId).toCompletableFuture();
          return CompletableFuture.allOf(batch, parked, attempt)
              .thenApply(
                  done -> batch.join().map(b -> describe(id, b, parked.join(), attempt.join())));
        });
  }

  private static UsageBatchResponse describe(
      String id,
      IntakeLog.Batch b,
      Optional<IntakeLog.Parked> parked,
      Optional<IntakeLog.Attempt> attempt) {
    if (parked.isPresent() && parked.get().redriveRequestedAt() == null) {
      IntakeLog.Parked p = parked.get();
      return UsageBatchResponse.parked(
          id,
          b.receivedAt(),
          p.parkedAt(),
          parse(p.outcomes(), OUTCOMES),
          p.attempts(),
          p.reason(),
          p.message());
    }
    UsageBatchResponse received =
        UsageBatchResponse.received(
            id, b.receivedAt(), b.received(), parse(b.rejections(), REJECTIONS));
    Instant redrive = parked.map(IntakeLog.Parked::redriveRequestedAt).orElse(null);
    if (attempt.isPresent()) {
      IntakeLog.Attempt a = attempt.get();
      return received.withFailure(a.attempts(), a.reason(), a.message(), redrive);
    }
    if (parked.isPresent()) {
      IntakeLog.Parked p = parked.get();
      return received.withFailure(p.attempts(), p.reason(), p.message(), redrive);
    }
    return received;
  }

  /**
   * Asks for a parked batch to be rated again by its partition's reader (the records that have no
   * outcome yet, with the same bounded attempts): the batch is {@code received} again until it is
   * rated or parked again. Asking again while the redrive waits changes nothing (idempotent). Fails
   * 404 ({@code unknown_batch}) for an unknown batch and 409 ({@code batch_not_parked}) for one
   * that is received or rated.
   *
   * @param origin the request that asks, stored with the request: the accounts' usage events of the
   *     records rated by the redrive name it
   */
  public CompletionStage<UsageBatchResponse> redrive(String id, Origin origin) {
    Optional<UUID> parsed = batchIdOf(id);
    if (parsed.isEmpty()) {
      return CompletableFuture.failedFuture(unknownBatch(id));
    }
    UUID batchId = parsed.get();
    CompletableFuture<Boolean> rated = log.isRated(batchId).toCompletableFuture();
    CompletableFuture<Optional<IntakeLog.Parked>> parked =
        log.parked(batchId).toCompletableFuture();
    return CompletableFuture.allOf(rated, parked)
        .thenCompose(
            done -> {
              if (rated.join()) {
                return CompletableFuture.failedFuture(notParked("the batch is rated"));
              }
              if (parked.join().isEmpty()) {
                return log.batch(batchId)
                    .thenCompose(
                        batch ->
                            CompletableFuture.failedFuture(
                                batch.isEmpty()
                                    ? unknownBatch(id)
                                    : notParked("the batch is not parked: it waits to be rated")));
              }
              // asked before: keep the first request's time, write both rows again in case the
              // first request stopped halfway
              Instant requestedAt =
                  Optional.ofNullable(parked.join().get().redriveRequestedAt())
                      .orElse(clock.instant());
              return log.requestRedrive(batchId, requestedAt, origin)
                  .thenCompose(
                      requested ->
                          status(id)
                              .thenApply(
                                  found ->
                                      found.orElseThrow(
                                          () -> new IllegalStateException("batch vanished"))))
                  .thenCompose(
                      response ->
                          response.status().equals(UsageBatchResponse.RATED)
                              ? CompletableFuture.failedFuture(notParked("the batch is rated"))
                              : CompletableFuture.completedFuture(response));
            });
  }

  private static RefusedException unknownBatch(String id) {
    return Refusal.of(RefusalCode.UNKNOWN_BATCH, null, "no usage batch with this id").toException();
  }

  private static RefusedException notParked(String message) {
    return Refusal.of(RefusalCode.BATCH_NOT_PARKED, null, message).toException();
  }

  /** Most parked batches one page lists. */
  public static final int MAX_PAGE = 500;

  /**
   * One page of the parked batches (and those waiting for their redrive), by partition and batch
   * id, after the cursor {@code after} (as a previous page's {@code next}, or null for the first
   * page). Fails 400 for a limit outside 1..{@value #MAX_PAGE} or a cursor that is not one.
   */
  public CompletionStage<UsageParkedBatches> parked(int limit, String after) {
    if (limit < 1 || limit > MAX_PAGE) {
      return CompletableFuture.failedFuture(
          Refusal.of(RefusalCode.INVALID_LIMIT, "limit", "limit must be between 1 and " + MAX_PAGE)
              .toException());
    }
    int partition = 0;
    UUID afterId = null;
    if (after != null) {
      String[] parts = after.split(":", 2);
      try {
        partition = Integer.parseInt(parts[0]);
        afterId = UUID.fromString(parts[1]);
      } catch (RuntimeException e) {
        partition = -1;
      }
      if (partition < 0 || partition >= settings.partitions() || afterId.version() != 1) {
        return CompletableFuture.failedFuture(
            Refusal.of(
                    RefusalCode.INVALID_CURSOR,
                    "cursor",
                    "cursor must be the nextCursor of a previous page")
                .toException());
      }
    }
    return collect(partition, afterId, limit, new ArrayList<>());
  }

  private CompletionStage<UsageParkedBatches> collect(
      int partition, UUID after, int limit, List<UsageParkedBatches.Batch> page) {
    if (partition >= settings.partitions()) {
      return CompletableFuture.completedFuture(new UsageParkedBatches(page, null));
    }
    int wanted = limit - page.size();
    // one more than wanted tells whether the partition has more after this page
    return log.parkedPage(partition, after, wanted + 1)
        .thenCompose(
            rows -> {
              for (IntakeLog.Parked p : rows.subList(0, Math.min(wanted, rows.size()))) {
                page.add(
                    new UsageParkedBatches.Batch(
                        p.batchId().toString(),
                        p.partition(),
                        Instant.ofEpochMilli(Uuids.unixTimestamp(p.batchId())),
                        p.parkedAt(),
                        p.attempts(),
                        p.reason(),
                        p.message(),
                        (int) parse(p.outcomes(), OUTCOMES).stream().filter(o -> o == null).count(),
                        p.redriveRequestedAt()));
              }
              if (page.size() < limit) {
                return collect(partition + 1, null, limit, page);
              }
              UsageParkedBatches.Batch last = page.get(page.size() - 1);
              boolean more = rows.size() > wanted || partition + 1 < settings.partitions();
              return CompletableFuture.completedFuture(
                  new UsageParkedBatches(
                      page, more ? last.partition() + ":" + last.batchId() : null));
            });
  }

  static <T> T parse(String json, TypeReference<T> type) {
    try {
      return StrictJson.MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored intake value is not readable: " + e, e);
    }
  }

  static String outcomesJson(List<UsageOutcome> outcomes) {
    try {
      return StrictJson.MAPPER.writeValueAsString(outcomes);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  UsageService usage() {
    return usage;
  }
}
