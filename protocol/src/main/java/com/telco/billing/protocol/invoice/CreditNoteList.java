package com.telco.billing.protocol.invoice;

import com.telco.billing.protocol.CborSerializable;
import java.util.List;

/** Credit notes of an account, oldest first. */
public record CreditNoteList(List<CreditNoteView> creditNotes) implements CborSerializable {
  public CreditNoteList {
    creditNotes = List.copyOf(creditNotes);
  }
}
