package com.telco.billing.protocol.http;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Body of {@code GET /dunning/collections-export} as JSON: the accounts handed to a collection
 * agency from {@code from} through {@code to}, by date.
 */
public record CollectionsExport(LocalDate from, LocalDate to, int count, List<Entry> accounts) {

  /**
   * One account handed over.
   *
   * @param overdue the amount owed when it was handed over (an exact decimal in {@code currency})
   */
  public record Entry(
      String accountId, LocalDate handedOn, int episode, BigDecimal overdue, String currency) {}

  public static CollectionsExport of(LocalDate from, LocalDate to, List<Entry> accounts) {
    return new CollectionsExport(from, to, accounts.size(), accounts);
  }
}
