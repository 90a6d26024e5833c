package com.telco.billing.core.dedupe;

import static com.telco.billing.core.dedupe.DedupeVerdict.ACCEPTED;
import static com.telco.billing.core.dedupe.DedupeVerdict.DUPLICATE;
import static com.telco.billing.core.dedupe.DedupeVerdict.TOO_OLD;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Duplicates, eviction, snapshots, memory and copy cost of the {@link DedupeWindow}. */
class DedupeWindowTest {

  private static final Instant JAN_1 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant MAR_1 = Instant.parse("2026-03-01T10:00:00Z");
  private static final Instant MAR_2 = Instant.parse("2026-03-02T10:00:00Z");
  private static final Instant MAR_3 = Instant.parse("2026-03-03T10:00:00Z");

  private static DatedKey key(String id, Instant usageDate) {
    return DatedKey.of("MSC-1", id, usageDate);
  }

  @Test
  void aRecordSentAgainInALaterBatchIsADuplicate() {
    DedupeWindow.Admission first =
        DedupeWindow.empty().admit(List.of(key("r1", MAR_1), key("r2", MAR_1)));
    assertEquals(List.of(ACCEPTED, ACCEPTED), first.verdicts());

    DedupeWindow.Admission second =
        first.window().admit(List.of(key("r2", MAR_1), key("r3", MAR_1)));

    assertEquals(List.of(DUPLICATE, ACCEPTED), second.verdicts());
    assertEquals(1, second.acceptedCount());
    assertEquals(3, second.window().size());
    assertTrue(second.window().contains(new RecordKey("MSC-1", "r2")));
  }

  @Test
  void aRecordRepeatedWithinOneBatchIsAcceptedOnce() {
    DedupeWindow.Admission admission =
        DedupeWindow.empty()
            .admit(List.of(key("r1", MAR_1), key("r1", MAR_1), key("r2", MAR_1), key("r1", MAR_2)));

    assertEquals(List.of(ACCEPTED, DUPLICATE, ACCEPTED, DUPLICATE), admission.verdicts());
    assertEquals(2, admission.window().size());
    assertEquals(Map.of(LocalDate.of(2026, 3, 1), 2), admission.window().countsByDay());
  }

  @Test
  void identityIsSourceAndIdWhateverTheUsageDate() {
    DedupeWindow window = DedupeWindow.empty().withAccepted(List.of(key("r1", MAR_1)));

    List<DedupeVerdict> verdicts =
        window.classify(
            List.of(key("r1", MAR_3), DatedKey.of("MSC-2", "r1", MAR_1), key("R1", MAR_1)));

    assertEquals(List.of(DUPLICATE, ACCEPTED, ACCEPTED), verdicts);
  }

  @Test
  void classifyDecidesLikeAdmitAndChangesNothing() {
    DedupeWindow window = DedupeWindow.empty().withAccepted(List.of(key("r1", MAR_1)));
    List<DatedKey> batch = List.of(key("r1", MAR_1), key("r2", MAR_2), key("r2", MAR_2));

    assertEquals(window.admit(batch).verdicts(), window.classify(batch));
    assertFalse(window.contains(new RecordKey("MSC-1", "r2")));
    assertEquals(1, window.size());
  }

  @Test
  void withAcceptedIsWhatAdmitRemembersAndReplayingItChangesNothing() {
    DedupeWindow window = DedupeWindow.empty().withAccepted(List.of(key("r1", MAR_1)));
    List<DatedKey> batch = List.of(key("r1", MAR_1), key("r2", MAR_2), key("r2", MAR_3));

    DedupeWindow applied = window.withAccepted(batch);

    assertEquals(window.admit(batch).window(), applied);
    assertEquals(applied, applied.withAccepted(batch));
    assertSame(applied, applied.withAccepted(batch));
    assertEquals(
        Map.of(LocalDate.of(2026, 3, 1), 1, LocalDate.of(2026, 3, 2), 1), applied.countsByDay());
  }

  @Test
  void olderWindowsAreNotChangedByNewerOnes() {
    DedupeWindow before = DedupeWindow.empty().withAccepted(List.of(key("r1", MAR_1)));
    DedupeWindow after = before.withAccepted(List.of(key("r2", MAR_1)));

    assertFalse(before.contains(new RecordKey("MSC-1", "r2")));
    assertTrue(after.contains(new RecordKey("MSC-1", "r2")));
    assertEquals(1, before.size());
    assertNotEquals(before, after);
  }

  @Test
  void duplicatesAreStillFoundAfterASnapshotRoundTrip() {
    DedupeWindow window =
        DedupeWindow.empty()
            .withAccepted(List.of(key("r1", MAR_1), key("r2", MAR_2), key("r3", MAR_3)))
            .evictBefore(Instant.parse("2026-02-20T00:00:00Z"));

    DedupeSnapshot snapshot = window.toSnapshot();
    DedupeWindow restored = DedupeWindow.fromSnapshot(snapshot);

    assertEquals(window, restored);
    assertEquals(window.hashCode(), restored.hashCode());
    assertEquals(snapshot, restored.toSnapshot());
    assertEquals(window.horizon(), restored.horizon());
    assertEquals(3, snapshot.days().size());
    assertEquals(LocalDate.of(2026, 3, 1).toEpochDay(), snapshot.days().get(0).epochDay());
    assertEquals(
        List.of(DUPLICATE, DUPLICATE, ACCEPTED),
        restored.classify(List.of(key("r2", MAR_2), key("r3", MAR_1), key("r4", MAR_1))));
  }

  @Test
  void aLargeWindowSurvivesASnapshotRoundTrip() {
    DedupeWindow window = randomWindow(50_000, 46, new SplittableRandom(7));

    DedupeWindow restored = DedupeWindow.fromSnapshot(window.toSnapshot());

    assertEquals(window, restored);
    assertEquals(window.countsByDay(), restored.countsByDay());
    assertEquals(window.approximateBytes(), restored.approximateBytes(), 50_000 * 0.5);
    SplittableRandom again = new SplittableRandom(7);
    for (int i = 0; i < 50_000; i++) {
      assertTrue(restored.contains(randomKey(again, 46).key()));
    }
  }

  @Test
  void emptyWindowsRoundTrip() {
    DedupeSnapshot snapshot = DedupeWindow.empty().toSnapshot();

    assertEquals(new DedupeSnapshot(Long.MIN_VALUE, List.of()), snapshot);
    assertSame(DedupeWindow.empty(), DedupeWindow.fromSnapshot(snapshot));
    DedupeWindow evicted = DedupeWindow.empty().evictBefore(MAR_1);
    assertEquals(evicted, DedupeWindow.fromSnapshot(evicted.toSnapshot()));
    assertEquals(Instant.parse("2026-03-01T00:00:00Z"), evicted.horizon());
  }

  @Test
  void snapshotDaysMayComeInAnyOrder() {
    DedupeWindow window =
        DedupeWindow.empty().withAccepted(List.of(key("r1", MAR_1), key("r2", MAR_3)));
    List<DedupeSnapshot.DayIds> days = new ArrayList<>(window.toSnapshot().days());
    days.add(new DedupeSnapshot.DayIds(LocalDate.of(2026, 3, 2).toEpochDay(), new byte[0]));
    java.util.Collections.reverse(days);

    assertEquals(window, DedupeWindow.fromSnapshot(new DedupeSnapshot(Long.MIN_VALUE, days)));
  }

  @Test
  void snapshotsHoldSixteenBytesPerIdBigEndian() {
    Fingerprint a = Fingerprint.of("MSC-1", "r1");
    DedupeWindow window = DedupeWindow.empty().withAccepted(List.of(key("r1", MAR_1)));

    DedupeSnapshot.DayIds day = window.toSnapshot().days().get(0);

    assertEquals(LocalDate.of(2026, 3, 1).toEpochDay(), day.epochDay());
    assertEquals(1, day.count());
    assertArrayEquals(bytes(a.hi(), a.lo()), day.fingerprints());
  }

  @Test
  void malformedSnapshotsAreRefused() {
    long day = LocalDate.of(2026, 3, 1).toEpochDay();
    Fingerprint a = Fingerprint.of("s", "a");
    Fingerprint b = Fingerprint.of("s", "b");
    byte[] ab = bytes(a.hi(), a.lo(), b.hi(), b.lo());
    byte[] aOnly = bytes(a.hi(), a.lo());

    assertThrows(
        IllegalArgumentException.class, () -> new DedupeSnapshot.DayIds(day, new byte[15]));
    assertRefused(
        new DedupeSnapshot(
            Long.MIN_VALUE,
            List.of(new DedupeSnapshot.DayIds(day, ab), new DedupeSnapshot.DayIds(day, aOnly))));
    assertRefused(
        new DedupeSnapshot(
            Long.MIN_VALUE,
            List.of(
                new DedupeSnapshot.DayIds(day, ab), new DedupeSnapshot.DayIds(day + 1, aOnly))));
    assertRefused(
        new DedupeSnapshot(
            Long.MIN_VALUE, List.of(new DedupeSnapshot.DayIds(day, bytes(a.hi(), a.lo() | 1)))));
    assertRefused(new DedupeSnapshot(day + 1, List.of(new DedupeSnapshot.DayIds(day, ab))));
    assertRefused(
        new DedupeSnapshot(
            Long.MIN_VALUE,
            List.of(
                new DedupeSnapshot.DayIds(day, aOnly),
                new DedupeSnapshot.DayIds(day + 65_536, bytes(b.hi(), b.lo())))));
  }

  private static byte[] bytes(long... longs) {
    ByteBuffer buffer = ByteBuffer.allocate(8 * longs.length);
    for (long l : longs) {
      buffer.putLong(l);
    }
    return buffer.array();
  }

  private static void assertRefused(DedupeSnapshot snapshot) {
    assertThrows(IllegalArgumentException.class, () -> DedupeWindow.fromSnapshot(snapshot));
  }

  @Test
  void evictionForgetsExactlyTheDaysWhollyBeforeTheCutoff() {
    Instant lastOfMar1 = Instant.parse("2026-03-01T23:59:59.999999999Z");
    Instant firstOfMar2 = Instant.parse("2026-03-02T00:00:00Z");
    DedupeWindow window =
        DedupeWindow.empty()
            .withAccepted(List.of(key("late", lastOfMar1), key("early", firstOfMar2)));

    DedupeWindow justBefore = window.evictBefore(firstOfMar2.minusNanos(1));
    assertEquals(2, justBefore.size());
    assertEquals(Instant.parse("2026-03-01T00:00:00Z"), justBefore.horizon());
    assertEquals(
        List.of(DUPLICATE, DUPLICATE),
        justBefore.classify(List.of(key("late", lastOfMar1), key("early", firstOfMar2))));

    DedupeWindow atBoundary = window.evictBefore(firstOfMar2);
    assertEquals(1, atBoundary.size());
    assertEquals(Map.of(LocalDate.of(2026, 3, 2), 1), atBoundary.countsByDay());
    assertEquals(firstOfMar2, atBoundary.horizon());
    assertFalse(atBoundary.contains(new RecordKey("MSC-1", "late")));
    assertEquals(
        List.of(TOO_OLD, DUPLICATE, TOO_OLD, ACCEPTED),
        atBoundary.classify(
            List.of(
                key("late", lastOfMar1),
                key("early", firstOfMar2),
                key("new", lastOfMar1),
                key("new", firstOfMar2))));
  }

  @Test
  void aRecordExactlyMaxUsageAgeOldIsStillRemembered() {
    Duration maxUsageAge = Duration.ofDays(45);
    Instant now = Instant.parse("2026-04-15T08:30:00Z");
    Instant cutoff = now.minus(maxUsageAge);
    DedupeWindow window = DedupeWindow.empty().withAccepted(List.of(key("oldest", cutoff)));

    DedupeWindow evicted = window.evictBefore(cutoff);

    assertEquals(List.of(DUPLICATE), evicted.classify(List.of(key("oldest", cutoff))));
    assertTrue(evicted.horizon().isBefore(cutoff));
  }

  @Test
  void theHorizonNeverMovesBack() {
    DedupeWindow window =
        DedupeWindow.empty().withAccepted(List.of(key("r1", MAR_1), key("r3", MAR_3)));
    DedupeWindow evicted = window.evictBefore(MAR_3);

    assertSame(evicted, evicted.evictBefore(MAR_2));
    assertSame(evicted, evicted.evictBefore(MAR_3));
    assertEquals(List.of(TOO_OLD), evicted.classify(List.of(key("r1", MAR_1))));
    DedupeWindow none = evicted.evictBefore(Instant.parse("2026-03-20T00:00:00Z"));
    assertEquals(0, none.size());
    assertEquals(Map.of(), none.countsByDay());
  }

  @Test
  void evictionKeepsEveryOtherId() {
    SplittableRandom random = new SplittableRandom(11);
    DedupeWindow window = randomWindow(60_000, 46, random);
    Instant cutoff = JAN_1.plus(Duration.ofDays(30));

    DedupeWindow evicted = window.evictBefore(cutoff);

    SplittableRandom again = new SplittableRandom(11);
    int kept = 0;
    for (int i = 0; i < 60_000; i++) {
      DatedKey k = randomKey(again, 46);
      boolean recent = !k.usageDate().isBefore(cutoff);
      assertEquals(recent, evicted.contains(k.key()), k::toString);
      kept += recent ? 1 : 0;
    }
    assertEquals(kept, evicted.size());
    assertEquals(evicted, DedupeWindow.fromSnapshot(evicted.toSnapshot()));
    assertTrue(window.size() > evicted.size());
    assertEquals(60_000, window.size());
  }

  @Test
  void aWindowCannotSpan65536Days() {
    Instant day0 = JAN_1;
    DedupeWindow window = DedupeWindow.empty().withAccepted(List.of(key("a", day0)));
    List<DatedKey> far = List.of(key("b", day0.plus(Duration.ofDays(65_536))));

    assertThrows(IllegalStateException.class, () -> window.withAccepted(far));
    assertEquals(
        2, window.withAccepted(List.of(key("b", day0.plus(Duration.ofDays(65_535))))).size());
    assertEquals(1, window.evictBefore(day0.plus(Duration.ofDays(1))).withAccepted(far).size());
  }

  /**
   * The documented bound: 16 bytes per id plus trie nodes; a million ids of 46 days fit in 16.5 MB
   * (16.5 bytes per id).
   */
  @Test
  void aMillionIdsTakeAtMostSixteenAndAHalfMegabytes() {
    DedupeWindow window = randomWindow(1_000_000, 46, new SplittableRandom(3));

    assertEquals(1_000_000, window.size());
    long bytes = window.approximateBytes();
    assertTrue(bytes >= 16_000_000L, () -> bytes + " bytes");
    assertTrue(bytes <= 16_500_000L, () -> bytes + " bytes");
  }

  /**
   * Node overhead stays below 0.4 bytes per id while a window grows, whatever its size, and below
   * 0.75 bytes per id after evictions shrink it.
   */
  @Test
  void nodeOverheadPerIdIsBounded() {
    SplittableRandom random = new SplittableRandom(5);
    DedupeWindow window = DedupeWindow.empty();
    int target = 1000;
    while (window.size() < 600_000) {
      List<DatedKey> batch = new ArrayList<>();
      for (int i = window.size(); i < target; i++) {
        batch.add(randomKey(random, 46));
      }
      window = window.withAccepted(batch);
      assertOverheadAtMost(window, 0.4);
      target = target * 5 / 4;
    }
    Instant day0 = JAN_1;
    for (int d = 1; d <= 46; d++) {
      window = window.evictBefore(day0.plus(Duration.ofDays(d)));
      if (window.size() > 0) {
        assertOverheadAtMost(window, 0.75);
      }
    }
    assertEquals(0, window.size());
  }

  private static void assertOverheadAtMost(DedupeWindow window, double bytesPerId) {
    long fixed = 200 + 12L * window.countsByDay().size();
    double overhead = (window.approximateBytes() - fixed - 16.0 * window.size()) / window.size();
    assertTrue(overhead <= bytesPerId, () -> overhead + " bytes per id at " + window);
  }

  /**
   * Adding a batch of 10 to a window of a million ids copies about ten leaves and their paths,
   * never the whole window (16 MB).
   */
  @Test
  void aBatchOfTenCopiesOnlyTheLeavesItTouches() {
    SplittableRandom random = new SplittableRandom(9);
    DedupeWindow window = randomWindow(1_000_000, 46, random);
    List<DatedKey> batch = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      batch.add(randomKey(random, 46));
    }

    DedupeWindow after = window.admit(batch).window();

    assertEquals(1_000_010, after.size());
    long copied = after.unsharedBytes(window);
    long perRecordBound =
        16
            + 16L * FingerprintTrie.LEAF_MAX
            + (long) after.trieDepth() * FingerprintTrie.BRANCH_BYTES;
    assertTrue(copied <= 10 * perRecordBound, () -> copied + " bytes copied");
    assertTrue(copied <= 100_000, () -> copied + " bytes copied");
    assertEquals(0, window.unsharedBytes(window));
  }

  /**
   * Lookups and eviction stay exact when fingerprints are not uniform: 3,600 ids with only three
   * values of {@code hi} end in leaves of 1,200 at the trie's maximum depth.
   */
  @Test
  void clusteredFingerprintsAreStillFound() {
    long day = LocalDate.of(2026, 3, 1).toEpochDay();
    ByteBuffer even = ByteBuffer.allocate(16 * 1800);
    ByteBuffer odd = ByteBuffer.allocate(16 * 1800);
    for (int i = 0; i < 3600; i++) {
      (i % 2 == 0 ? even : odd).putLong(clusteredHi(i)).putLong((i % 1200L) << 16);
    }
    DedupeWindow window =
        DedupeWindow.fromSnapshot(
            new DedupeSnapshot(
                Long.MIN_VALUE,
                List.of(
                    new DedupeSnapshot.DayIds(day, even.array()),
                    new DedupeSnapshot.DayIds(day + 1, odd.array()))));

    assertEquals(FingerprintTrie.MAX_DEPTH, window.trieDepth());
    for (int i = 0; i < 3600; i++) {
      assertTrue(window.contains(new Fingerprint(clusteredHi(i), (i % 1200L) << 16)));
      assertFalse(window.contains(new Fingerprint(clusteredHi(i), (1200 + i % 1200L) << 16)));
    }
    assertFalse(window.contains(new Fingerprint(clusteredHi(0) - 1, 0)));
    assertFalse(window.contains(new Fingerprint(clusteredHi(3600), 0)));

    DedupeWindow evicted =
        window.evictBefore(LocalDate.ofEpochDay(day + 1).atStartOfDay(ZoneOffset.UTC).toInstant());
    assertEquals(1800, evicted.size());
    for (int i = 0; i < 3600; i++) {
      Fingerprint fp = new Fingerprint(clusteredHi(i), (i % 1200L) << 16);
      assertEquals(i % 2 == 1, evicted.contains(fp));
    }
    assertEquals(evicted, DedupeWindow.fromSnapshot(evicted.toSnapshot()));
  }

  private static long clusteredHi(int i) {
    return 0x7000_0000_0000_0000L + i / 1200;
  }

  @Test
  void randomNonMembersAreNotFound() {
    DedupeWindow window = randomWindow(200_000, 46, new SplittableRandom(13));
    for (int i = 0; i < 200_000; i++) {
      assertFalse(window.contains(new RecordKey("other-source", Integer.toString(i))));
    }
  }

  /** A window of {@code n} random keys spread over {@code days} days from 2026-01-01. */
  static DedupeWindow randomWindow(int n, int days, SplittableRandom random) {
    DedupeWindow window = DedupeWindow.empty();
    int batchSize = 100_000;
    for (int done = 0; done < n; done += batchSize) {
      List<DatedKey> batch = new ArrayList<>();
      for (int i = done; i < Math.min(n, done + batchSize); i++) {
        batch.add(randomKey(random, days));
      }
      window = window.withAccepted(batch);
    }
    return window;
  }

  /** A random key (64 random bits of id) on one of {@code days} days from 2026-01-01. */
  static DatedKey randomKey(SplittableRandom random, int days) {
    long id = random.nextLong();
    Instant date = JAN_1.plusSeconds(random.nextLong(days * 86_400L));
    return DatedKey.of("feed-" + (id & 3), Long.toHexString(id), date);
  }
}
