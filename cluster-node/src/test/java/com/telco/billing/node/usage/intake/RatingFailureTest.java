package com.telco.billing.node.usage.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusalCode;
import com.typesafe.config.ConfigFactory;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * The reason a parked batch shows is a stable code by the kind of failure, and its message never
 * carries what the failure's own message said (it may quote a record's values).
 */
class RatingFailureTest {
  private static final String SECRET = "\ud800x-card-4111111111111111";

  @Test
  void anAccountThatDoesNotAnswerIsATimeoutWhateverTheWrapping() {
    RatingFailure direct = RatingFailure.of(new TimeoutException(SECRET), 1, 3);
    assertEquals(RatingFailure.ACCOUNT_TIMEOUT, direct.reason());
    assertEquals(direct.message().substring(0, 20), "1 of 3 records not r");
    RatingFailure mapped =
        RatingFailure.of(
            new CompletionException(new CompletionException(new TimeoutException(SECRET))), 2, 2);
    assertEquals(RatingFailure.ACCOUNT_TIMEOUT, mapped.reason());
    assertFalse(mapped.message().contains(SECRET), mapped.message());
  }

  @Test
  void refusalsKeepOnlyTheirCode() {
    RatingFailure refused =
        RatingFailure.of(
            Refusal.of(RefusalCode.ACCOUNT_CONFLICT, "id", SECRET).toException(), 1, 1);
    assertEquals(RatingFailure.ACCOUNT_REFUSED, refused.reason());
    assertEquals("1 of 1 records not rated: refused with code account_conflict", refused.message());
  }

  @Test
  void otherFailuresNameOnlyTheirKind() {
    RatingFailure storage = RatingFailure.of(new DriverTimeoutException(SECRET), 1, 1);
    assertEquals(RatingFailure.STORAGE_FAILURE, storage.reason());
    RatingFailure error = RatingFailure.of(new IllegalArgumentException(SECRET), 4, 5);
    assertEquals(RatingFailure.RATING_ERROR, error.reason());
    assertEquals("4 of 5 records not rated: IllegalArgumentException", error.message());
    RatingFailure unreadable = RatingFailure.unreadable(new IllegalStateException(SECRET));
    assertEquals(RatingFailure.UNREADABLE_BATCH, unreadable.reason());
    assertFalse(unreadable.message().contains(SECRET));
  }

  @Test
  void attemptsDefaultToThreeAndAtLeastOneIsNeeded() {
    IntakeSettings settings =
        IntakeSettings.from(ConfigFactory.parseResources("billing.conf").resolve());
    assertEquals(3, settings.maxAttempts());
    assertEquals(2, settings.attemptBackoff().toSeconds());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            IntakeSettings.from(
                ConfigFactory.parseString("billing.usage.intake.max-attempts = 0")
                    .withFallback(ConfigFactory.parseResources("billing.conf"))
                    .resolve()));
  }
}
