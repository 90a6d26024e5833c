package com.telco.billing.core.invoice;

import com.telco.billing.core.period.BillPeriod;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * An invoice as computed, before it is numbered and issued (docs/billing-rules.md, "Invoices"). The
 * totals are sums of the rounded lines and of the tax items. Equality is numeric.
 *
 * <p>A zero invoice ({@link #hasNoLines()}, or {@link #zeroTotal()}) is still a complete
 * computation: the caller decides whether to issue it (An account with no lines still gets a zero
 * invoice only if configured; by default it is skipped) and adopts the history after it in both
 * cases, so the period counts as closed.
 *
 * @param accountId the account
 * @param legalEntity the billing legal entity (names the number series)
 * @param currency the account's currency
 * @param issueDate the cycle date {@code D_k}
 * @param dueDate issue date plus the account's payment terms
 * @param billingPeriod the closed period {@code [D_k-1, D_k)} whose usage it bills in arrears
 * @param lines the lines, in a deterministic order
 * @param taxItems one per distinct tax rate; empty for a tax-exempt account
 * @param taxExcludedAmount sum of the lines' amounts
 * @param taxAmount sum of the tax items' amounts
 * @param taxIncludedAmount {@code taxExcludedAmount + taxAmount}
 */
public record InvoiceDraft(
    String accountId,
    String legalEntity,
    Currency currency,
    LocalDate issueDate,
    LocalDate dueDate,
    BillPeriod billingPeriod,
    List<InvoiceLine> lines,
    List<TaxItem> taxItems,
    BigDecimal taxExcludedAmount,
    BigDecimal taxAmount,
    BigDecimal taxIncludedAmount) {

  public InvoiceDraft {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(legalEntity, "legalEntity");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(issueDate, "issueDate");
    Objects.requireNonNull(dueDate, "dueDate");
    Objects.requireNonNull(billingPeriod, "billingPeriod");
    lines = List.copyOf(lines);
    taxItems = List.copyOf(taxItems);
    Objects.requireNonNull(taxExcludedAmount, "taxExcludedAmount");
    Objects.requireNonNull(taxAmount, "taxAmount");
    Objects.requireNonNull(taxIncludedAmount, "taxIncludedAmount");
  }

  /** True when the invoice has no line at all (by default such an invoice is skipped). */
  public boolean hasNoLines() {
    return lines.isEmpty();
  }

  /** True when the tax-included total is zero (lines may still exist, e.g. included usage). */
  public boolean zeroTotal() {
    return taxIncludedAmount.signum() == 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InvoiceDraft other
        && accountId.equals(other.accountId)
        && legalEntity.equals(other.legalEntity)
        && currency.equals(other.currency)
        && issueDate.equals(other.issueDate)
        && dueDate.equals(other.dueDate)
        && billingPeriod.equals(other.billingPeriod)
        && lines.equals(other.lines)
        && taxItems.equals(other.taxItems)
        && Amounts.same(taxExcludedAmount, other.taxExcludedAmount)
        && Amounts.same(taxAmount, other.taxAmount)
        && Amounts.same(taxIncludedAmount, other.taxIncludedAmount);
  }

  @Override
  public int hashCode() {
    return Objects.hash(accountId, issueDate, lines, Amounts.hash(taxIncludedAmount));
  }
}
