package com.telco.billing.protocol.adjustment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.telco.billing.protocol.CborSerializable;
import com.telco.billing.protocol.http.MoneyValue;
import java.time.LocalDate;

/**
 * A dispute of part of an invoice (docs/adjustments.md).
 *
 * @param status {@code open}, {@code released} or {@code upheld}
 * @param openedOn the date opened, in the account's zone
 * @param resolvedOn the date resolved; absent while open
 * @param creditNoteNumber the credit note an upheld dispute was credited by; absent otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DisputeView(
    String id,
    String invoiceNumber,
    String accountId,
    MoneyValue amount,
    String reason,
    String status,
    LocalDate openedOn,
    LocalDate resolvedOn,
    String creditNoteNumber)
    implements CborSerializable {}
