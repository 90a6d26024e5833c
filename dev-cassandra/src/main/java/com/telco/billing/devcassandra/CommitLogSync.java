package com.telco.billing.devcassandra;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When the node's commit log reaches the disk ({@code commitlog_sync} in {@code cassandra.yaml}),
 * and so what an acknowledged write survives. Every write goes to the commit log before it is
 * acknowledged; the modes differ in when that file is fsynced.
 *
 * <ul>
 *   <li>{@link Batch} (the default): a write is acknowledged only after the commit log that holds
 *       it is fsynced; writes that arrive during an fsync share the next one. An acknowledged write
 *       survives a killed process ({@code kill -9}) and a machine crash or power loss.
 *   <li>{@link Group}: as batch, but the commit log waits up to the window to gather writes for one
 *       fsync: fewer fsyncs, longer waits.
 *   <li>{@link Periodic}: a write is acknowledged once it is appended to the commit log; the file
 *       is fsynced every period in the background. <em>Even a killed process loses acknowledged
 *       writes</em>: commit log replay reads only what is covered by a sync marker, and in this
 *       mode Cassandra writes those markers every 100 ms ({@code
 *       AbstractCommitLogService.DEFAULT_MARKER_INTERVAL_MILLIS}), so {@code kill -9} loses up to
 *       the last 100 ms of acknowledged writes (seen in {@code CassandraCrashIT}: an intake batch
 *       acknowledged some 40 ms before the kill was gone), and a machine crash up to the period.
 * </ul>
 *
 * <p>Batch costs throughput on the dev node's single disk (docs/operations.md, "Durability of the
 * dev Cassandra"); benchmarks that want the old figures can ask for {@code periodic:10000ms}. A
 * production cluster protects acknowledged writes by replication as well (RF 3, QUORUM).
 */
public sealed interface CommitLogSync {

  /** The default: batch, an fsync before every acknowledgement. */
  CommitLogSync DEFAULT = new Batch();

  /**
   * Fsync before the acknowledgement, writes of one window sharing an fsync.
   *
   * @param window how long the commit log waits to gather writes for one fsync
   */
  record Group(Duration window) implements CommitLogSync {
    public Group {
      window = checkMillis(window, "group window");
    }

    @Override
    public String yaml() {
      return "commitlog_sync: group\ncommitlog_sync_group_window: " + window.toMillis() + "ms\n";
    }

    @Override
    public String toString() {
      return "group:" + window.toMillis() + "ms";
    }
  }

  /**
   * Fsync before the acknowledgement, as soon as the previous fsync is done: no window to wait out,
   * writes that arrive during an fsync share the next one.
   */
  record Batch() implements CommitLogSync {
    @Override
    public String yaml() {
      return "commitlog_sync: batch\n";
    }

    @Override
    public String toString() {
      return "batch";
    }
  }

  /**
   * Acknowledgement from the page cache, fsync every period.
   *
   * @param period how often the commit log is fsynced
   */
  record Periodic(Duration period) implements CommitLogSync {
    public Periodic {
      period = checkMillis(period, "sync period");
    }

    @Override
    public String yaml() {
      return "commitlog_sync: periodic\ncommitlog_sync_period: " + period.toMillis() + "ms\n";
    }

    @Override
    public String toString() {
      return "periodic:" + period.toMillis() + "ms";
    }
  }

  /**
   * @return the {@code cassandra.yaml} lines of this mode, each ending in a newline
   */
  String yaml();

  /**
   * {@code batch}, {@code group:15ms}, {@code periodic:10000ms}, {@code periodic:10s}; the unit is
   * optional.
   */
  Pattern SYNTAX = Pattern.compile("batch|(group|periodic):(\\d+)(ms|s)?");

  /**
   * Parses the command line and environment form, the inverse of {@code toString()}.
   *
   * @param text {@code batch}, {@code group:<n>ms} or {@code periodic:<n>ms} ({@code s} for
   *     seconds; no unit is milliseconds)
   * @return the mode
   * @throws IllegalArgumentException if the text is neither
   */
  static CommitLogSync parse(String text) {
    Matcher matcher = SYNTAX.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "commit log sync must be batch, group:<n>ms or periodic:<n>ms, got '" + text + "'");
    }
    if (matcher.group(1) == null) {
      return new Batch();
    }
    long amount = Long.parseLong(matcher.group(2));
    Duration duration =
        "s".equals(matcher.group(3)) ? Duration.ofSeconds(amount) : Duration.ofMillis(amount);
    return matcher.group(1).equals("group") ? new Group(duration) : new Periodic(duration);
  }

  private static Duration checkMillis(Duration duration, String name) {
    if (duration.toMillis() < 1) {
      throw new IllegalArgumentException(name + " must be at least 1 ms, got " + duration);
    }
    return duration;
  }
}
