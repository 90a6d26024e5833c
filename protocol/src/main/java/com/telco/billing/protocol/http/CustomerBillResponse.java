package com.telco.billing.protocol.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Body of {@code GET /invoices/{number}} and {@code GET /customerBill/{id}} as JSON: an invoice as
 * a TM Forum TMF678 v4 {@code CustomerBill}, valid by the published schema (types and formats).
 *
 * <p>Choices made here, where TMF678 leaves room:
 *
 * <ul>
 *   <li><b>Amounts</b> are {@link Money} with the value as a JSON <em>number</em> written with
 *       exactly the currency's minor units ({@code 12.50} EUR, {@code 1200} JPY, {@code 1.250}
 *       BHD), from the {@code BigDecimal}, never through a binary {@code double}; a client should
 *       read it as a decimal. Unit prices keep more decimals when the catalog price has them.
 *       Quantities and tax rates are exact JSON numbers too.
 *   <li><b>Dates</b>: {@code billDate} (the issue date) and {@code paymentDueDate} are date-times:
 *       00:00 of that date in the account's time zone with its offset ({@code
 *       2025-03-01T00:00:00+01:00}); the printed invoice shows the dates.
 *   <li><b>Periods</b> ({@code billingPeriod}, each line's {@code periodCoverage}) are {@link
 *       TimePeriod}s of date-times with the account zone's offset: {@code startDateTime} is 00:00
 *       of the first date, {@code endDateTime} is 00:00 of the first date <em>after</em> the period
 *       (exclusive), e.g. February is {@code 2025-02-01T00:00+01:00} to {@code
 *       2025-03-01T00:00+01:00}.
 *   <li>{@code state} is where the invoice stands in accounts receivable, a TMF678 state: {@code
 *       sent} (nothing paid), {@code partiallyPaid}, {@code settled}, {@code onHold}. A preview
 *       (not a TMF resource: TMF678 has no preview) has the state {@code preview}, no {@code href}
 *       and no {@code bill} on its lines.
 *   <li>{@code creditApplied} (an extension) is the account's unallocated credit applied when the
 *       invoice was issued; {@code amountDue} is the total less that credit; {@code
 *       remainingAmount} is what is still owed; {@code appliedPayment} lists every amount applied
 *       to it (payments and credit), oldest first.
 *   <li>{@code taxItem[].taxRate} is the rate as a fraction ({@code 0.19} for 19 %), as in the tax
 *       tables; {@code taxCategory} joins the categories taxed at that rate with {@code ","}.
 *   <li>The lines are in {@code appliedCustomerBillingRate}, one {@link BillLine} per invoice line
 *       in invoice order, each with its {@code bill}; absent optional fields are omitted.
 * </ul>
 *
 * @param id the invoice number
 * @param href {@code /invoices/{number}}; absent for a preview
 * @param billNo the invoice number
 * @param state {@code sent}, {@code partiallyPaid}, {@code settled}, {@code onHold}; a preview's is
 *     {@code preview}
 * @param category always {@code normal}
 * @param billDate 00:00 of the issue date in the account's zone
 * @param paymentDueDate 00:00 of the due date in the account's zone
 * @param lastUpdate when the invoice was issued
 * @param billingPeriod the closed period whose usage the invoice bills
 * @param amountDue the tax-included total less the credit applied
 * @param remainingAmount what is still owed
 * @param onHoldAmount the part of it disputes hold (state {@code onHold}); absent when none
 * @param creditApplied the unallocated credit applied when it was issued (zero when none)
 * @param taxExcludedAmount the sum of the lines
 * @param taxIncludedAmount net plus tax
 * @param taxAmount the sum of the tax items
 * @param taxItem one per tax rate; empty for a tax-exempt account
 * @param appliedPayment every amount applied to the invoice, oldest first
 * @param billingAccount the customer account
 * @param relatedParty the seller (the billing legal entity)
 * @param appliedCustomerBillingRate the invoice lines
 * @param type always {@code CustomerBill}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerBillResponse(
    String id,
    String href,
    String billNo,
    String state,
    String category,
    OffsetDateTime billDate,
    OffsetDateTime paymentDueDate,
    Instant lastUpdate,
    TimePeriod billingPeriod,
    Money amountDue,
    Money remainingAmount,
    Money onHoldAmount,
    Money creditApplied,
    Money taxExcludedAmount,
    Money taxIncludedAmount,
    Money taxAmount,
    List<BillTaxItem> taxItem,
    List<AppliedPayment> appliedPayment,
    AccountRef billingAccount,
    List<PartyRef> relatedParty,
    List<BillLine> appliedCustomerBillingRate,
    @JsonProperty("@type") String type) {

  public static final String TYPE = "CustomerBill";
  public static final String CATEGORY_NORMAL = "normal";

  public CustomerBillResponse {
    taxItem = List.copyOf(taxItem);
    appliedPayment = List.copyOf(appliedPayment);
    relatedParty = List.copyOf(relatedParty);
    appliedCustomerBillingRate = List.copyOf(appliedCustomerBillingRate);
  }

  /**
   * TMF Money: {@code value} is a JSON number written exactly, with the currency's minor units.
   *
   * @param unit ISO 4217 currency code
   * @param value the amount, e.g. {@code -12.50}
   */
  public record Money(
      String unit, @JsonSerialize(using = ExactDecimalSerializer.class) BigDecimal value) {}

  /**
   * TMF678 AppliedPayment: an amount applied to the bill.
   *
   * @param appliedAmount the amount applied
   * @param payment the payment (or the credit) it came from
   */
  public record AppliedPayment(Money appliedAmount, PaymentRef payment) {}

  /**
   * TMF PaymentRef.
   *
   * @param id the payment id
   * @param href {@code /payments/{id}}
   */
  public record PaymentRef(String id, String href) {}

  /**
   * TMF678 BillRef: the bill a line belongs to.
   *
   * @param id the invoice number
   * @param href {@code /invoices/{number}}
   */
  public record BillRef(String id, String href) {}

  /**
   * TMF TimePeriod, exclusive end.
   *
   * @param startDateTime 00:00 of the first date in the account's zone
   * @param endDateTime 00:00 of the first date after the period in the account's zone
   */
  public record TimePeriod(OffsetDateTime startDateTime, OffsetDateTime endDateTime) {}

  /**
   * The tax at one rate.
   *
   * @param taxCategory the categories taxed at this rate, joined with {@code ","}
   * @param taxRate the rate as a fraction, e.g. {@code 0.19}
   * @param taxableAmount the net amount taxed at this rate
   * @param taxAmount the tax
   */
  public record BillTaxItem(
      String taxCategory,
      @JsonSerialize(using = ExactDecimalSerializer.class) BigDecimal taxRate,
      Money taxableAmount,
      Money taxAmount) {}

  /**
   * The billing account.
   *
   * @param id the account id
   * @param name the customer's name
   * @param referredType always {@code BillingAccount}
   */
  public record AccountRef(
      String id, String name, @JsonProperty("@referredType") String referredType) {}

  /**
   * A party of the bill.
   *
   * @param id the party, here the legal entity's name
   * @param role {@code seller}
   * @param referredType {@code Organization}
   */
  public record PartyRef(
      String id, String role, @JsonProperty("@referredType") String referredType) {}

  /**
   * One invoice line, shaped like a TMF678 {@code AppliedCustomerBillingRate}.
   *
   * @param id {@code <number>-<1-based line index>}
   * @param type {@code recurring}, {@code oneTime}, {@code usage}, {@code lateUsage}, {@code
   *     discount} or {@code adjustment}
   * @param description the text printed on the invoice
   * @param credit true when the line credits days charged on an earlier invoice
   * @param periodCoverage the service period charged
   * @param quantity the quantity, or absent (discounts)
   * @param unit the unit of the quantity, or absent
   * @param unitPrice the price per unit, or absent
   * @param taxExcludedAmount the net amount of the line
   * @param taxCategory the tax category
   * @param subscriptionId the subscription charged, or absent (account-level line)
   * @param offeringId the product offering, or absent
   * @param chargeId the catalog charge or discount id
   * @param catalogVersion the catalog version of the price, or absent
   * @param usageType usage lines: the usage type
   * @param zone usage lines: the zone, or absent
   * @param band usage lines: the time band, or absent
   * @param records usage lines: the number of rated records
   * @param originalPeriodStart late usage: the first date of the period the usage belongs to
   * @param bill the invoice the line is on; absent on a preview
   * @param atType always {@code AppliedCustomerBillingRate}
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record BillLine(
      String id,
      String type,
      String description,
      boolean credit,
      TimePeriod periodCoverage,
      @JsonSerialize(using = ExactDecimalSerializer.class) BigDecimal quantity,
      String unit,
      Money unitPrice,
      Money taxExcludedAmount,
      String taxCategory,
      String subscriptionId,
      String offeringId,
      String chargeId,
      String catalogVersion,
      String usageType,
      String zone,
      String band,
      Long records,
      LocalDate originalPeriodStart,
      BillRef bill,
      @JsonProperty("@type") String atType) {

    public static final String TYPE = "AppliedCustomerBillingRate";
  }
}
