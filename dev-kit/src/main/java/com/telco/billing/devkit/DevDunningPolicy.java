package com.telco.billing.devkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Publishes the sample dunning policy ({@code samples/dunning-policy.json}, docs/dunning.md,
 * "Policies") to a dev node through its HTTP API, as a client with role {@code finance} would, and
 * prints the version it answers. Publishing it again at the next start answers the same version.
 */
final class DevDunningPolicy {
  static final Path SAMPLE = Path.of("samples", "dunning-policy.json");

  private DevDunningPolicy() {}

  /**
   * @param baseUrl the node's HTTP API, e.g. {@code http://127.0.0.1:8080}
   * @param keys the DEV-ONLY keys the node trusts
   */
  static void publish(String baseUrl, DevKeys keys) {
    if (!Files.isRegularFile(SAMPLE)) {
      System.out.printf("No %s here: no sample dunning policy published.%n", SAMPLE);
      return;
    }
    try {
      String document = Files.readString(SAMPLE);
      String token = keys.token("bin-billing-dev", List.of("finance"), Duration.ofMinutes(5));
      HttpJson.Response answer =
          new HttpJson(baseUrl, "Bearer " + token).post("/dunning-policies", document);
      System.out.printf(
          "Sample dunning policy (%s): POST /dunning-policies answered %d%n%s%n%n",
          SAMPLE, answer.status(), answer.body());
    } catch (IOException | RuntimeException e) {
      System.out.printf("The sample dunning policy could not be published: %s%n", e);
    }
  }
}
