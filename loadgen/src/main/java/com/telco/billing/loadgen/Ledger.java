package com.telco.billing.loadgen;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The load generator's own record of what the cluster acknowledged: one CSV line per record the
 * cluster accepted ({@code run,id,account,status,amount}), each record at most once however often
 * its batch was resent. A record the cluster answered only as {@code DUPLICATE} although this run
 * never saw it accepted (its first answer was lost, e.g. a timeout after the journal write) is
 * written at the end as {@code UNCONFIRMED} without an amount: the cluster charged it, the ledger
 * cannot know how much.
 *
 * <p>Runs append to the same file, so that {@code --verify} compares the sum over every run against
 * the cluster. Thread-safe.
 */
public final class Ledger implements AutoCloseable {
  /** The CSV header line. */
  public static final String HEADER = "run,id,account,status,amount";

  public static final String ACCEPTED = "ACCEPTED";
  public static final String UNCONFIRMED = "UNCONFIRMED";

  private final String runId;
  private final BufferedWriter out;
  private final BitSet accepted = new BitSet();
  private final Map<Long, RecordGenerator.Generated> duplicateOnly = new LinkedHashMap<>();
  private final BigDecimal[] totals;
  private long acceptedRecords;
  private long doubleCharged;
  private long unconfirmed;
  private BigDecimal grandTotal = BigDecimal.ZERO;

  /**
   * @param file the CSV file to append to, or null to keep the ledger in memory only
   * @param accounts number of accounts, {@code lg-acc-1..accounts}
   */
  public Ledger(Path file, String runId, int accounts) {
    this.runId = runId;
    this.totals = new BigDecimal[accounts + 1];
    if (file == null) {
      this.out = null;
      return;
    }
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      boolean fresh = !Files.exists(file) || Files.size(file) == 0;
      this.out =
          Files.newBufferedWriter(
              file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      if (fresh) {
        out.write(HEADER);
        out.write('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the ledger " + file, e);
    }
  }

  /**
   * Takes the cluster's answer for one record.
   *
   * @param status {@code ACCEPTED}, {@code DUPLICATE}, {@code REJECTED} or {@code SUSPENDED}
   * @param amount the rated amount of an accepted record
   */
  public synchronized void onOutcome(
      RecordGenerator.Generated record, String status, BigDecimal amount) {
    long seq = record.seq();
    if (ACCEPTED.equals(status)) {
      if (accepted.get((int) seq)) {
        doubleCharged++;
        return;
      }
      accepted.set((int) seq);
      duplicateOnly.remove(seq);
      acceptedRecords++;
      BigDecimal current = totals[record.account()];
      totals[record.account()] = current == null ? amount : current.add(amount);
      grandTotal = grandTotal.add(amount);
      write(record, ACCEPTED, amount.toPlainString());
    } else if ("DUPLICATE".equals(status) && !accepted.get((int) seq)) {
      duplicateOnly.putIfAbsent(seq, record);
    }
  }

  private void write(RecordGenerator.Generated record, String status, String amount) {
    if (out == null) {
      return;
    }
    try {
      out.write(runId);
      out.write(',');
      out.write(record.id());
      out.write(',');
      out.write(RecordGenerator.accountId(record.account()));
      out.write(',');
      out.write(status);
      out.write(',');
      out.write(amount);
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the ledger", e);
    }
  }

  /** Writes what is buffered to the file (for a JVM that is being stopped). */
  public synchronized void flush() {
    if (out != null) {
      try {
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the ledger", e);
      }
    }
  }

  /** Writes the unconfirmed records and closes the file. */
  @Override
  public synchronized void close() {
    for (RecordGenerator.Generated record : duplicateOnly.values()) {
      unconfirmed++;
      write(record, UNCONFIRMED, "");
    }
    duplicateOnly.clear();
    if (out != null) {
      try {
        out.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot close the ledger", e);
      }
    }
  }

  public synchronized long acceptedRecords() {
    return acceptedRecords;
  }

  /** Records the cluster answered {@code ACCEPTED} more than once: must be 0. */
  public synchronized long doubleCharged() {
    return doubleCharged;
  }

  /** Records answered only as duplicates (written by {@link #close()}). */
  public synchronized long unconfirmed() {
    return unconfirmed;
  }

  /** Sum of the accepted amounts of account {@code index} in this run. */
  public synchronized BigDecimal total(int index) {
    BigDecimal t = totals[index];
    return t == null ? BigDecimal.ZERO : t;
  }

  public synchronized BigDecimal grandTotal() {
    return grandTotal;
  }

  /** What a ledger file says about one account. */
  public record AccountTotal(BigDecimal amount, long records, long unconfirmed) {
    AccountTotal plus(AccountTotal other) {
      return new AccountTotal(
          amount.add(other.amount), records + other.records, unconfirmed + other.unconfirmed);
    }
  }

  /** Reads a ledger file: per account, the sum of accepted amounts over every run. */
  public static Map<String, AccountTotal> read(Path file) {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return totals(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the ledger " + file, e);
    }
  }

  /**
   * Sums ledger lines per account (exact {@link BigDecimal} arithmetic), sorted by account id.
   *
   * @throws IllegalArgumentException on a malformed line
   */
  public static Map<String, AccountTotal> totals(BufferedReader in) throws IOException {
    Map<String, AccountTotal> totals = new TreeMap<>();
    String line;
    int number = 0;
    while ((line = in.readLine()) != null) {
      number++;
      if (line.isBlank() || line.equals(HEADER)) {
        continue;
      }
      String[] f = line.split(",", -1);
      if (f.length != 5) {
        throw new IllegalArgumentException("ledger line " + number + " is malformed: " + line);
      }
      AccountTotal add;
      switch (f[3]) {
        case ACCEPTED -> {
          try {
            add = new AccountTotal(new BigDecimal(f[4]), 1, 0);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                "ledger line " + number + " has no valid amount: " + line, e);
          }
        }
        case UNCONFIRMED -> add = new AccountTotal(BigDecimal.ZERO, 0, 1);
        default ->
            throw new IllegalArgumentException(
                "ledger line " + number + " has an unknown status: " + line);
      }
      totals.merge(f[2], add, AccountTotal::plus);
    }
    return totals;
  }
}
