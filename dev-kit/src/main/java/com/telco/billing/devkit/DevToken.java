package com.telco.billing.devkit;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code bin/billing token --role finance[,ops...] [--ttl 12h] [--subject name]}: prints a bearer
 * token signed by the DEV-ONLY key of this checkout ({@code var/dev-keys}, the one {@code
 * bin/billing dev} trusts) as its last line.
 */
public final class DevToken {
  private DevToken() {}

  public static void main(String[] args) {
    List<String> roles = new ArrayList<>();
    Duration ttl = Duration.ofHours(12);
    String subject = System.getProperty("user.name", "dev") + "@dev";
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (arg) {
        case "--role", "--roles" -> {
          roles.addAll(Arrays.stream(require(arg, value).split(",")).map(String::strip).toList());
          i++;
        }
        case "--ttl" -> {
          ttl = duration(require(arg, value));
          i++;
        }
        case "--subject" -> {
          subject = require(arg, value);
          i++;
        }
        default -> fail("unknown option " + arg);
      }
    }
    if (roles.isEmpty()) {
      fail("name at least one role: --role " + String.join("|", DevKeys.ALL_ROLES));
    }
    for (String role : roles) {
      if (!DevKeys.ALL_ROLES.contains(role)) {
        fail("not a role: " + role + " (roles: " + String.join(", ", DevKeys.ALL_ROLES) + ")");
      }
    }
    Path dir = Path.of(DevMain.env("BILLING_DEV_DATA", "var")).toAbsolutePath().resolve("dev-keys");
    DevKeys keys = DevKeys.in(dir);
    System.out.printf(
        "DEV-ONLY token for %s, roles %s, valid until %s (key %s).%n"
            + "Send it as: Authorization: Bearer <token>%n",
        subject, roles, Instant.now().plus(ttl), keys.publicKeySet());
    System.out.println(keys.token(subject, roles, ttl));
  }

  private static String require(String option, String value) {
    if (value == null) {
      fail(option + " needs a value");
    }
    return value;
  }

  private static Duration duration(String text) {
    try {
      return Duration.parse("PT" + text.toUpperCase());
    } catch (DateTimeParseException e) {
      fail("--ttl takes e.g. 30m, 12h");
      return null;
    }
  }

  private static void fail(String message) {
    System.err.println("bin/billing token: " + message);
    System.exit(2);
  }
}
