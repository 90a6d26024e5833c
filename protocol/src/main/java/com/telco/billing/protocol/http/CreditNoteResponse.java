package com.telco.billing.protocol.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.telco.billing.protocol.http.CustomerBillResponse.AccountRef;
import com.telco.billing.protocol.http.CustomerBillResponse.BillRef;
import com.telco.billing.protocol.http.CustomerBillResponse.BillTaxItem;
import com.telco.billing.protocol.http.CustomerBillResponse.Money;
import com.telco.billing.protocol.http.CustomerBillResponse.PartyRef;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A credit note as JSON: shaped like a TMF678 CustomerBill of {@code category: creditNote}
 * (docs/credit-notes.md). Amounts carry the sign of their effect on what the customer owes: the
 * credited net, tax and total are negative.
 *
 * @param id the credit note number, e.g. {@code CN-ACME-2026-000001}
 * @param href {@code /credit-notes/{number}}
 * @param billNo the number again (TMF678)
 * @param state always {@code settled}: a credit note is owed nothing
 * @param category always {@code creditNote}
 * @param billDate the issue date, start of day in the account's zone
 * @param lastUpdate when it was issued
 * @param reason why (a reason code)
 * @param description free text, if given
 * @param creditedBill the invoice it credits
 * @param taxExcludedAmount minus the credited net amounts
 * @param taxAmount minus the tax reversed
 * @param taxIncludedAmount minus the credit
 * @param taxItem the tax reversed per rate (negative)
 * @param allocatedAmount what of the credit is allocated to invoices now (positive)
 * @param refundedAmount what of the credit was paid back (positive)
 * @param creditedLine the credited lines
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreditNoteResponse(
    String id,
    String href,
    String billNo,
    String state,
    String category,
    OffsetDateTime billDate,
    Instant lastUpdate,
    String reason,
    String description,
    BillRef creditedBill,
    Money taxExcludedAmount,
    Money taxAmount,
    Money taxIncludedAmount,
    List<BillTaxItem> taxItem,
    Money allocatedAmount,
    Money refundedAmount,
    AccountRef billingAccount,
    List<PartyRef> relatedParty,
    List<CreditedLine> creditedLine,
    @JsonProperty("@type") String type) {

  public static final String CATEGORY = "creditNote";
  public static final String STATE = "settled";

  public CreditNoteResponse {
    taxItem = List.copyOf(taxItem);
    relatedParty = List.copyOf(relatedParty);
    creditedLine = List.copyOf(creditedLine);
  }

  /**
   * One credited invoice line.
   *
   * @param id {@code <credit note number>-<n>}
   * @param invoiceLineId the invoice line's id, {@code <invoice number>-<n>}
   * @param quantity the quantity credited, when credited by quantity
   * @param amount minus the net amount credited
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CreditedLine(
      String id,
      String invoiceLineId,
      String description,
      String taxCategory,
      @JsonSerialize(using = ExactDecimalSerializer.class) BigDecimal quantity,
      Money amount) {}

  /** The credit notes of one invoice, oldest first. */
  public record Page(String invoice, List<CreditNoteResponse> creditNotes) {
    public Page {
      creditNotes = List.copyOf(creditNotes);
    }
  }
}
