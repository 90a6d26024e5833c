package com.telco.billing.node.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.telco.billing.node.Main;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When a failed delivery is tried again, by the configured schedule. */
class BackoffTest {
  private static final Instant AT = Instant.parse("2026-12-07T08:00:00Z");

  private static NotificationSettings settings(String overrides) {
    return NotificationSettings.from(Main.loadConfig(ConfigFactory.parseString(overrides)));
  }

  @Test
  void theDefaultScheduleIsOneMinuteToOneDay() {
    Backoff backoff = new Backoff(settings("").backoff());

    assertEquals(
        List.of(
            Duration.ofMinutes(1),
            Duration.ofMinutes(5),
            Duration.ofMinutes(30),
            Duration.ofHours(2),
            Duration.ofHours(12),
            Duration.ofDays(1)),
        backoff.waits());
    assertEquals(7, backoff.maxAttempts());
  }

  @Test
  void eachFailureWaitsTheNextStepThenTheDeliveryFails() {
    Backoff backoff = new Backoff(settings("").backoff());
    List<Instant> tries = new ArrayList<>();
    Instant at = AT;
    int attempts = 1;
    Optional<Instant> next = backoff.nextAttempt(attempts, at);
    while (next.isPresent()) {
      tries.add(next.get());
      at = next.get();
      next = backoff.nextAttempt(++attempts, at);
    }

    assertEquals(
        List.of(
            AT.plusSeconds(60),
            AT.plusSeconds(60 + 300),
            AT.plusSeconds(60 + 300 + 1800),
            AT.plusSeconds(60 + 300 + 1800 + 7200),
            AT.plusSeconds(60 + 300 + 1800 + 7200 + 43200),
            AT.plusSeconds(60 + 300 + 1800 + 7200 + 43200 + 86400)),
        tries);
    assertEquals(7, attempts, "the 7th failed try is the last");
  }

  @Test
  void aConfiguredScheduleInSeconds() {
    Backoff backoff = new Backoff(settings("billing.notifications.backoff = [1s, 2s]").backoff());

    assertEquals(Optional.of(AT.plusSeconds(1)), backoff.nextAttempt(1, AT));
    assertEquals(Optional.of(AT.plusSeconds(2)), backoff.nextAttempt(2, AT));
    assertEquals(Optional.empty(), backoff.nextAttempt(3, AT));
    assertThrows(IllegalArgumentException.class, () -> backoff.nextAttempt(0, AT));
  }

  @Test
  void anEmptyScheduleFailsAtTheFirstFailure() {
    assertEquals(
        Optional.empty(),
        new Backoff(settings("billing.notifications.backoff = []").backoff()).nextAttempt(1, AT));
  }

  @Test
  void aWaitThatIsNotPositiveIsRefusedNamingTheKey() {
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> settings("billing.notifications.backoff = [1m, 0s]"));
    assertEquals(true, e.getMessage().contains("billing.notifications.backoff"));
  }
}
