package com.telco.billing.core.dedupe;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The memory of an account's accepted usage record ids, kept in the account entity's state
 * (docs/billing-rules.md, "Records that are refused or held": a record whose id, scoped by its
 * {@code source}, was already accepted is a duplicate and never charged again).
 *
 * <p>Immutable and persistent: {@link #admit}, {@link #withAccepted} and {@link #evictBefore}
 * return a new window that shares all untouched parts with this one, so the entity's state stays
 * immutable (safe to hand to the snapshot store while the entity goes on) without copying the whole
 * memory per batch. Adding a batch copies only the leaves of the underlying trie it touches: {@code
 * O(batch)} work and allocation, independent of the window's size.
 *
 * <ul>
 *   <li>Identity: a record is known by its {@link Fingerprint} (112 bits of MurmurHash3 x64 128 of
 *       {@code (source, id)}); {@link #contains} is one trie descent and a search in one leaf,
 *       whatever the number of days remembered.
 *   <li>Expiry: every id is tagged with the UTC day of its record's {@code usageDate}; {@link
 *       #evictBefore(Instant)} forgets whole days before a cutoff. Records that old are refused as
 *       too old anyway, and the window refuses them itself ({@link DedupeVerdict#TOO_OLD}) once it
 *       has forgotten their day.
 *   <li>Memory: 16 bytes per remembered id (the fingerprint with the day in its 16 spare bits) plus
 *       the trie's nodes (about 0.35 bytes per id while the window grows, at most about 0.7 after
 *       evictions) plus 12 bytes per day; see {@link #approximateBytes()} and {@code
 *       docs/dedupe.md}.
 *   <li>Persistence: {@link #toSnapshot()} / {@link #fromSnapshot(DedupeSnapshot)}; between
 *       snapshots the entity rebuilds the window by replaying its events through {@link
 *       #evictBefore} and {@link #withAccepted}, which depend on their arguments only.
 * </ul>
 *
 * <p>At most 65,536 consecutive days can be remembered at once (the day tag has 16 bits); a window
 * evicted by {@code maxUsageAge} spans about 47. *
 *
 * <p>The ids live in a {@link FingerprintTrie}; {@link TaggedEntries} sorts a batch of them before
 * it is added, and {@link SnapshotCodec} converts the window to and from its snapshot form.
 */
public final class DedupeWindow {

  private static final long SECONDS_PER_DAY = 86_400L;

  /** Days a window can span at once: the day tag has 16 bits. */
  static final int MAX_DAY_SPAN = 1 << 16;

  private static final long NO_HORIZON = Long.MIN_VALUE;

  /** Bytes of this object and its two day arrays' headers (compressed oops). */
  private static final long FIXED_BYTES = 40 + 2 * FingerprintTrie.ARRAY_HEADER_BYTES;

  /** Bytes per remembered day: one {@code long} and one {@code int}. */
  private static final long BYTES_PER_DAY = 12;

  private static final DedupeWindow EMPTY =
      new DedupeWindow(FingerprintTrie.EMPTY, new long[0], new int[0], 0, NO_HORIZON);

  private final Object root;
  private final long[] days;
  private final int[] counts;
  private final int size;
  private final long horizonDay;

  private DedupeWindow(Object root, long[] days, int[] counts, int size, long horizonDay) {
    this.root = root;
    this.days = days;
    this.counts = counts;
    this.size = size;
    this.horizonDay = horizonDay;
  }

  /**
   * The result of {@link #admit}: the window including the accepted records, and one verdict per
   * record of the batch, in the batch's order.
   *
   * @param window the window after the batch
   * @param verdicts {@code verdicts.get(i)} is the verdict on the batch's record {@code i}
   */
  public record Admission(DedupeWindow window, List<DedupeVerdict> verdicts) {
    public Admission {
      Objects.requireNonNull(window, "window");
      verdicts = List.copyOf(verdicts);
    }

    /** How many records of the batch were accepted. */
    public int acceptedCount() {
      return (int) verdicts.stream().filter(v -> v == DedupeVerdict.ACCEPTED).count();
    }
  }

  /** The window of an account that has accepted nothing yet. */
  public static DedupeWindow empty() {
    return EMPTY;
  }

  /** The fingerprint of record {@code id} of {@code source} (see {@link Fingerprint#of}). */
  public static Fingerprint fingerprint(String source, String id) {
    return Fingerprint.of(source, id);
  }

  /** Whether a record with this key was accepted (and its day is not evicted). */
  public boolean contains(RecordKey key) {
    return contains(key.fingerprint());
  }

  /** Whether a record with this fingerprint was accepted (and its day is not evicted). */
  public boolean contains(Fingerprint fingerprint) {
    return FingerprintTrie.contains(root, fingerprint.hi(), fingerprint.lo());
  }

  /**
   * Decides on a batch without changing anything: the verdicts {@link #admit} would give. For a
   * command handler, which decides, before an event handler applies the accepted records with
   * {@link #withAccepted}.
   *
   * @param batch the records, in arrival order
   * @return one verdict per record, in the batch's order
   */
  public List<DedupeVerdict> classify(List<DatedKey> batch) {
    return List.of(screen(batch, null));
  }

  /**
   * Decides on a batch and remembers the accepted records. A record is {@link
   * DedupeVerdict#DUPLICATE} when this window holds its key or an earlier record of the batch with
   * the same key was accepted; {@link DedupeVerdict#TOO_OLD} when its UTC day is before {@link
   * #horizon()}; otherwise {@link DedupeVerdict#ACCEPTED}.
   *
   * @param batch the records, in arrival order
   * @throws IllegalStateException if remembering the batch would span 65,536 days or more
   */
  public Admission admit(List<DatedKey> batch) {
    TaggedEntries.Batch accepted = new TaggedEntries.Batch(batch.size());
    DedupeVerdict[] verdicts = screen(batch, accepted);
    return new Admission(with(accepted), Arrays.asList(verdicts));
  }

  /**
   * This window plus the records of {@code batch} that {@link #admit} would accept (already
   * remembered and too old ones are skipped), for an event handler applying records a command
   * handler accepted. Depends on this window and {@code batch} only, so replaying the same events
   * rebuilds the same window.
   *
   * @throws IllegalStateException if remembering the batch would span 65,536 days or more
   */
  public DedupeWindow withAccepted(List<DatedKey> batch) {
    TaggedEntries.Batch accepted = new TaggedEntries.Batch(batch.size());
    screen(batch, accepted);
    return with(accepted);
  }

  /**
   * Forgets every UTC day that lies wholly before {@code cutoff} (day {@code d} is forgotten when
   * {@code d + 1} at 00:00 UTC is at or before {@code cutoff}) and moves the {@link #horizon()} to
   * the start of {@code cutoff}'s day if that is later. The entity passes {@code now -
   * maxUsageAge}, taken from the command (and recorded in its event), never from a clock read in an
   * event handler.
   *
   * <p>Safe: a record of a forgotten day is older than {@code cutoff}, so it is refused as too old
   * at {@code now}; and the window itself refuses it ({@link DedupeVerdict#TOO_OLD}) should a later
   * call bring an earlier {@code now}. Cheap when no day is forgotten; otherwise it rewrites the
   * leaves holding forgotten ids (in practice all of them, once a day: {@code O(size)}).
   */
  public DedupeWindow evictBefore(Instant cutoff) {
    long cutDay = epochDay(cutoff);
    if (cutDay <= horizonDay) {
      return this;
    }
    int drop = 0;
    while (drop < days.length && days[drop] < cutDay) {
      drop++;
    }
    if (drop == 0) {
      return new DedupeWindow(root, days, counts, size, cutDay);
    }
    if (drop == days.length) {
      return new DedupeWindow(FingerprintTrie.EMPTY, new long[0], new int[0], 0, cutDay);
    }
    long[] dropTags = new long[MAX_DAY_SPAN / 64];
    int dropped = 0;
    for (int d = 0; d < drop; d++) {
      int tag = (int) (days[d] & FingerprintTrie.TAG_MASK);
      dropTags[tag >>> 6] |= 1L << tag;
      dropped += counts[d];
    }
    int[] sizeOut = new int[1];
    Object newRoot = FingerprintTrie.remove(root, dropTags, sizeOut);
    if (sizeOut[0] != size - dropped) {
      throw new IllegalStateException(
          "dedupe window corrupt: " + sizeOut[0] + " ids left, expected " + (size - dropped));
    }
    return new DedupeWindow(
        newRoot,
        Arrays.copyOfRange(days, drop, days.length),
        Arrays.copyOfRange(counts, drop, counts.length),
        size - dropped,
        cutDay);
  }

  /**
   * The start (00:00 UTC) of the first day the window answers for: records of earlier days are
   * {@link DedupeVerdict#TOO_OLD}. {@link Instant#MIN} while nothing was evicted.
   */
  public Instant horizon() {
    return horizonDay == NO_HORIZON
        ? Instant.MIN
        : Instant.ofEpochSecond(Math.multiplyExact(horizonDay, SECONDS_PER_DAY));
  }

  /** The number of remembered ids. */
  public int size() {
    return size;
  }

  /** The number of remembered ids per UTC day of usage, ascending (days without ids omitted). */
  public SortedMap<LocalDate, Integer> countsByDay() {
    SortedMap<LocalDate, Integer> out = new TreeMap<>();
    for (int d = 0; d < days.length; d++) {
      out.put(LocalDate.ofEpochDay(days[d]), counts[d]);
    }
    return Collections.unmodifiableSortedMap(out);
  }

  /**
   * The heap this window holds, in bytes, assuming a 64-bit HotSpot JVM with compressed oops (the
   * default below 32 GB of heap): 16 bytes per id, plus 16 per trie leaf and 80 per trie branch,
   * plus 12 per day and a few fixed bytes. Walks the trie's nodes (about one per 250 ids).
   */
  public long approximateBytes() {
    return FIXED_BYTES + BYTES_PER_DAY * days.length + FingerprintTrie.approximateBytes(root);
  }

  /** The persisted form of this window (see {@link DedupeSnapshot}). */
  public DedupeSnapshot toSnapshot() {
    return SnapshotCodec.encode(root, days, counts, horizonDay);
  }

  /**
   * The window a snapshot was made of. Days may come in any order; days without ids are skipped.
   *
   * @throws IllegalArgumentException if the snapshot holds a day twice, a day before its horizon, a
   *     fingerprint twice, a fingerprint with its low 16 bits set, or days 65,536 or more apart
   */
  public static DedupeWindow fromSnapshot(DedupeSnapshot snapshot) {
    SnapshotCodec.Parts parts = SnapshotCodec.decode(snapshot);
    if (parts.size() == 0 && parts.horizonDay() == NO_HORIZON) {
      return EMPTY;
    }
    return new DedupeWindow(
        parts.root(), parts.days(), parts.counts(), parts.size(), parts.horizonDay());
  }

  /** The heap bytes of this window's trie nodes that {@code older}'s trie does not share. */
  long unsharedBytes(DedupeWindow older) {
    return FingerprintTrie.unsharedBytes(root, older.root);
  }

  /** The depth of this window's trie (0 for a single leaf). */
  int trieDepth() {
    return FingerprintTrie.depth(root);
  }

  /** The UTC day of {@code instant}, as {@code LocalDate.toEpochDay()}. */
  static long epochDay(Instant instant) {
    return Math.floorDiv(instant.getEpochSecond(), SECONDS_PER_DAY);
  }

  /**
   * Verdicts on {@code batch}; when {@code accepted} is not null, collects the accepted entries in
   * it.
   */
  private DedupeVerdict[] screen(List<DatedKey> batch, TaggedEntries.Batch accepted) {
    DedupeVerdict[] verdicts = new DedupeVerdict[batch.size()];
    Set<Fingerprint> seen = new HashSet<>();
    int i = 0;
    for (DatedKey candidate : batch) {
      long day = epochDay(candidate.usageDate());
      Fingerprint fp = candidate.key().fingerprint();
      DedupeVerdict verdict;
      if (day < horizonDay) {
        verdict = DedupeVerdict.TOO_OLD;
      } else if (contains(fp) || !seen.add(fp)) {
        verdict = DedupeVerdict.DUPLICATE;
      } else {
        verdict = DedupeVerdict.ACCEPTED;
        if (accepted != null) {
          accepted.add(fp, day);
        }
      }
      verdicts[i++] = verdict;
    }
    return verdicts;
  }

  /** This window plus {@code accepted} (all new, none before the horizon). */
  private DedupeWindow with(TaggedEntries.Batch accepted) {
    int n = accepted.count;
    if (n == 0) {
      return this;
    }
    long[] batchDays = Arrays.copyOf(accepted.days, n);
    Arrays.sort(batchDays);
    long[] newDays = new long[days.length + n];
    int[] newCounts = new int[days.length + n];
    int out = 0;
    int i = 0;
    int j = 0;
    while (i < days.length || j < n) {
      long day = j == n || i < days.length && days[i] <= batchDays[j] ? days[i] : batchDays[j];
      int count = 0;
      if (i < days.length && days[i] == day) {
        count = counts[i++];
      }
      while (j < n && batchDays[j] == day) {
        count++;
        j++;
      }
      newDays[out] = day;
      newCounts[out++] = count;
    }
    if (newDays[out - 1] - newDays[0] >= MAX_DAY_SPAN) {
      throw new IllegalStateException(
          "dedupe window would span days "
              + LocalDate.ofEpochDay(newDays[0])
              + " to "
              + LocalDate.ofEpochDay(newDays[out - 1])
              + "; evict first");
    }
    Object newRoot = FingerprintTrie.insertAll(root, TaggedEntries.sorted(accepted.entries, n), n);
    return new DedupeWindow(
        newRoot,
        Arrays.copyOf(newDays, out),
        Arrays.copyOf(newCounts, out),
        Math.addExact(size, n),
        horizonDay);
  }

  /**
   * Equal when they remember the same ids on the same days and have the same horizon (compares
   * their snapshots: {@code O(size)}).
   */
  @Override
  public boolean equals(Object o) {
    return o == this
        || o instanceof DedupeWindow other
            && size == other.size
            && horizonDay == other.horizonDay
            && Arrays.equals(days, other.days)
            && Arrays.equals(counts, other.counts)
            && toSnapshot().equals(other.toSnapshot());
  }

  @Override
  public int hashCode() {
    return Objects.hash(size, horizonDay, Arrays.hashCode(days), Arrays.hashCode(counts));
  }

  @Override
  public String toString() {
    return "DedupeWindow[size="
        + size
        + ", days="
        + days.length
        + (days.length == 0
            ? ""
            : ", from "
                + LocalDate.ofEpochDay(days[0])
                + " to "
                + LocalDate.ofEpochDay(days[days.length - 1]))
        + (horizonDay == NO_HORIZON ? "" : ", horizon=" + LocalDate.ofEpochDay(horizonDay))
        + "]";
  }
}
