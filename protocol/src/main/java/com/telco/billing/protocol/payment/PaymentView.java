package com.telco.billing.protocol.payment;

import com.telco.billing.protocol.CborSerializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/**
 * A payment as the account holds it: its money, where it went, what was taken back.
 *
 * @param zone the account's time zone (the payment date is a date of it)
 * @param method {@code bank_transfer}, {@code card} or {@code direct_debit}
 * @param status {@code succeeded}, {@code partiallyRefunded}, {@code refunded}, {@code chargedBack}
 *     or {@code returned}
 * @param reference the payer's reference (bank transfer), or {@code null}
 * @param gatewayRef the PaymentIntent id or the direct debit's end-to-end id, or {@code null}
 * @param invoiceNumber the invoice a collection was for, or {@code null}
 * @param allocations the invoices it pays now, in the order they were allocated
 * @param unallocated what it holds that no invoice has (credit)
 * @param refunded what refunds took back
 * @param chargedBack what chargebacks and returns took back, net of chargebacks won
 * @param refunds its refunds
 */
public record PaymentView(
    String paymentId,
    String accountId,
    java.time.ZoneId zone,
    String method,
    String status,
    BigDecimal amount,
    Currency currency,
    LocalDate date,
    String reference,
    String gatewayRef,
    String invoiceNumber,
    List<AllocationView> allocations,
    BigDecimal unallocated,
    BigDecimal refunded,
    BigDecimal chargedBack,
    List<RefundView> refunds)
    implements CborSerializable {

  public PaymentView {
    allocations = List.copyOf(allocations);
    refunds = List.copyOf(refunds);
  }

  /** Part of a payment applied to an invoice. */
  public record AllocationView(String invoiceNumber, BigDecimal amount, LocalDate date)
      implements CborSerializable {}
}
