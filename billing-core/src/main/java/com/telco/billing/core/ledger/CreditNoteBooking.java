package com.telco.billing.core.ledger;

import java.util.List;
import java.util.Objects;

/**
 * What issuing a credit note books: its posting and the deferred revenue it takes back from the
 * days still to come, as negative deferred lines that offset the credited lines' recognition.
 *
 * @param posting the credit note posting
 * @param deferred one per credited line with a deferred part still to come, negative
 */
public record CreditNoteBooking(Posting posting, List<DeferredLine> deferred) {
  public CreditNoteBooking {
    Objects.requireNonNull(posting, "posting");
    deferred = List.copyOf(deferred);
  }
}
