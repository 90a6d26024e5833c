package com.telco.billing.core.dedupe;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A rough throughput figure for {@code docs/dedupe.md}, run by hand (not a test):
 *
 * <pre>
 * mvn -o -q test-compile -pl billing-core
 * java -cp billing-core/target/classes:billing-core/target/test-classes \
 *     com.telco.billing.core.dedupe.DedupeWindowBench [ids]
 * </pre>
 */
public final class DedupeWindowBench {

  private static final Instant DAY_0 = Instant.parse("2026-01-01T00:00:00Z");

  private DedupeWindowBench() {}

  /** Prints lookups per second, the cost of a batch of 10 and snapshot times. */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    SplittableRandom random = new SplittableRandom(1);
    List<DatedKey> keys = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      keys.add(DedupeWindowTest.randomKey(random, 46));
    }

    Fingerprint[] fps = new Fingerprint[n];
    for (int round = 0; round < 3; round++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        fps[i] = keys.get(i).key().fingerprint();
      }
      report("fingerprint", n, t0);
    }

    long t0 = System.nanoTime();
    DedupeWindow window = DedupeWindow.empty();
    for (int i = 0; i < n; i += 10_000) {
      window = window.withAccepted(keys.subList(i, Math.min(n, i + 10_000)));
    }
    report("withAccepted, batches of 10,000", n, t0);
    System.out.printf(
        "size %,d, approximateBytes %,d (%.2f per id), depth %d%n",
        window.size(),
        window.approximateBytes(),
        (double) window.approximateBytes() / window.size(),
        window.trieDepth());

    for (int round = 0; round < 3; round++) {
      t0 = System.nanoTime();
      int found = 0;
      for (Fingerprint fp : fps) {
        found += window.contains(fp) ? 1 : 0;
      }
      report("contains (hits: " + found + ")", n, t0);
      t0 = System.nanoTime();
      found = 0;
      for (int i = 0; i < n; i++) {
        found += window.contains(new Fingerprint(~fps[i].hi(), fps[i].lo())) ? 1 : 0;
      }
      report("contains (misses, found " + found + ")", n, t0);
    }

    int batches = 20_000;
    List<List<DatedKey>> tens = new ArrayList<>();
    for (int b = 0; b < batches; b++) {
      List<DatedKey> batch = new ArrayList<>(10);
      for (int i = 0; i < 10; i++) {
        batch.add(DedupeWindowTest.randomKey(random, 46));
      }
      tens.add(batch);
    }
    for (int round = 0; round < 3; round++) {
      t0 = System.nanoTime();
      int accepted = 0;
      for (List<DatedKey> batch : tens) {
        accepted += window.admit(batch).acceptedCount();
      }
      report("admit, batch of 10 records (" + accepted + " accepted)", batches, t0);
    }
    long copied = 0;
    for (List<DatedKey> batch : tens) {
      copied += window.admit(batch).window().unsharedBytes(window);
    }
    System.out.printf("  copied %,d bytes per batch of 10%n", copied / batches);

    for (int round = 0; round < 3; round++) {
      t0 = System.nanoTime();
      DedupeSnapshot snapshot = window.toSnapshot();
      report("toSnapshot", 1, t0);
      t0 = System.nanoTime();
      DedupeWindow restored = DedupeWindow.fromSnapshot(snapshot);
      report("fromSnapshot", 1, t0);
      t0 = System.nanoTime();
      DedupeWindow evicted = restored.evictBefore(DAY_0.plus(Duration.ofDays(1)));
      report("evictBefore (one day of 46)", 1, t0);
    }
  }

  private static void report(String what, int count, long startNanos) {
    long nanos = System.nanoTime() - startNanos;
    System.out.printf(
        "%-55s %,12d ns/op %,14.0f op/s%n", what, nanos / count, count / (nanos / 1e9));
  }
}
