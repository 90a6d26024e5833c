package com.telco.billing.protocol.account.journal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An invoice's content in the journal, as {@code billing-core} computed it.
 *
 * @param currency ISO 4217 code
 */
public record InvoiceRecord(
    String accountId,
    String legalEntity,
    String currency,
    LocalDate issueDate,
    LocalDate dueDate,
    Period billingPeriod,
    List<Line> lines,
    List<TaxItem> taxItems,
    BigDecimal taxExcludedAmount,
    BigDecimal taxAmount,
    BigDecimal taxIncludedAmount) {

  public InvoiceRecord {
    lines = List.copyOf(lines);
    taxItems = List.copyOf(taxItems);
  }

  /** A period {@code [start, end)}. */
  public record Period(LocalDate start, LocalDate end) {}

  /**
   * An invoice line. Fields a line type has no use for are {@code null} and left out of the journal
   * (a recurring line has no usage type, zone, band or record count; a usage line no unit price).
   *
   * @param type the line type ({@code RECURRING}, {@code USAGE}, {@code LATE_USAGE}, ...)
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Line(
      String type,
      String description,
      String subscriptionId,
      String offeringId,
      String chargeId,
      String catalogVersion,
      LocalDate servicePeriodStart,
      LocalDate servicePeriodEnd,
      BigDecimal quantity,
      String unit,
      BigDecimal unitPrice,
      BigDecimal amount,
      String taxCategory,
      String glCode,
      String usageType,
      String zone,
      String band,
      Long records,
      LocalDate originalPeriodStart,
      boolean credit) {}

  /** The tax of the lines of some tax categories at one rate. */
  public record TaxItem(
      List<String> taxCategories, BigDecimal rate, BigDecimal taxableAmount, BigDecimal taxAmount) {
    public TaxItem {
      taxCategories = List.copyOf(taxCategories);
    }
  }
}
