package com.telco.billing.node.dunning.policy;

import com.telco.billing.core.dunning.DunningPolicy;
import com.telco.billing.node.json.StrictJson;
import com.telco.billing.protocol.http.DunningPolicyRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The sample dunning policy shipped in the repository ({@code samples/dunning-policy.json}, policy
 * {@code standard} of legal entity {@code DEFAULT}), read from the file {@code bin/billing dev}
 * publishes.
 */
public final class SampleDunningPolicy {
  private SampleDunningPolicy() {}

  /** The file, found from the working directory (the module directory under Maven). */
  public static Path path() {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      Path candidate = d.resolve("samples/dunning-policy.json");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("samples/dunning-policy.json not found above " + dir);
  }

  /** The file's text, unchanged. */
  public static String json() {
    try {
      return Files.readString(path());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file as the route reads it. */
  public static DunningPolicyRequest request() {
    return StrictJson.read(json(), DunningPolicyRequest.class);
  }

  /** The validated policy, not yet published (version 0). */
  public static DunningPolicy draft() {
    return request().validate().value();
  }

  /** The policy as published as {@code version} at {@code at}. */
  public static DunningPolicy published(int version, Instant at) {
    DunningPolicy d = draft();
    return new DunningPolicy(
        d.policyId(),
        version,
        d.legalEntity(),
        d.segment(),
        d.minimumOverdue(),
        d.steps(),
        d.lateFee(),
        at);
  }
}
