package com.telco.billing.node.usage.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.telco.billing.node.usage.AsyncLimiter;
import com.typesafe.config.ConfigFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The readers' shared bound follows whether the node is receiving a batch. */
class IntakeReaderRatingCallsTest {

  private static IntakeSettings settings(String overrides) {
    return IntakeSettings.from(
        ConfigFactory.parseString(overrides)
            .withFallback(ConfigFactory.parseResources("billing.conf"))
            .resolve());
  }

  @Test
  void fewerCallsStartWhileTheNodeReceivesAndMoreOnceItStops() {
    IntakeSettings settings =
        settings(
            "billing.usage.intake.rating-calls-in-flight = 6\n"
                + "billing.usage.intake.rating-calls-while-receiving = 2");
    AtomicInteger receiving = new AtomicInteger(1);
    AsyncLimiter calls = IntakeReader.ratingCalls(settings, receiving::get);
    List<CompletableFuture<Void>> started = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      calls.submit(
          () -> {
            CompletableFuture<Void> call = new CompletableFuture<>();
            started.add(call);
            return call;
          });
    }
    assertEquals(2, started.size(), "receiving: rating-calls-while-receiving");

    receiving.set(0);
    started.get(0).complete(null);
    assertEquals(7, started.size(), "idle: up to rating-calls-in-flight as calls complete");
    assertEquals(6, calls.running());

    receiving.set(3);
    for (int i = 1; i < 5; i++) {
      started.get(i).complete(null);
    }
    assertEquals(7, started.size(), "receiving again: none starts until fewer than 2 run");
    started.get(5).complete(null);
    assertEquals(8, started.size());
  }

  @Test
  void theDefaultsAreReadFromBillingConf() {
    IntakeSettings settings = settings("");
    assertEquals(512, settings.ratingCalls());
    assertEquals(4, settings.ratingCallsWhileReceiving());
  }

  @Test
  void aBoundBelowOneIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> settings("billing.usage.intake.rating-calls-while-receiving = 0"));
  }
}
