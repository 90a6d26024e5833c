package com.telco.billing.protocol.invoice;

import com.telco.billing.core.creditnote.CreditReason;
import com.telco.billing.core.creditnote.CreditRequest;
import com.telco.billing.protocol.CborSerializable;
import java.util.List;
import java.util.Objects;

/**
 * A validated request for a credit note of one invoice.
 *
 * @param invoiceNumber the invoice credited
 * @param idempotencyKey the request's {@code Idempotency-Key}
 * @param fingerprint what identifies the request's content for idempotent replays
 * @param reason why
 * @param description free text, optional
 * @param lines what to credit of which lines
 * @param currency the currency the request's amounts are in; {@code null} when it names none
 * @param refund pay back what of the credit exceeds the invoice's remaining amount
 */
public record CreditNoteOrder(
    String invoiceNumber,
    String idempotencyKey,
    String fingerprint,
    CreditReason reason,
    String description,
    List<CreditRequest> lines,
    java.util.Currency currency,
    boolean refund)
    implements CborSerializable {
  public CreditNoteOrder {
    Objects.requireNonNull(invoiceNumber, "invoiceNumber");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(reason, "reason");
    lines = List.copyOf(lines);
  }

  /** The key the request is known by in its account and in the number series. */
  public String requestKey() {
    return invoiceNumber + "|" + idempotencyKey;
  }
}
