package com.telco.billing.core.ledger;

import com.telco.billing.core.invoice.FeeCharge;
import com.telco.billing.core.invoice.TaxItem;
import com.telco.billing.core.payment.PaymentInfo;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The general-ledger accounts of one legal entity (docs/billing-rules.md, "Ledger"). Revenue
 * accounts are not here: they are the catalog charges' GL codes carried by each invoice line
 * ({@code InvoiceLine.glCode()}); only the fee income code {@link FeeCharge#GL_CODE} is mapped to
 * this entity's {@link #feeIncome()}.
 *
 * @param legalEntity the legal entity
 * @param receivable accounts receivable
 * @param cashByMethod cash or clearing per payment method ({@code card}, {@code bank_transfer},
 *     {@code direct_debit} at least: the names of {@link PaymentInfo})
 * @param customerCredit unallocated customer credit (a liability)
 * @param deferredRevenue deferred revenue (a contract liability)
 * @param taxPayable tax payable per jurisdiction, tax category and rate
 * @param badDebt bad debt expense
 * @param feeIncome fee income, where lines with {@link FeeCharge#GL_CODE} are booked
 */
public record ChartOfAccounts(
    String legalEntity,
    String receivable,
    Map<String, String> cashByMethod,
    String customerCredit,
    String deferredRevenue,
    Map<TaxKey, String> taxPayable,
    String badDebt,
    String feeIncome) {

  /** The payment methods every chart has a cash or clearing account for. */
  public static final List<String> REQUIRED_METHODS =
      List.of(PaymentInfo.CARD, PaymentInfo.BANK_TRANSFER, PaymentInfo.DIRECT_DEBIT);

  public ChartOfAccounts {
    Objects.requireNonNull(legalEntity, "legalEntity");
    Objects.requireNonNull(receivable, "receivable");
    cashByMethod = Map.copyOf(cashByMethod);
    Objects.requireNonNull(customerCredit, "customerCredit");
    Objects.requireNonNull(deferredRevenue, "deferredRevenue");
    taxPayable = Map.copyOf(taxPayable);
    Objects.requireNonNull(badDebt, "badDebt");
    Objects.requireNonNull(feeIncome, "feeIncome");
    for (String method : REQUIRED_METHODS) {
      if (!cashByMethod.containsKey(method)) {
        throw new IllegalArgumentException(
            "chart of " + legalEntity + " has no cash or clearing account for " + method);
      }
    }
  }

  /** The cash or clearing account of a payment method. */
  public String cash(String method) {
    String account = cashByMethod.get(method);
    if (account == null) {
      throw new IllegalArgumentException(
          "chart of " + legalEntity + " has no cash or clearing account for " + method);
    }
    return account;
  }

  /** The revenue account of an invoice line's GL code: itself, or fee income for fee lines. */
  public String revenue(String glCode) {
    return FeeCharge.GL_CODE.equals(glCode) ? feeIncome : glCode;
  }

  /** The tax payable account of a key. */
  public String taxPayable(TaxKey key) {
    String account = taxPayable.get(key);
    if (account == null) {
      throw new IllegalArgumentException(
          "chart of " + legalEntity + " has no tax account for " + key);
    }
    return account;
  }

  /**
   * The tax payable account of a tax item in {@code jurisdiction}. An item covers every category at
   * its rate, and its amount is not split: all its categories must share one account.
   */
  public String taxPayable(String jurisdiction, TaxItem item) {
    String account = null;
    for (String category : item.taxCategories()) {
      String next = taxPayable(new TaxKey(jurisdiction, category, item.rate()));
      if (account != null && !account.equals(next)) {
        throw new IllegalArgumentException(
            "tax item at "
                + item.rate().toPlainString()
                + " spans tax accounts "
                + account
                + " and "
                + next);
      }
      account = next;
    }
    if (account == null) {
      throw new IllegalArgumentException("tax item without a category");
    }
    return account;
  }
}
