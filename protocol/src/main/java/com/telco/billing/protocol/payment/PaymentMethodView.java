package com.telco.billing.protocol.payment;

import com.telco.billing.protocol.CborSerializable;
import java.time.LocalDate;

/**
 * An account's payment method as answered to clients: the IBAN only masked.
 *
 * @param kind {@code token}, {@code direct_debit}, {@code manual}, or {@code none}
 * @param token the gateway token (not a secret: it only works with the gateway's secret key)
 * @param ibanMasked e.g. {@code DE**************3000}
 */
public record PaymentMethodView(
    String accountId,
    String kind,
    String token,
    String ibanMasked,
    String bic,
    String mandateId,
    LocalDate mandateSignedOn,
    String debtorName)
    implements CborSerializable {}
