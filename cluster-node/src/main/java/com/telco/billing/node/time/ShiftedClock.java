package com.telco.billing.node.time;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * TEST-ONLY: the system clock moved by the offset written in a file (an ISO-8601 duration such as
 * {@code P21D} or {@code PT36H}; a missing or empty file is no offset). Every node of a test
 * cluster names the same file, so moving the file moves the whole cluster's time at once. The file
 * is read again at most every 100 ms. Time never goes backwards: an offset smaller than the one
 * before keeps the clock where it was until the system clock catches up.
 */
public final class ShiftedClock extends Clock {
  private static final long REREAD_NANOS = Duration.ofMillis(100).toNanos();

  private final Path file;
  private volatile Duration offset = Duration.ZERO;
  private volatile long readAt = System.nanoTime() - REREAD_NANOS;
  private volatile Instant latest = Instant.EPOCH;

  public ShiftedClock(Path file) {
    this.file = file;
  }

  /** Writes {@code offset} to {@code file} (what a test calls to move time). */
  public static void writeOffset(Path file, Duration offset) {
    try {
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, offset.toString());
      Files.move(
          tmp,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    long now = System.nanoTime();
    if (now - readAt >= REREAD_NANOS) {
      offset = read();
      readAt = now;
    }
    Instant shifted = Instant.now().plus(offset);
    synchronized (this) {
      if (shifted.isBefore(latest)) {
        return latest;
      }
      latest = shifted;
      return shifted;
    }
  }

  private Duration read() {
    try {
      String text = Files.readString(file).strip();
      return text.isEmpty() ? Duration.ZERO : Duration.parse(text);
    } catch (NoSuchFileException e) {
      return Duration.ZERO;
    } catch (IOException | java.time.format.DateTimeParseException e) {
      // a file being rewritten or garbled: keep the offset read before
      return offset;
    }
  }
}
