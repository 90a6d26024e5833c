package com.telco.billing.loadgen;

import com.telco.billing.devkit.DevKeys;
import com.telco.billing.node.security.ApiKey;
import com.telco.billing.node.security.Role;
import com.telco.billing.node.security.SecuritySettings;
import com.telco.billing.node.security.TokenVerifier;
import com.typesafe.config.ConfigFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What authenticating one request costs the node, measured in this JVM with the node's own classes:
 * a bearer token seen before (the verified-token cache), one seen for the first time (an ES256
 * signature check), and an API key (its secret hashed and compared; the key itself is cached).
 */
final class AuthCost {
  /** Microseconds per request of each path. */
  record Result(double cachedBearerMicros, double firstBearerMicros, double apiKeyMicros) {
    /** The share of {@code cores} a node spends authenticating {@code requestsPerSecond}. */
    double shareOfCpu(double requestsPerSecond, int cores) {
      double worst = Math.max(cachedBearerMicros, apiKeyMicros);
      return requestsPerSecond * worst / (cores * 1_000_000.0);
    }
  }

  private AuthCost() {}

  static Result measure() {
    DevKeys keys = DevKeys.ephemeral();
    SecuritySettings settings =
        SecuritySettings.from(
            keys.nodeConfig().withFallback(ConfigFactory.parseResources("billing.conf")).resolve());
    TokenVerifier verifier = TokenVerifier.from(settings.jwt(), Clock.systemUTC());
    String token = keys.token("bench", List.of("mediation"), Duration.ofHours(1));
    verifier.verify(token);
    double cached = micros(200_000, () -> verifier.verify(token));
    List<String> fresh = new java.util.ArrayList<>();
    for (int i = 0; i < 4_000; i++) {
      fresh.add(keys.token("bench-" + i, List.of("mediation"), Duration.ofHours(1)));
    }
    int[] next = {0};
    // the first 2,000 warm the verifier up, the other 2,000 are timed (each seen once)
    double first = micros(2_000, () -> verifier.verify(fresh.get(next[0]++)));
    String secret = ApiKey.newSecret();
    Instant now = Instant.now();
    ApiKey key =
        new ApiKey(
            ApiKey.newId(),
            "bench",
            Set.of(Role.MEDIATION),
            now,
            "bench",
            now.plusSeconds(3600),
            ApiKey.hash(secret),
            null,
            null,
            null);
    double apiKey =
        micros(
            200_000,
            () -> {
              if (!key.admits(secret, Instant.now())) {
                throw new IllegalStateException("the key refused its own secret");
              }
            });
    return new Result(cached, first, apiKey);
  }

  private static double micros(int times, Runnable op) {
    for (int i = 0; i < Math.min(times, 20_000); i++) {
      op.run();
    }
    long start = System.nanoTime();
    for (int i = 0; i < times; i++) {
      op.run();
    }
    return (System.nanoTime() - start) / 1000.0 / times;
  }
}
