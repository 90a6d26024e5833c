package com.telco.billing.protocol.invoice;

import com.telco.billing.protocol.CborSerializable;
import java.time.LocalDate;

/** What checking a credit note request found. */
public sealed interface CreditNotePrepared extends CborSerializable
    permits CreditNotePrepared.Existing, CreditNotePrepared.NumberNeeded {

  /** The request was issued before: its credit note. */
  record Existing(CreditNoteView creditNote) implements CreditNotePrepared {}

  /**
   * The credit note can be issued: it needs a number of {@code seriesId} for {@code requestKey},
   * and is dated {@code issueDate} (today in the account's zone).
   */
  record NumberNeeded(String seriesId, String requestKey, LocalDate issueDate)
      implements CreditNotePrepared {}
}
