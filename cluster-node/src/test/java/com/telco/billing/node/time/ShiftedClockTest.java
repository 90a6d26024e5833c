package com.telco.billing.node.time;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test clock follows its offset file, and never goes backwards. */
class ShiftedClockTest {

  @Test
  void followsTheOffsetFileAndNeverGoesBack(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("offset");
    ShiftedClock clock = new ShiftedClock(file);
    Instant start = clock.instant();
    assertFalse(start.isAfter(Instant.now().plusSeconds(1)), "no file: no offset");

    ShiftedClock.writeOffset(file, Duration.ofDays(21));
    Thread.sleep(150);
    Instant shifted = clock.instant();
    assertTrue(shifted.isAfter(Instant.now().plus(Duration.ofDays(21)).minusSeconds(5)));

    ShiftedClock.writeOffset(file, Duration.ofDays(1));
    Thread.sleep(150);
    assertFalse(clock.instant().isBefore(shifted), "an offset moved back does not move time back");

    Files.writeString(file, "garbled");
    Thread.sleep(150);
    assertFalse(clock.instant().isBefore(shifted), "a garbled file keeps the offset read before");
  }

  @Test
  void anEmptySettingIsTheSystemClock() {
    var settings = ClockSettings.from(com.typesafe.config.ConfigFactory.load());
    assertTrue(settings.offsetFile().isEmpty());
    assertFalse(settings.clock() instanceof ShiftedClock);
  }
}
