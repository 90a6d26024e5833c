package com.telco.billing.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * {@code loadgen --verify}: compares, per account in the ledger, the sum of the amounts the cluster
 * acknowledged with the {@code total} of {@code GET /accounts/{id}/usage/current} (exact {@link
 * BigDecimal#compareTo}). The endpoint covers the open bill period only, so this holds for records
 * dated in the current period (the generator's default) and until the period closes.
 */
public final class Verifier {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** One account whose totals differ (or that could not be read). */
  public record Mismatch(
      String accountId, BigDecimal ledger, BigDecimal cluster, long unconfirmed, String problem) {
    @Override
    public String toString() {
      if (problem != null) {
        return accountId + ": " + problem;
      }
      return accountId
          + ": ledger "
          + ledger.toPlainString()
          + ", cluster "
          + cluster.toPlainString()
          + " (difference "
          + cluster.subtract(ledger).toPlainString()
          + ")"
          + (unconfirmed == 0
              ? ""
              : "; " + unconfirmed + " records accepted with their answer lost (UNCONFIRMED)");
    }
  }

  /** What a verification found. */
  public record Report(int accounts, BigDecimal ledgerTotal, List<Mismatch> mismatches) {}

  private final URI baseUrl;
  private final int concurrency;

  public Verifier(URI baseUrl, int concurrency) {
    this.baseUrl = Loopback.requireLoopback(baseUrl.toString());
    this.concurrency = concurrency;
  }

  /**
   * Compares one account: empty when the cluster's total equals the ledger's sum exactly.
   *
   * @param cluster the cluster's total, or null if it has none
   */
  public static Optional<Mismatch> compare(
      String accountId, Ledger.AccountTotal ledger, BigDecimal cluster) {
    BigDecimal clusterTotal = cluster == null ? BigDecimal.ZERO : cluster;
    if (clusterTotal.compareTo(ledger.amount()) == 0) {
      return Optional.empty();
    }
    return Optional.of(
        new Mismatch(accountId, ledger.amount(), clusterTotal, ledger.unconfirmed(), null));
  }

  public Report verify(Path ledgerFile) {
    Map<String, Ledger.AccountTotal> totals = Ledger.read(ledgerFile);
    List<Mismatch> mismatches = new ArrayList<>();
    Semaphore permits = new Semaphore(concurrency);
    BigDecimal ledgerTotal = BigDecimal.ZERO;
    try (RetryingHttp http = new RetryingHttp(baseUrl, Duration.ofSeconds(60), 4)) {
      List<CompletableFuture<Void>> all = new ArrayList<>();
      for (Map.Entry<String, Ledger.AccountTotal> e : totals.entrySet()) {
        ledgerTotal = ledgerTotal.add(e.getValue().amount());
        Permits.acquire(permits, 1);
        String path =
            "/accounts/" + URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "/usage/current";
        all.add(
            http.send(http.get(path))
                .handle(
                    (response, failure) -> {
                      try {
                        Mismatch m;
                        if (failure != null) {
                          m = problem(e.getKey(), e.getValue(), "not readable: " + failure);
                        } else if (response.statusCode() != 200) {
                          m =
                              problem(
                                  e.getKey(),
                                  e.getValue(),
                                  "GET usage/current answered "
                                      + response.statusCode()
                                      + " "
                                      + new String(response.body(), StandardCharsets.UTF_8));
                        } else {
                          m =
                              compare(e.getKey(), e.getValue(), total(response.body()))
                                  .orElse(null);
                        }
                        if (m != null) {
                          synchronized (mismatches) {
                            mismatches.add(m);
                          }
                        }
                        return null;
                      } finally {
                        permits.release();
                      }
                    }));
      }
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    }
    mismatches.sort((a, b) -> a.accountId().compareTo(b.accountId()));
    return new Report(totals.size(), ledgerTotal, mismatches);
  }

  private static Mismatch problem(String accountId, Ledger.AccountTotal ledger, String problem) {
    return new Mismatch(accountId, ledger.amount(), null, ledger.unconfirmed(), problem);
  }

  private static BigDecimal total(byte[] body) {
    try {
      JsonNode json = MAPPER.readTree(body);
      JsonNode total = json.get("total");
      return total == null || total.isNull() ? BigDecimal.ZERO : new BigDecimal(total.asText());
    } catch (IOException e) {
      throw new IllegalStateException("usage/current is not JSON", e);
    }
  }

  /** Prints the report; returns whether every account matched. */
  public static boolean print(Report report, PrintStream out) {
    out.printf(
        "verify: %,d accounts in the ledger, total %s%n",
        report.accounts(), report.ledgerTotal().toPlainString());
    if (report.mismatches().isEmpty()) {
      out.printf("verify: 0 mismatches: every account's usage/current total equals the ledger%n");
      return true;
    }
    long explained =
        report.mismatches().stream()
            .filter(m -> m.problem() == null && m.unconfirmed() > 0)
            .count();
    out.printf(
        "verify: %,d mismatches (%,d on accounts with UNCONFIRMED records, whose amounts the"
            + " ledger cannot know; %,d without)%n",
        report.mismatches().size(), explained, report.mismatches().size() - explained);
    report.mismatches().stream()
        .sorted((a, b) -> Long.compare(a.unconfirmed(), b.unconfirmed()))
        .limit(50)
        .forEach(m -> out.println("  " + m));
    if (report.mismatches().size() > 50) {
      out.printf("  ... and %,d more%n", report.mismatches().size() - 50);
    }
    return false;
  }
}
