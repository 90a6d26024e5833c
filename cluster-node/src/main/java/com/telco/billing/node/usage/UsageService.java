package com.telco.billing.node.usage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.telco.billing.core.rating.UsagePlausibility;
import com.telco.billing.core.rating.UsageRecord;
import com.telco.billing.core.subscription.Holding;
import com.telco.billing.core.subscription.ServiceHoldings;
import com.telco.billing.core.subscription.ServiceId;
import com.telco.billing.core.validation.FieldError;
import com.telco.billing.core.validation.TextRules;
import com.telco.billing.core.validation.Validated;
import com.telco.billing.node.guiding.GuidingService;
import com.telco.billing.node.json.StrictJson;
import com.telco.billing.node.metrics.BillingMetrics;
import com.telco.billing.node.metrics.UsageMetrics;
import com.telco.billing.node.util.GroupCommit;
import com.telco.billing.protocol.Origin;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusalCode;
import com.telco.billing.protocol.RefusedException;
import com.telco.billing.protocol.account.AccountCommand;
import com.telco.billing.protocol.http.UsageRecordDraft;
import com.telco.billing.protocol.usage.RateUsageResult;
import com.telco.billing.protocol.usage.UsageOutcome;
import com.telco.billing.protocol.usage.UsageResponse;
import com.telco.billing.sharding.EntityKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;

/**
 * Mediation intake ({@code POST /usage}): validates every record, guides it to the account whose
 * subscription held its service at its usage date, sends each account its records in one command
 * (accounts in parallel) and holds unguided or unratable records in suspense. It answers only when
 * every accepted record is in the journal and every suspended one in the suspense store.
 *
 * <p>Three bounds act across requests, which is why they are shared objects rather than one stream
 * per request: a semaphore caps the requests in flight on this node (429 beyond it), {@link
 * GroupCommit} merges the records that concurrent requests send to the same account into one
 * command (one journal write), and {@link AsyncLimiter} caps the entity calls of the whole node, so
 * a burst over many accounts cannot start thousands of recoveries at once. A node-wide Pekko
 * Streams graph could express the same (a hub, a sub-stream per busy account, bounded {@code
 * mapAsync}), but it would carry a reply promise per record back to its request.
 */
public final class UsageService {
  /** Reason of a record no subscription held the service of at its usage date. */
  public static final String UNGUIDED = "unguided";

  private final ClusterSharding sharding;
  private final GuidingService guiding;
  private final SuspenseStore suspense;
  private final Clock clock;
  private final Duration askTimeout;
  private final Duration maxUsageAge;
  private final UsagePlausibility plausibility;
  private final int maxRecords;
  private final Semaphore admission;
  private final GroupCommit<Stamped, UsageOutcome> batcher;
  private final AsyncLimiter entityCalls;
  private final UsageMetrics metrics;

  /**
   * @param settings the bounds of a batch, of this node's work in flight and of a record
   * @param askTimeout how long one account call waits for the account
   */
  public UsageService(
      ActorSystem<?> system,
      GuidingService guiding,
      SuspenseStore suspense,
      Clock clock,
      UsageSettings settings,
      Duration askTimeout) {
    this.sharding = ClusterSharding.get(system);
    this.guiding = guiding;
    this.suspense = suspense;
    this.clock = clock;
    this.askTimeout = askTimeout;
    this.maxUsageAge = settings.maxUsageAge();
    this.plausibility = settings.plausibility();
    this.maxRecords = settings.maxRecords();
    this.admission = new Semaphore(settings.maxRequestsInFlight());
    this.batcher = new GroupCommit<>(this::askAccount);
    this.entityCalls = new AsyncLimiter(settings.maxEntityCallsInFlight());
    this.metrics = BillingMetrics.get(system).usage();
  }

  /**
   * A record on its way to its account with the request it came with: the group commit merges the
   * records of concurrent requests, and the account's event names each request once ({@link
   * Origin.Span}), not per record.
   */
  private record Stamped(UsageRecord record, Origin origin) {}

  /**
   * One record of a request: its position, its JSON (written out as text only if the record is held
   * in suspense), its draft (or binding error) and what became of it.
   */
  private static final class Slot {
    final int index;
    final JsonNode element;
    String id;
    String source;
    UsageRecord record;
    UsageOutcome outcome;
    // why the record's account call failed, when the caller isolates failures (rateReceived)
    Throwable failure;

    Slot(int index, JsonNode element) {
      this.index = index;
      this.element = element;
    }
  }

  /**
   * Ingests a batch given as JSON array elements or NDJSON lines.
   *
   * @param elements the records, each as its JSON text
   * @param origin the request that sent them, stored on the accounts' usage events
   */
  public CompletionStage<UsageResponse> ingest(List<JsonNode> elements, Origin origin) {
    try {
      checkBatchSize(elements);
    } catch (RefusedException e) {
      return CompletableFuture.failedFuture(e);
    }
    if (!admission.tryAcquire()) {
      return CompletableFuture.failedFuture(
          Refusal.of(
                  RefusalCode.OVERLOADED,
                  null,
                  "this node has too many usage batches in progress; retry after Retry-After")
              .toException());
    }
    return ingestAll(elements, origin)
        .whenComplete((response, failure) -> admission.release())
        .thenApply(response -> counted(UsageMetrics.Path.SYNC, response));
  }

  /**
   * Refuses (400) an empty batch or one over {@code billing.usage.max-records}, as {@code POST
   * /usage} does.
   */
  public void checkBatchSize(List<JsonNode> elements) {
    if (elements.isEmpty()) {
      throw Refusal.of(RefusalCode.EMPTY_BATCH, null, "the batch has no records").toException();
    }
    if (elements.size() > maxRecords) {
      throw Refusal.of(
              RefusalCode.TOO_MANY_RECORDS,
              null,
              "a batch has at most " + maxRecords + " records, this one " + elements.size())
          .toException();
    }
  }

  /**
   * Validates every record as {@code POST /usage} does at {@code now}, without rating anything.
   *
   * @return per record, in order: its rejection, or null for a valid record
   */
  public List<UsageOutcome.Rejected> validate(List<JsonNode> elements, Instant now) {
    List<UsageOutcome.Rejected> rejections = new ArrayList<>(elements.size());
    for (int i = 0; i < elements.size(); i++) {
      Slot slot = new Slot(i, elements.get(i));
      bind(slot, now);
      // binding decides nothing but rejections
      rejections.add(slot.outcome instanceof UsageOutcome.Rejected rejected ? rejected : null);
    }
    return rejections;
  }

  /**
   * What {@link #rateReceived} made of each record, in order: its outcome, or (null outcome) the
   * failure of its account's call. Records of accounts that answered keep their outcomes.
   *
   * @param outcomes per record, null where its account call failed
   * @param failures per record, the failure of its account call, null where it has an outcome
   */
  public record ReceivedRating(List<UsageOutcome> outcomes, List<Throwable> failures) {}

  /**
   * Rates a batch that was received (and validated) earlier at {@code receivedAt}, through the same
   * path as {@code POST /usage}: validation at {@code receivedAt} (so the same records are refused
   * as at intake), guiding, the account entities (which answer {@code DUPLICATE} for records they
   * accepted before, so a batch rated again is never charged twice) and suspense, records held
   * under {@code receivedAt} (so holding a record again writes the same suspense rows). No
   * admission control: the caller bounds how many batches it rates at once.
   *
   * <p>A failed account call fails only that account's records (they get no outcome, their failure
   * instead), so that one account whose event cannot be persisted does not fail the others of the
   * batch. A failed guiding look-up or suspense write fails the whole call.
   *
   * @param calls bounds the caller's guiding look-ups and account calls (each also counts against
   *     {@code max-entity-calls-in-flight}), e.g. fewer while the node is receiving batches
   * @param oneByOne send each record in a command of its own, one after the other per account, and
   *     not through the group commit: a record whose event cannot be persisted then fails alone (a
   *     failed persist stops the entity, and the commands queued behind it are lost with it)
   * @param origin the request the batch came with (or that asked to rate it again), stored on the
   *     accounts' usage events; null when none is known
   */
  public CompletionStage<ReceivedRating> rateReceived(
      List<JsonNode> elements,
      Instant receivedAt,
      AsyncLimiter calls,
      boolean oneByOne,
      Origin origin) {
    List<Slot> slots = new ArrayList<>(elements.size());
    for (int i = 0; i < elements.size(); i++) {
      Slot slot = new Slot(i, elements.get(i));
      bind(slot, receivedAt);
      slots.add(slot);
    }
    return guide(slots, calls)
        .thenCompose(byAccount -> rateIsolated(byAccount, calls, oneByOne, origin))
        .thenCompose(done -> holdSuspended(slots, receivedAt))
        .thenApply(
            done -> {
              List<UsageOutcome> outcomes = new ArrayList<>(slots.size());
              List<Throwable> failures = new ArrayList<>(slots.size());
              for (Slot slot : slots) {
                outcomes.add(slot.outcome);
                failures.add(slot.outcome == null ? slot.failure : null);
              }
              metrics.outcomes(UsageMetrics.Path.INTAKE, outcomes);
              return new ReceivedRating(outcomes, failures);
            });
  }

  private CompletionStage<UsageResponse> ingestAll(List<JsonNode> elements, Origin origin) {
    return ingestAll(elements, clock.instant(), null, origin);
  }

  private CompletionStage<UsageResponse> ingestAll(
      List<JsonNode> elements, Instant now, AsyncLimiter calls, Origin origin) {
    List<Slot> slots = new ArrayList<>(elements.size());
    for (int i = 0; i < elements.size(); i++) {
      Slot slot = new Slot(i, elements.get(i));
      bind(slot, now);
      slots.add(slot);
    }
    return guide(slots, calls)
        .thenCompose(byAccount -> rateAll(byAccount, calls, origin))
        .thenCompose(done -> holdSuspended(slots, now))
        .thenApply(done -> UsageResponse.of(slots.stream().map(s -> s.outcome).toList()));
  }

  /**
   * Re-submits held records through the same intake; each old suspense entry is released once its
   * record has a new outcome (a record still unratable was held again, under the new time).
   *
   * @param origin the request that recycles them, stored on the accounts' usage events
   */
  public CompletionStage<UsageResponse> recycle(List<SuspenseStore.Held> held, Origin origin) {
    if (held.isEmpty()) {
      return CompletableFuture.completedFuture(UsageResponse.of(List.of()));
    }
    List<JsonNode> elements = new ArrayList<>(held.size());
    for (SuspenseStore.Held h : held) {
      try {
        elements.add(StrictJson.MAPPER.readTree(h.record()));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(
            "a held record is not JSON: " + h.source() + "/" + h.id(), e);
      }
    }
    return ingestAll(elements, origin)
        .thenApply(response -> counted(UsageMetrics.Path.RECYCLE, response))
        .thenCompose(
            response -> {
              CompletableFuture<?>[] releases =
                  held.stream()
                      .map(h -> suspense.release(h).toCompletableFuture())
                      .toArray(CompletableFuture[]::new);
              return CompletableFuture.allOf(releases).thenApply(done -> response);
            });
  }

  /**
   * Recycles every record held for the service identifiers (after an activation).
   *
   * @param origin the request that caused it (the activation), stored on the usage events
   */
  public CompletionStage<UsageResponse> recycleServices(List<ServiceId> serviceIds, Origin origin) {
    List<CompletableFuture<List<SuspenseStore.Held>>> lookups =
        serviceIds.stream()
            .map(id -> suspense.ofService(id.toKey()).toCompletableFuture())
            .toList();
    return CompletableFuture.allOf(lookups.toArray(CompletableFuture[]::new))
        .thenCompose(
            done -> recycle(lookups.stream().flatMap(l -> l.join().stream()).toList(), origin));
  }

  private void bind(Slot slot, Instant now) {
    JsonNode element = slot.element;
    slot.id = echoable(text(element, "id"));
    slot.source = echoable(text(element, "source"));
    UsageRecordDraft draft;
    try {
      if (!element.isObject()) {
        reject(slot, new FieldError("invalid_record", null, "a usage record is a JSON object"));
        return;
      }
      draft = StrictJson.MAPPER.treeToValue(element, UsageRecordDraft.class);
    } catch (UnrecognizedPropertyException e) {
      reject(slot, new FieldError("unknown_field", StrictJson.path(e), "unknown field"));
      return;
    } catch (MismatchedInputException e) {
      String field = StrictJson.path(e);
      reject(slot, new FieldError("invalid_type", field, "wrong JSON type for " + field));
      return;
    } catch (JsonProcessingException e) {
      reject(
          slot, new FieldError("invalid_record", null, "the record does not fit a usage record"));
      return;
    }
    Validated<UsageRecord> record = draft.validate(now, maxUsageAge, plausibility);
    if (!record.isValid()) {
      reject(slot, record.errors().get(0));
      return;
    }
    slot.record = record.value();
  }

  /**
   * A record's own id or source as its outcome may name it: only when it is in the id alphabet, so
   * that an outcome never echoes malformed text, controls or a card number.
   */
  private static String echoable(String value) {
    return value != null
            && UsageRecordDraft.RECORD_ID.matcher(value).matches()
            && TextRules.isClean(value)
        ? value
        : null;
  }

  private static String text(JsonNode element, String field) {
    JsonNode node = element.get(field);
    return node == null || !node.isValueNode() ? null : node.asText();
  }

  private static void reject(Slot slot, FieldError error) {
    slot.outcome = UsageOutcome.rejected(slot.id, slot.source, error);
  }

  /** Looks up each distinct service once and groups the guided records by account. */
  private CompletionStage<Map<String, List<Slot>>> guide(List<Slot> slots, AsyncLimiter calls) {
    Map<ServiceId, CompletionStage<ServiceHoldings>> lookups = new HashMap<>();
    for (Slot slot : slots) {
      if (slot.record != null) {
        lookups.computeIfAbsent(
            slot.record.serviceId(),
            id -> within(calls, () -> entityCalls.submit(() -> guiding.holdings(id))));
      }
    }
    CompletableFuture<?>[] all =
        lookups.values().stream()
            .map(CompletionStage::toCompletableFuture)
            .toArray(CompletableFuture[]::new);
    return CompletableFuture.allOf(all)
        .thenApply(
            done -> {
              Map<String, List<Slot>> byAccount = new LinkedHashMap<>();
              for (Slot slot : slots) {
                if (slot.record == null) {
                  continue;
                }
                ServiceHoldings holdings =
                    lookups.get(slot.record.serviceId()).toCompletableFuture().join();
                Optional<Holding> holder = holdings.holderAt(slot.record.usageDate());
                if (holder.isEmpty()) {
                  slot.outcome =
                      UsageOutcome.suspended(
                          slot.id,
                          slot.source,
                          new FieldError(
                              UNGUIDED,
                              "serviceId",
                              "no subscription held "
                                  + slot.record.serviceId()
                                  + " at "
                                  + slot.record.usageDate()));
                  continue;
                }
                byAccount
                    .computeIfAbsent(holder.get().accountId(), k -> new ArrayList<>())
                    .add(slot);
              }
              return byAccount;
            });
  }

  /** Sends every account its records, all accounts at once, coalesced per account. */
  private CompletionStage<Void> rateAll(
      Map<String, List<Slot>> byAccount, AsyncLimiter calls, Origin origin) {
    List<CompletableFuture<Void>> asks = new ArrayList<>();
    byAccount.forEach(
        (accountId, accountSlots) -> {
          List<Stamped> records = stamped(accountSlots, origin);
          asks.add(
              within(calls, () -> batcher.submit(accountId, records))
                  .thenAccept(
                      outcomes -> {
                        for (int i = 0; i < accountSlots.size(); i++) {
                          accountSlots.get(i).outcome = outcomes.get(i);
                        }
                      })
                  .toCompletableFuture());
        });
    return CompletableFuture.allOf(asks.toArray(CompletableFuture[]::new));
  }

  /**
   * Like {@link #rateAll}, but an account's failed call marks its records failed instead of failing
   * the whole: every record ends with an outcome or a failure.
   */
  private CompletionStage<Void> rateIsolated(
      Map<String, List<Slot>> byAccount, AsyncLimiter calls, boolean oneByOne, Origin origin) {
    List<CompletableFuture<Void>> asks = new ArrayList<>();
    byAccount.forEach(
        (accountId, accountSlots) -> {
          CompletionStage<Void> done;
          if (oneByOne) {
            done = CompletableFuture.completedFuture(null);
            for (Slot slot : accountSlots) {
              done =
                  done.thenCompose(
                      previous ->
                          within(
                                  calls,
                                  () ->
                                      askAccount(
                                          accountId, List.of(new Stamped(slot.record, origin))))
                              .handle(
                                  (outcomes, failure) -> {
                                    if (failure != null) {
                                      slot.failure = failure;
                                    } else {
                                      slot.outcome = outcomes.get(0);
                                    }
                                    return null;
                                  }));
            }
          } else {
            List<Stamped> records = stamped(accountSlots, origin);
            done =
                within(calls, () -> batcher.submit(accountId, records))
                    .handle(
                        (outcomes, failure) -> {
                          for (int i = 0; i < accountSlots.size(); i++) {
                            if (failure != null) {
                              accountSlots.get(i).failure = failure;
                            } else {
                              accountSlots.get(i).outcome = outcomes.get(i);
                            }
                          }
                          return null;
                        });
          }
          asks.add(done.toCompletableFuture());
        });
    return CompletableFuture.allOf(asks.toArray(CompletableFuture[]::new));
  }

  /** {@code call} within the caller's own bound, if it has one. */
  private static <T> CompletionStage<T> within(
      AsyncLimiter calls, Supplier<CompletionStage<T>> call) {
    return calls == null ? call.get() : calls.submit(call);
  }

  private static List<Stamped> stamped(List<Slot> slots, Origin origin) {
    return slots.stream().map(s -> new Stamped(s.record, origin)).toList();
  }

  private CompletionStage<List<UsageOutcome>> askAccount(String accountId, List<Stamped> stamped) {
    List<UsageRecord> records = stamped.stream().map(Stamped::record).toList();
    List<Origin.Span> origins =
        stamped.stream().allMatch(s -> s.origin() == null)
            ? List.of()
            : Origin.spans(stamped.stream().map(Stamped::origin).toList());
    return entityCalls.submit(
        () -> {
          long start = System.nanoTime();
          return sharding
              .entityRefFor(EntityKeys.ACCOUNT, accountId)
              .<RateUsageResult>askWithStatus(
                  replyTo -> new AccountCommand.RateUsage(records, origins, replyTo), askTimeout)
              .whenComplete((result, failure) -> metrics.accountCall(start))
              .thenApply(RateUsageResult::outcomes);
        });
  }

  /** Counts the outcomes of an answered batch. */
  private UsageResponse counted(UsageMetrics.Path path, UsageResponse response) {
    metrics.outcomes(path, response.records());
    return response;
  }

  private CompletionStage<Void> holdSuspended(List<Slot> slots, Instant now) {
    List<CompletableFuture<?>> writes = new ArrayList<>();
    for (Slot slot : slots) {
      // a record whose account call failed has no outcome (rateReceived) and is not held
      if (slot.outcome instanceof UsageOutcome.Suspended suspended) {
        writes.add(
            suspense
                .hold(
                    slot.source,
                    slot.id,
                    slot.record.serviceId().toKey(),
                    slot.record.usageDate(),
                    now,
                    suspended.asFieldError(),
                    slot.element.toString())
                .toCompletableFuture());
      }
    }
    return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new));
  }
}
