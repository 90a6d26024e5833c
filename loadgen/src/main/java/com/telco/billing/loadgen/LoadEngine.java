package com.telco.billing.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Sends generated records to {@code POST /usage} in batches, either at a target rate (open loop:
 * batch {@code k} is due at {@code k * batch / rate} seconds, and its latency counts from then, so
 * a slow cluster cannot hide its queueing) or as fast as {@code concurrency} batches in flight
 * allow. A batch answered 429 or 503, or not delivered, is resent identically; the cluster
 * deduplicates and the {@link Ledger} counts every record once.
 */
public final class LoadEngine {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int MAX_ERRORS_KEPT = 10;

  /**
   * How to send.
   *
   * @param rate records per second, 0 for as fast as possible
   * @param concurrency batches in flight at most
   * @param records records to send (duplicates included), 0 for no limit (then {@code duration}
   *     must be set)
   * @param duration stop sending after this long, or null
   * @param progress print a progress line every second
   * @param intake send to the durable intake ({@code POST /usage/batches}, acknowledged 202
   *     received) instead of {@code POST /usage}; outcomes are collected by {@link #awaitRated}
   * @param prebuild build every batch before the clock starts (needs {@code records}), so that
   *     generating the load does not share the cores and the heap with the node while it is
   *     measured; the bench does, the load generator builds as it sends
   */
  public record Settings(
      URI baseUrl,
      int batchSize,
      double rate,
      int concurrency,
      long records,
      Duration duration,
      boolean progress,
      boolean intake,
      boolean prebuild) {
    public Settings {
      Loopback.requireLoopback(baseUrl.toString());
      if (batchSize < 1 || concurrency < 1 || rate < 0 || records < 0) {
        throw new IllegalArgumentException("batch and concurrency >= 1, rate and records >= 0");
      }
      if (records == 0 && duration == null) {
        throw new IllegalArgumentException("give a number of records or a duration");
      }
      if (prebuild && records == 0) {
        throw new IllegalArgumentException("building the batches first needs a number of records");
      }
    }
  }

  private record Batch(List<RecordGenerator.Generated> records, byte[] body, long startNanos) {
    Batch startingAt(long nanos) {
      return new Batch(records, body, nanos);
    }
  }

  /** A batch the intake acknowledged (202), waiting to be rated. */
  private record Received(String batchId, Batch batch) {}

  private final java.util.concurrent.ConcurrentLinkedQueue<Received> received =
      new java.util.concurrent.ConcurrentLinkedQueue<>();
  private volatile long ackEndMillis;

  private final Settings settings;
  private final PrintStream out;
  private final Histogram latencyMicros = new Histogram(3_600_000_000L, 3);
  private final LongAdder sentRecords = new LongAdder();
  private final LongAdder ackedRecords = new LongAdder();
  private final LongAdder accepted = new LongAdder();
  private final LongAdder duplicate = new LongAdder();
  private final LongAdder rejected = new LongAdder();
  private final LongAdder suspended = new LongAdder();
  private final LongAdder unexpected = new LongAdder();
  private final LongAdder failedBatches = new LongAdder();
  private final LongAdder plannedDuplicates = new LongAdder();
  private final LongAdder plannedBad = new LongAdder();
  private final Map<String, LongAdder> reasons = new ConcurrentHashMap<>();
  private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
  private final AtomicLong errorCount = new AtomicLong();
  private volatile boolean stopRequested;

  public LoadEngine(Settings settings, PrintStream out) {
    this.settings = settings;
    this.out = out;
  }

  /** Ends the run early: no new batch is sent, those in flight are awaited. */
  public void requestStop() {
    stopRequested = true;
  }

  /** Sends until the record count or the duration is reached and every batch is answered. */
  public Summary run(RecordGenerator generator, Ledger ledger) {
    Semaphore inFlight = new Semaphore(settings.concurrency());
    ScheduledExecutorService ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "loadgen-progress");
              t.setDaemon(true);
              return t;
            });
    try (RetryingHttp http =
        new RetryingHttp(settings.baseUrl(), Duration.ofSeconds(120), threads())) {
      ArrayDeque<Batch> prebuilt = settings.prebuild() ? prebuild(generator) : null;
      long start = System.nanoTime();
      long deadline =
          settings.duration() == null ? Long.MAX_VALUE : start + settings.duration().toNanos();
      if (settings.progress()) {
        long[] last = {start, 0};
        ticker.scheduleAtFixedRate(
            () -> progress(start, last, inFlight, http), 1, 1, TimeUnit.SECONDS);
      }
      long sent = 0;
      long batches = 0;
      while (!stopRequested
          && (settings.records() == 0 || sent < settings.records())
          && System.nanoTime() < deadline) {
        long due = settings.rate() > 0 ? start + (long) (sent * 1e9 / settings.rate()) : 0;
        if (settings.rate() > 0) {
          sleepUntil(due);
          if (System.nanoTime() >= deadline || stopRequested) {
            break;
          }
        }
        if (!acquire(inFlight, deadline)) {
          break;
        }
        int n = batchSizeAt(sent);
        long startNanos = settings.rate() > 0 ? due : System.nanoTime();
        Batch batch =
            prebuilt != null
                ? prebuilt.removeFirst().startingAt(startNanos)
                : build(generator, n, startNanos);
        countPlanned(batch);
        sent += n;
        batches++;
        sentRecords.add(n);
        http.send(http.postJson(settings.intake() ? "/usage/batches" : "/usage", batch.body()))
            .whenComplete(
                (response, failure) -> {
                  try {
                    if (failure != null) {
                      failedBatches.increment();
                      error("batch not delivered: " + failure);
                    } else {
                      answered(batch, response, ledger);
                    }
                  } catch (RuntimeException e) {
                    failedBatches.increment();
                    error("batch answer not understood: " + e);
                  } finally {
                    inFlight.release();
                  }
                });
      }
      boolean drained = drain(inFlight);
      long end = System.nanoTime();
      ackEndMillis = System.currentTimeMillis();
      ticker.shutdownNow();
      if (!drained) {
        error("some batches were still unanswered after 5 minutes");
      }
      return summary(end - start, batches, http);
    } finally {
      ticker.shutdownNow();
    }
  }

  private static int threads() {
    return Math.max(2, Runtime.getRuntime().availableProcessors());
  }

  /** Counts the planned duplicates and bad records of a batch being sent. */
  private void countPlanned(Batch batch) {
    for (RecordGenerator.Generated r : batch.records()) {
      if (r.kind() == RecordGenerator.Kind.DUPLICATE) {
        plannedDuplicates.increment();
      } else if (r.kind().isBad()) {
        plannedBad.increment();
      }
    }
  }

  /** Every batch of the run, in the sizes the loop sends them, built now. */
  private ArrayDeque<Batch> prebuild(RecordGenerator generator) {
    ArrayDeque<Batch> batches = new ArrayDeque<>();
    for (long built = 0; built < settings.records(); ) {
      int n = batchSizeAt(built);
      batches.add(build(generator, n, 0));
      built += n;
    }
    return batches;
  }

  /** The size of the batch that starts after {@code sent} records: the last one may be short. */
  private int batchSizeAt(long sent) {
    return settings.records() == 0
        ? settings.batchSize()
        : (int) Math.min(settings.batchSize(), settings.records() - sent);
  }

  private Batch build(RecordGenerator generator, int n, long startNanos) {
    List<RecordGenerator.Generated> records = new ArrayList<>(n);
    StringBuilder body = new StringBuilder(n * 200 + 2).append('[');
    for (int i = 0; i < n; i++) {
      RecordGenerator.Generated r = generator.next();
      records.add(r);
      if (i > 0) {
        body.append(',');
      }
      body.append(r.json());
    }
    body.append(']');
    return new Batch(records, body.toString().getBytes(StandardCharsets.UTF_8), startNanos);
  }

  private void answered(Batch batch, HttpResponse<byte[]> response, Ledger ledger) {
    if (settings.intake()) {
      acknowledged(batch, response);
      return;
    }
    if (response.statusCode() != 200) {
      failedBatches.increment();
      error(
          "HTTP "
              + response.statusCode()
              + ": "
              + abbreviate(new String(response.body(), StandardCharsets.UTF_8)));
      return;
    }
    long micros = (System.nanoTime() - batch.startNanos()) / 1000;
    JsonNode outcomes;
    try {
      outcomes = MAPPER.readTree(response.body()).path("records");
    } catch (IOException e) {
      failedBatches.increment();
      error("unreadable answer: " + e.getMessage());
      return;
    }
    if (outcomes.size() != batch.records().size()) {
      failedBatches.increment();
      error(
          "answer lists "
              + outcomes.size()
              + " outcomes for "
              + batch.records().size()
              + " records");
      return;
    }
    synchronized (latencyMicros) {
      latencyMicros.recordValue(Math.max(0, micros));
    }
    applyOutcomes(batch, outcomes, ledger);
    ackedRecords.add(outcomes.size());
  }

  /** A 202 of the intake: the batch is durably received; its outcomes come later. */
  private void acknowledged(Batch batch, HttpResponse<byte[]> response) {
    if (response.statusCode() != 202) {
      failedBatches.increment();
      error(
          "HTTP "
              + response.statusCode()
              + ": "
              + abbreviate(new String(response.body(), StandardCharsets.UTF_8)));
      return;
    }
    long micros = (System.nanoTime() - batch.startNanos()) / 1000;
    JsonNode answer;
    try {
      answer = MAPPER.readTree(response.body());
    } catch (IOException e) {
      failedBatches.increment();
      error("unreadable answer: " + e.getMessage());
      return;
    }
    int count = answer.path("received").asInt(-1);
    if (count != batch.records().size() || !answer.hasNonNull("batchId")) {
      failedBatches.increment();
      error("answer says " + count + " received for " + batch.records().size() + " records");
      return;
    }
    synchronized (latencyMicros) {
      latencyMicros.recordValue(Math.max(0, micros));
    }
    received.add(new Received(answer.get("batchId").asText(), batch));
    ackedRecords.add(count);
  }

  private void applyOutcomes(Batch batch, JsonNode outcomes, Ledger ledger) {
    for (int i = 0; i < outcomes.size(); i++) {
      JsonNode outcome = outcomes.get(i);
      RecordGenerator.Generated record = batch.records().get(i);
      String status = outcome.path("status").asText();
      BigDecimal amount = null;
      switch (status) {
        case "ACCEPTED" -> {
          accepted.increment();
          amount = new BigDecimal(outcome.path("amount").asText("0"));
        }
        case "DUPLICATE" -> duplicate.increment();
        case "REJECTED" -> rejected.increment();
        case "SUSPENDED" -> suspended.increment();
        default -> error("unknown status " + status);
      }
      if (outcome.hasNonNull("reason")) {
        reasons
            .computeIfAbsent(status + " " + outcome.get("reason").asText(), k -> new LongAdder())
            .increment();
      }
      if (!expected(record.kind(), status)) {
        unexpected.increment();
        if (unexpected.sum() <= 5) {
          error("unexpected outcome for a " + record.kind() + " record: " + outcome);
        }
      }
      ledger.onOutcome(record, status, amount);
    }
  }

  /**
   * After an intake run: polls {@code GET /usage/batches/{id}} of every acknowledged batch until it
   * is rated (or {@code timeout} passes), applies the outcomes as {@code POST /usage} answers are
   * applied (ledger, outcome counts, unexpected outcomes), and measures how fast the node rated the
   * backlog from its own timestamps ({@code receivedAt} of the first batch, {@code ratedAt} of the
   * last).
   */
  public Rated awaitRated(Ledger ledger, Duration timeout) {
    List<Received> pending = new ArrayList<>(received);
    received.clear();
    long total = pending.stream().mapToLong(r -> r.batch().records().size()).sum();
    long deadline = System.nanoTime() + timeout.toNanos();
    long firstReceived = Long.MAX_VALUE;
    long lastRated = Long.MIN_VALUE;
    long rated = 0;
    long lastPrint = System.nanoTime();
    try (RetryingHttp http = new RetryingHttp(settings.baseUrl(), Duration.ofSeconds(60), 2)) {
      while (!pending.isEmpty() && System.nanoTime() < deadline) {
        boolean progressed = false;
        var it = pending.iterator();
        while (it.hasNext()) {
          Received r = it.next();
          HttpResponse<byte[]> response =
              http.send(http.get("/usage/batches/" + r.batchId())).join();
          if (response.statusCode() != 200) {
            error("GET /usage/batches/" + r.batchId() + ": HTTP " + response.statusCode());
            it.remove();
            failedBatches.increment();
            continue;
          }
          JsonNode answer = MAPPER.readTree(response.body());
          String status = answer.path("status").asText();
          if ("parked".equals(status)) {
            // A batch the node gave up on after its attempts: a failure, not a pending batch.
            error("batch " + r.batchId() + " was parked: " + answer.path("reason").asText());
            it.remove();
            failedBatches.increment();
            continue;
          }
          if (!"rated".equals(status)) {
            break;
          }
          firstReceived =
              Math.min(
                  firstReceived,
                  java.time.Instant.parse(answer.get("receivedAt").asText()).toEpochMilli());
          lastRated =
              Math.max(
                  lastRated,
                  java.time.Instant.parse(answer.get("ratedAt").asText()).toEpochMilli());
          JsonNode outcomes = answer.path("records");
          if (outcomes.size() != r.batch().records().size()) {
            failedBatches.increment();
            error("batch " + r.batchId() + " lists " + outcomes.size() + " outcomes");
          } else {
            applyOutcomes(r.batch(), outcomes, ledger);
          }
          rated += outcomes.size();
          it.remove();
          progressed = true;
        }
        if (settings.progress() && System.nanoTime() - lastPrint > 2_000_000_000L) {
          lastPrint = System.nanoTime();
          out.printf(
              "rating: %,d of %,d records rated, %,d batches pending%n",
              rated, total, pending.size());
        }
        if (!progressed && !pending.isEmpty()) {
          Thread.sleep(250);
        }
      }
    } catch (IOException | RuntimeException e) {
      error("batch status not read: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!pending.isEmpty()) {
      error(pending.size() + " batches were not rated within " + timeout.toSeconds() + " s");
    }
    return new Rated(total, rated, pending.size(), firstReceived, lastRated, ackEndMillis);
  }

  /**
   * The acknowledgement phase's summary with the outcome counts, errors and failed batches as they
   * are now (after {@link #awaitRated}).
   */
  public Summary withOutcomes(Summary acks) {
    Map<String, Long> reasonCounts = new TreeMap<>();
    reasons.forEach((k, v) -> reasonCounts.put(k, v.sum()));
    return new Summary(
        acks.elapsedNanos(),
        acks.batches(),
        acks.sent(),
        acks.acked(),
        accepted.sum(),
        duplicate.sum(),
        rejected.sum(),
        suspended.sum(),
        acks.plannedDuplicates(),
        acks.plannedBad(),
        unexpected.sum(),
        failedBatches.sum(),
        acks.retries(),
        acks.retryReasons(),
        reasonCounts,
        errorCount.get(),
        List.copyOf(errors),
        acks.latencyMicros());
  }

  /**
   * How the node rated an intake run's backlog.
   *
   * @param firstReceivedMillis reception time of the earliest batch (node clock)
   * @param lastRatedMillis when the last batch was rated (node clock)
   * @param ackEndMillis when the last acknowledgement arrived (this machine's clock)
   */
  public record Rated(
      long records,
      long rated,
      long unratedBatches,
      long firstReceivedMillis,
      long lastRatedMillis,
      long ackEndMillis) {

    /** Records rated per second, from the first reception to the last rating. */
    public double ratedPerSecond() {
      double seconds = (lastRatedMillis - firstReceivedMillis) / 1000.0;
      return seconds <= 0 ? 0 : rated / seconds;
    }

    /** Seconds from the last acknowledgement until the backlog was rated. */
    public double drainSeconds() {
      return Math.max(0, (lastRatedMillis - ackEndMillis) / 1000.0);
    }

    public String line() {
      if (rated == 0) {
        return String.format(
            "0 of %,d records rated (%,d batches unrated)", records, unratedBatches);
      }
      return String.format(
          "%,d of %,d records rated (%,d batches unrated); %,.0f records/s rated from the first"
              + " reception to the last rating (%.1f s); backlog drained %.1f s after the last"
              + " acknowledgement",
          rated,
          records,
          unratedBatches,
          ratedPerSecond(),
          (lastRatedMillis - firstReceivedMillis) / 1000.0,
          drainSeconds());
    }
  }

  /**
   * Whether the cluster's answer fits what the record was meant to be. A planned duplicate may be
   * answered {@code ACCEPTED} when its original is still in flight (then the original is the
   * duplicate), and a good record {@code DUPLICATE} when its batch was resent.
   */
  static boolean expected(RecordGenerator.Kind kind, String status) {
    return switch (kind) {
      case VOICE, SMS, DATA, DUPLICATE -> status.equals("ACCEPTED") || status.equals("DUPLICATE");
      case BAD_NEGATIVE_QUANTITY, BAD_UNKNOWN_USAGE_TYPE -> status.equals("REJECTED");
    };
  }

  private void error(String message) {
    errorCount.incrementAndGet();
    if (errors.size() < MAX_ERRORS_KEPT) {
      errors.add(message);
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "...";
  }

  private void progress(long start, long[] last, Semaphore inFlight, RetryingHttp http) {
    long now = System.nanoTime();
    long acc = accepted.sum();
    double rate = (acc - last[1]) / ((now - last[0]) / 1e9);
    last[0] = now;
    last[1] = acc;
    long p99;
    synchronized (latencyMicros) {
      p99 = latencyMicros.getTotalCount() == 0 ? 0 : latencyMicros.getValueAtPercentile(99);
    }
    out.printf(
        "[%4ds] sent %,d  acked %,d  accepted/s %,.0f  p99 so far %,d ms  in flight %d  retries %,d"
            + "  errors %,d%n",
        (now - start) / 1_000_000_000L,
        sentRecords.sum(),
        ackedRecords.sum(),
        rate,
        p99 / 1000,
        settings.concurrency() - inFlight.availablePermits(),
        http.retries(),
        errorCount.get());
  }

  private static void sleepUntil(long due) {
    long wait;
    while ((wait = due - System.nanoTime()) > 0) {
      LockSupport.parkNanos(wait);
    }
  }

  private boolean acquire(Semaphore inFlight, long deadline) {
    try {
      while (!stopRequested) {
        long wait = Math.min(deadline - System.nanoTime(), 100_000_000L);
        if (wait <= 0) {
          return false;
        }
        if (inFlight.tryAcquire(wait, TimeUnit.NANOSECONDS)) {
          return true;
        }
      }
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private boolean drain(Semaphore inFlight) {
    try {
      return inFlight.tryAcquire(settings.concurrency(), 5, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private Summary summary(long elapsedNanos, long batches, RetryingHttp http) {
    Histogram copy;
    synchronized (latencyMicros) {
      copy = latencyMicros.copy();
    }
    Map<String, Long> reasonCounts = new TreeMap<>();
    reasons.forEach((k, v) -> reasonCounts.put(k, v.sum()));
    return new Summary(
        elapsedNanos,
        batches,
        sentRecords.sum(),
        ackedRecords.sum(),
        accepted.sum(),
        duplicate.sum(),
        rejected.sum(),
        suspended.sum(),
        plannedDuplicates.sum(),
        plannedBad.sum(),
        unexpected.sum(),
        failedBatches.sum(),
        http.retries(),
        http.retryReasons(),
        reasonCounts,
        errorCount.get(),
        List.copyOf(errors),
        copy);
  }

  /** What a run did. Latencies are per batch, in microseconds. */
  public record Summary(
      long elapsedNanos,
      long batches,
      long sent,
      long acked,
      long accepted,
      long duplicate,
      long rejected,
      long suspended,
      long plannedDuplicates,
      long plannedBad,
      long unexpected,
      long failedBatches,
      long retries,
      Map<String, Long> retryReasons,
      Map<String, Long> reasons,
      long errorCount,
      List<String> errors,
      Histogram latencyMicros) {

    public double seconds() {
      return elapsedNanos / 1e9;
    }

    public double acceptedPerSecond() {
      return accepted / seconds();
    }

    public double ackedPerSecond() {
      return acked / seconds();
    }

    /** Latency at a percentile, in milliseconds. */
    public double latencyMillis(double percentile) {
      return latencyMicros.getTotalCount() == 0
          ? 0
          : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    public double maxLatencyMillis() {
      return latencyMicros.getTotalCount() == 0 ? 0 : latencyMicros.getMaxValue() / 1000.0;
    }

    /** One line: rate and latencies. */
    public String rateLine() {
      return String.format(
          "%,d records acknowledged in %.1f s: %,.0f records/s acknowledged, %,.0f records/s"
              + " accepted; ack latency p50 %,.0f ms, p95 %,.0f ms, p99 %,.0f ms, max %,.0f ms",
          acked,
          seconds(),
          ackedPerSecond(),
          acceptedPerSecond(),
          latencyMillis(50),
          latencyMillis(95),
          latencyMillis(99),
          maxLatencyMillis());
    }

    public void print(PrintStream out) {
      out.printf("Summary%n");
      out.printf(
          "  sent         %,d records in %,d batches (%,d planned duplicates, %,d bad records)%n",
          sent, batches, plannedDuplicates, plannedBad);
      out.printf(
          "  throughput   %,d records acknowledged in %.1f s: %,.0f records/s acknowledged,"
              + " %,.0f records/s accepted%n",
          acked, seconds(), ackedPerSecond(), acceptedPerSecond());
      out.printf(
          "  ack latency  p50 %,.0f ms  p95 %,.0f ms  p99 %,.0f ms  max %,.0f ms  (per batch,"
              + " %,d batches)%n",
          latencyMillis(50),
          latencyMillis(95),
          latencyMillis(99),
          maxLatencyMillis(),
          latencyMicros.getTotalCount());
      out.printf(
          "  outcomes     ACCEPTED %,d  DUPLICATE %,d  REJECTED %,d  SUSPENDED %,d%n",
          accepted, duplicate, rejected, suspended);
      reasons.forEach((reason, count) -> out.printf("               %s %,d%n", reason, count));
      out.printf(
          "  retries      %,d%s; failed batches %,d; unexpected outcomes %,d%n",
          retries, retryReasons.isEmpty() ? "" : " " + retryReasons, failedBatches, unexpected);
      out.printf("  errors       %,d%n", errorCount);
      errors.forEach(e -> out.printf("               %s%n", e));
    }
  }
}
