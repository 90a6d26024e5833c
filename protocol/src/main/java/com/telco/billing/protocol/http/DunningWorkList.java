package com.telco.billing.protocol.http;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Body of {@code GET /dunning/accounts}: one page of the overdue work list, the accounts in a
 * dunning episode.
 *
 * @param count the accounts on this page
 * @param nextCursor the {@code cursor} of the next page; null on the last page
 */
public record DunningWorkList(int count, List<Entry> accounts, String nextCursor) {

  /**
   * One account in a dunning episode.
   *
   * @param step the name of the last fired step, null before the first
   * @param stepIndex its index in the policy, from 0
   * @param stepDate the date it fired
   * @param daysPastDue days from the oldest unpaid invoice's due date to today (UTC), as of the
   *     last fired step's invoice
   * @param daysPastDueAtStep days past due when the step fired
   * @param oldestDueDate the due date of the oldest unpaid invoice at the last fired step
   * @param overdue the overdue amount last recorded (an exact decimal in {@code currency})
   * @param holdUntil the end (inclusive) of the hold in force, null for none
   * @param handedToCollectionsOn when the account was handed to a collection agency, or null
   */
  public record Entry(
      String accountId,
      int episode,
      LocalDate episodeStartedOn,
      String step,
      Integer stepIndex,
      LocalDate stepDate,
      Long daysPastDue,
      Long daysPastDueAtStep,
      LocalDate oldestDueDate,
      BigDecimal overdue,
      String currency,
      boolean barred,
      LocalDate holdUntil,
      LocalDate handedToCollectionsOn) {}

  public static DunningWorkList of(List<Entry> accounts, String nextCursor) {
    return new DunningWorkList(accounts.size(), accounts, nextCursor);
  }
}
