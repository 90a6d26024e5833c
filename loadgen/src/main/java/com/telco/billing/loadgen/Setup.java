package com.telco.billing.loadgen;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prepares a node for load: publishes the sample catalog (an existing version is fine), opens
 * accounts {@code lg-acc-1..N} (EUR, bill cycle day 1, UTC) and activates one MOBILE_S subscription
 * each, holding {@code +49170<7 digits>}, activated 30 days ago. Every request is idempotent, so
 * setup can be run again; at most {@code concurrency} accounts are in progress.
 */
public final class Setup {
  private final URI baseUrl;
  private final int concurrency;
  private final PrintStream out;

  public Setup(URI baseUrl, int concurrency, PrintStream out) {
    this.baseUrl = Loopback.requireLoopback(baseUrl.toString());
    this.concurrency = concurrency;
    this.out = out;
  }

  /** What setup did. */
  public record Result(long accounts, long failed, List<String> errors, double seconds) {}

  public Result run(Path catalog, int accounts) {
    long start = System.nanoTime();
    try (RetryingHttp http = new RetryingHttp(baseUrl, Duration.ofSeconds(60), 4)) {
      publishCatalog(http, catalog);
      LocalDate activation = LocalDate.now(ZoneOffset.UTC).minusDays(30);
      Semaphore permits = new Semaphore(concurrency);
      AtomicLong done = new AtomicLong();
      AtomicLong failed = new AtomicLong();
      List<String> errors = Collections.synchronizedList(new java.util.ArrayList<>());
      long lastPrint = System.nanoTime();
      for (int i = 1; i <= accounts; i++) {
        Permits.acquire(permits, 1);
        int index = i;
        openAndActivate(http, index, activation)
            .whenComplete(
                (ok, failure) -> {
                  String problem = failure != null ? failure.toString() : ok;
                  if (problem != null) {
                    failed.incrementAndGet();
                    if (errors.size() < 10) {
                      errors.add(RecordGenerator.accountId(index) + ": " + problem);
                    }
                  }
                  done.incrementAndGet();
                  permits.release();
                });
        if (System.nanoTime() - lastPrint > 2_000_000_000L) {
          lastPrint = System.nanoTime();
          out.printf(
              "setup: %,d / %,d accounts (%,.0f/s)%n",
              done.get(), accounts, done.get() / ((lastPrint - start) / 1e9));
        }
      }
      Permits.acquire(permits, concurrency);
      double seconds = (System.nanoTime() - start) / 1e9;
      out.printf(
          "setup: %,d accounts with a subscription each in %.1f s (%,.0f/s)%s%n",
          accounts,
          seconds,
          accounts / seconds,
          failed.get() == 0 ? "" : ", " + failed.get() + " failed: " + errors);
      return new Result(accounts, failed.get(), List.copyOf(errors), seconds);
    }
  }

  private void publishCatalog(RetryingHttp http, Path catalog) {
    byte[] document;
    try {
      document = Files.readAllBytes(catalog);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the catalog " + catalog, e);
    }
    HttpResponse<byte[]> response = http.send(http.postJson("/catalog/versions", document)).join();
    int status = response.statusCode();
    String body = new String(response.body(), StandardCharsets.UTF_8);
    if (status == 201) {
      out.println("setup: published the catalog " + catalog.getFileName());
    } else if (status == 200 || status == 409) {
      out.println("setup: the catalog is already published (" + status + ")");
    } else {
      throw new IllegalStateException("publishing the catalog answered " + status + ": " + body);
    }
  }

  /** Completes with null when both requests succeeded, else with the problem. */
  private static CompletableFuture<String> openAndActivate(
      RetryingHttp http, int index, LocalDate activation) {
    String id = RecordGenerator.accountId(index);
    String account =
        """
        {"id":"%s","name":"Loadgen %d","currency":"EUR","billCycleDay":1,"timeZone":"UTC",\
        "taxJurisdiction":"DE"}"""
            .formatted(id, index);
    String subscription =
        """
        {"subscriptionId":"%s","offeringId":"MOBILE_S","activationDate":"%s",\
        "serviceIds":[{"type":"MSISDN","value":"%s"}]}"""
            .formatted(
                RecordGenerator.subscriptionId(index), activation, RecordGenerator.msisdn(index));
    return http.send(http.postJson("/accounts", bytes(account)))
        .thenCompose(
            opened -> {
              if (opened.statusCode() != 201 && opened.statusCode() != 200) {
                return CompletableFuture.completedFuture(describe("open", opened));
              }
              return http.send(
                      http.postJson("/accounts/" + id + "/subscriptions", bytes(subscription)))
                  .thenApply(
                      activated ->
                          activated.statusCode() == 201
                                  || activated.statusCode() == 200
                                  || isAlreadyActivated(activated)
                              ? null
                              : describe("activate", activated));
            });
  }

  /** Activated on an earlier day by an earlier setup: the same account and number, fine. */
  private static boolean isAlreadyActivated(HttpResponse<byte[]> response) {
    return response.statusCode() == 409
        && new String(response.body(), StandardCharsets.UTF_8)
            .contains("subscription_already_activated");
  }

  private static String describe(String what, HttpResponse<byte[]> response) {
    return what
        + " answered "
        + response.statusCode()
        + " "
        + new String(response.body(), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
