package com.telco.billing.node.time;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code billing.clock}: the node's clock. In production the system clock; tests and demos that
 * need days to pass (dunning, collection) name an offset file, which {@link ShiftedClock} reads.
 *
 * @param offsetFile the TEST-ONLY offset file, or empty for the system clock
 */
public record ClockSettings(Optional<Path> offsetFile) {

  public static ClockSettings from(Config config) {
    String file = config.getString("billing.clock.offset-file");
    return new ClockSettings(file.isBlank() ? Optional.empty() : Optional.of(Path.of(file)));
  }

  /** The clock of the node: the system clock, or one shifted by the offset file. */
  public java.time.Clock clock() {
    return offsetFile.<java.time.Clock>map(ShiftedClock::new).orElseGet(java.time.Clock::systemUTC);
  }
}
