package com.telco.billing.loadgen;

import com.telco.billing.devkit.DevKeys;
import java.nio.file.Path;

/**
 * The {@code Authorization} header every request of the load generator and the benchmarks sends. A
 * benchmark that starts its node in this JVM signs with that JVM's dev key; {@code bin/billing
 * loadgen} against a dev node uses {@code BILLING_AUTHORIZATION} when set (e.g. {@code ApiKey
 * <id>.<secret>} or {@code Bearer <token>}), else a token of the checkout's DEV-ONLY key ({@code
 * var/dev-keys}).
 */
final class Credentials {
  private static volatile String authorization;

  private Credentials() {}

  static String authorization() {
    String current = authorization;
    if (current == null) {
      String given = System.getenv("BILLING_AUTHORIZATION");
      if (given != null && !given.isBlank()) {
        current = given.strip();
      } else if (DevKeys.ephemeralExists()) {
        // the node runs in this JVM (a benchmark): it trusts this JVM's key
        current = "Bearer " + DevKeys.ephemeral().allRolesToken();
      } else {
        String data = System.getenv().getOrDefault("BILLING_DEV_DATA", "var");
        current =
            "Bearer "
                + DevKeys.in(Path.of(data).toAbsolutePath().resolve("dev-keys")).allRolesToken();
      }
      authorization = current;
    }
    return current;
  }
}
