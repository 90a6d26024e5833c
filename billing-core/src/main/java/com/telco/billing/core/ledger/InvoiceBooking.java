package com.telco.billing.core.ledger;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What issuing an invoice books: its posting (none when every line and tax nets to zero) and the
 * revenue it defers, to be recognised day by day.
 *
 * @param posting the invoice posting, if any
 * @param deferred one per deferred line, in line order
 */
public record InvoiceBooking(Optional<Posting> posting, List<DeferredLine> deferred) {
  public InvoiceBooking {
    Objects.requireNonNull(posting, "posting");
    deferred = List.copyOf(deferred);
  }
}
