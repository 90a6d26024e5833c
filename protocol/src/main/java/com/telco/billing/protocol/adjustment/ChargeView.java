package com.telco.billing.protocol.adjustment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.telco.billing.protocol.CborSerializable;
import com.telco.billing.protocol.http.MoneyValue;
import java.time.LocalDate;

/**
 * A one-off charge of an account (docs/adjustments.md), as {@code /accounts/{id}/charges} answers
 * it.
 *
 * @param chargedOn the date charged, in the account's zone
 * @param amount the net amount (tax is added on the invoice)
 * @param status {@code pending} until an invoice billed it, then {@code billed}
 * @param invoiceNumber the invoice that billed it; absent while pending
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChargeView(
    String id,
    String accountId,
    LocalDate chargedOn,
    MoneyValue amount,
    String description,
    String taxCategory,
    String glCode,
    String status,
    String invoiceNumber)
    implements CborSerializable {}
