package com.telco.billing.protocol.invoice;

import com.telco.billing.protocol.CborSerializable;

/** A credit note, and whether this request issued it (a replay did not). */
public record CreditNoteResult(CreditNoteView creditNote, boolean created)
    implements CborSerializable {}
