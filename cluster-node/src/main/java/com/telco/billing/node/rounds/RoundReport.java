package com.telco.billing.node.rounds;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one round of the driver did.
 *
 * @param today the round's date (UTC), the {@code today} of its asks
 * @param from the first date it read (through {@code today})
 * @param rowsRead due rows read, each asked once
 * @param outcomes answers by outcome label (the driver's own labels)
 * @param askFailures asks without an answer (refused, timed out): their rows stay
 * @param otherFailures rows whose answer could not be carried out (e.g. a row write failed): their
 *     rows stay
 * @param rowsLeft rows read that are still due at their date after the round
 * @param watermark the watermark stored after the round
 */
public record RoundReport(
    LocalDate today,
    LocalDate from,
    long rowsRead,
    Map<String, Long> outcomes,
    long askFailures,
    long otherFailures,
    long rowsLeft,
    LocalDate watermark) {
  public RoundReport {
    outcomes = Map.copyOf(outcomes);
  }

  /** The answers of {@code outcome}. */
  public long outcome(String outcome) {
    return outcomes.getOrDefault(outcome, 0L);
  }

  @Override
  public String toString() {
    return "round of "
        + today
        + " from "
        + from
        + ": "
        + rowsRead
        + " rows, outcomes "
        + new TreeMap<>(outcomes)
        + ", "
        + askFailures
        + " unanswered, "
        + otherFailures
        + " not carried out, "
        + rowsLeft
        + " left due, watermark "
        + watermark;
  }
}
