package com.telco.billing.protocol.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.telco.billing.protocol.payment.PaymentView;
import com.telco.billing.protocol.payment.RefundView;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A payment shaped like a TMF676 {@code Payment}: {@code paymentItem} lists the invoices it pays
 * (TMF678 CustomerBill refs) with the amount allocated to each; the amounts TMF676 has no field for
 * (unallocated credit, refunded, charged back, the refunds) are extensions beside them.
 *
 * @param paymentDate 00:00 of the date received, in the account's zone
 * @param correlatorId the payer's or bank's reference
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentResponse(
    String id,
    String href,
    String status,
    OffsetDateTime paymentDate,
    MoneyValue amount,
    MoneyValue totalAmount,
    AccountRef account,
    PaymentMethodRef paymentMethod,
    String correlatorId,
    List<PaymentItem> paymentItem,
    MoneyValue unallocatedAmount,
    MoneyValue refundedAmount,
    MoneyValue chargedBackAmount,
    List<RefundResponse> refund,
    @JsonProperty("@type") String type) {

  public static String href(String paymentId) {
    return "/payments/" + paymentId;
  }

  /**
   * @param referredType always {@code BillingAccount}
   */
  public record AccountRef(
      String id, String href, @JsonProperty("@referredType") String referredType) {}

  /**
   * @param type {@code BankTransfer}, {@code TokenizedCard} or {@code DirectDebit}
   * @param id the gateway's PaymentIntent id or the direct debit's end-to-end id
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PaymentMethodRef(@JsonProperty("@type") String type, String id) {}

  /** An invoice the payment pays, and how much of it. */
  public record PaymentItem(MoneyValue amount, BillRef item) {}

  /**
   * @param referredType always {@code CustomerBill}
   */
  public record BillRef(
      String id, String href, @JsonProperty("@referredType") String referredType) {}

  public static PaymentResponse of(PaymentView p) {
    List<PaymentItem> items = new ArrayList<>();
    for (PaymentView.AllocationView a : p.allocations()) {
      items.add(
          new PaymentItem(
              MoneyValue.of(a.amount(), p.currency()),
              new BillRef(a.invoiceNumber(), "/invoices/" + a.invoiceNumber(), "CustomerBill")));
    }
    List<RefundResponse> refunds = new ArrayList<>();
    for (RefundView r : p.refunds()) {
      refunds.add(RefundResponse.of(r));
    }
    MoneyValue amount = MoneyValue.of(p.amount(), p.currency());
    return new PaymentResponse(
        p.paymentId(),
        href(p.paymentId()),
        p.status(),
        p.date().atStartOfDay(p.zone()).toOffsetDateTime(),
        amount,
        amount,
        new AccountRef(p.accountId(), "/accounts/" + p.accountId(), "BillingAccount"),
        new PaymentMethodRef(methodType(p.method()), p.gatewayRef()),
        p.reference(),
        items,
        MoneyValue.of(p.unallocated(), p.currency()),
        MoneyValue.of(p.refunded(), p.currency()),
        MoneyValue.of(p.chargedBack(), p.currency()),
        refunds,
        "Payment");
  }

  private static String methodType(String method) {
    return switch (method) {
      case "card" -> "TokenizedCard";
      case "direct_debit" -> "DirectDebit";
      default -> "BankTransfer";
    };
  }
}
