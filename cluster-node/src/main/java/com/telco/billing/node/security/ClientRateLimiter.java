package com.telco.billing.node.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A token bucket per client (an API key id): each client may make {@code burst} requests at once
 * and {@code rate} requests a second on average; a request over that is refused with the time after
 * which it would be allowed (docs/operations.md, "Rate limits": 429 with {@code Retry-After}).
 *
 * <p>Each bucket is essentially one {@link AtomicLong}, its theoretical arrival time in the generic
 * cell rate algorithm (the instant at which the bucket is full again if no further permit is
 * taken): taking {@code n} permits moves it {@code n} emission intervals later, which is allowed
 * while it stays within {@code burst} intervals of now. This is a token bucket of capacity {@code
 * burst} refilled at {@code rate}, updated with one compare-and-set and no lock.
 *
 * <p>Memory is bounded: a bucket that is full again holds nothing a new bucket would not, so once
 * more than {@code maxClients} buckets exist the full ones are dropped; when every bucket is in
 * use, the longest idle ones are dropped as well (those clients start again with a full bucket). A
 * request racing with the removal of its client's bucket may go uncounted: one request, once.
 */
public final class ClientRateLimiter {

  /**
   * The answer to one request.
   *
   * @param allowed whether the permits were taken
   * @param retryAfter when refused, how long until the same request would be allowed; zero when
   *     allowed
   */
  public record Decision(boolean allowed, Duration retryAfter) {
    static final Decision ALLOWED = new Decision(true, Duration.ZERO);

    public Decision {
      Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** {@link #retryAfter} in whole seconds, rounded up and at least 1: a Retry-After value. */
    public long retryAfterSeconds() {
      long seconds = retryAfter.toSeconds();
      return Math.max(1, retryAfter.equals(Duration.ofSeconds(seconds)) ? seconds : seconds + 1);
    }
  }

  /** A client's bucket: its theoretical arrival time, and when it last granted permits. */
  private static final class Bucket {
    final AtomicLong arrival;
    volatile long lastTaken;

    Bucket(long now) {
      arrival = new AtomicLong(now);
      lastTaken = now;
    }
  }

  private final long intervalNanos;
  private final long burstNanos;
  private final int burst;
  private final int maxClients;
  private final LongSupplier nanoTime;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  /** A limiter on the system clock. */
  public ClientRateLimiter(RateLimitSettings settings) {
    this(settings, System::nanoTime);
  }

  /**
   * @param nanoTime a monotonic clock in nanoseconds, like {@link System#nanoTime}
   */
  public ClientRateLimiter(RateLimitSettings settings, LongSupplier nanoTime) {
    this.intervalNanos = Math.max(1, Math.round(1_000_000_000d / settings.rate()));
    this.burst = settings.burst();
    this.burstNanos = Math.multiplyExact(intervalNanos, (long) settings.burst());
    this.maxClients = settings.maxClients();
    this.nanoTime = nanoTime;
  }

  /**
   * Takes {@code permits} from the bucket of {@code clientId} if it holds them.
   *
   * @param permits at least 1 and at most the burst (more could never be granted)
   */
  public Decision tryAcquire(String clientId, int permits) {
    Objects.requireNonNull(clientId, "clientId");
    if (permits < 1 || permits > burst) {
      throw new IllegalArgumentException("permits must be 1 to " + burst + ", not " + permits);
    }
    long now = nanoTime.getAsLong();
    Bucket bucket = buckets.get(clientId);
    if (bucket == null) {
      bucket = buckets.computeIfAbsent(clientId, id -> new Bucket(now));
      if (buckets.size() > maxClients) {
        evict(now, bucket);
      }
    }
    long cost = permits * intervalNanos;
    while (true) {
      long arrival = bucket.arrival.get();
      long start = arrival - now > 0 ? arrival : now;
      long next = start + cost;
      long allowedFrom = next - burstNanos;
      if (allowedFrom - now > 0) {
        // a client being refused is active: it is not the idle one eviction drops first
        bucket.lastTaken = now;
        return new Decision(false, Duration.ofNanos(allowedFrom - now));
      }
      if (bucket.arrival.compareAndSet(arrival, next)) {
        bucket.lastTaken = now;
        return Decision.ALLOWED;
      }
    }
  }

  /** The buckets kept, for tests. */
  int clients() {
    return buckets.size();
  }

  /**
   * Drops the buckets that are full again; if there are still more than {@code maxClients}, the
   * ones idle the longest. {@code keep} (the bucket just created) stays.
   */
  private synchronized void evict(long now, Bucket keep) {
    if (buckets.size() <= maxClients) {
      return; // another thread evicted in the meantime
    }
    buckets.entrySet().removeIf(e -> e.getValue() != keep && e.getValue().arrival.get() - now <= 0);
    int excess = buckets.size() - maxClients;
    if (excess > 0) {
      List<Map.Entry<String, Bucket>> inUse = new ArrayList<>(buckets.entrySet());
      inUse.removeIf(e -> e.getValue() == keep);
      inUse.sort(Comparator.comparingLong(e -> e.getValue().lastTaken - now));
      for (int i = 0; i < excess && i < inUse.size(); i++) {
        buckets.remove(inUse.get(i).getKey(), inUse.get(i).getValue());
      }
    }
  }
}
