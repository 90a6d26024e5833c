package com.telco.billing.core.ledger;

import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;

/**
 * What identifies a posting besides its lines: given by the caller, who derives {@code postingId}
 * from the event so that reprocessing it gives the same id.
 *
 * @param postingId the stable posting id
 * @param legalEntity the legal entity
 * @param currency the account's currency
 * @param date the accounting date
 * @param accountId the customer account
 * @param sourceDocument the payment, refund, credit note or write-off id
 */
public record PostingSource(
    String postingId,
    String legalEntity,
    Currency currency,
    LocalDate date,
    String accountId,
    String sourceDocument) {
  public PostingSource {
    Objects.requireNonNull(postingId, "postingId");
    Objects.requireNonNull(legalEntity, "legalEntity");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(sourceDocument, "sourceDocument");
  }
}
