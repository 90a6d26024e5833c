package com.telco.billing.core.invoice;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.core.catalog.Catalog;
import com.telco.billing.core.subscription.Subscription;
import com.telco.billing.core.usage.UsageBook;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything {@link InvoiceCalculator#compute} needs to build the invoice of one cycle date.
 *
 * @param account the account
 * @param subscriptions all the account's subscriptions (terminated ones included)
 * @param catalog the catalog with all its versions
 * @param cycleDate the cycle date {@code D_k}: the issue date; the invoice bills usage of {@code
 *     [D_k-1, D_k)} and recurring charges of {@code [D_k, D_k+1)}
 * @param usage all the usage lines the account holds (any period, e.g. {@code
 *     usageBook.lines().values()}); the calculator picks the closed period's lines and the late
 *     ones
 * @param history the account's billing history before this invoice
 * @param fees the fees charged and not billed yet (late fees of dunning, one-off charges); each
 *     becomes a line
 * @param lookBackMonths how many months before the cycle date corrections reach (at least 1): the
 *     invoice reconciles every bill period from the cycle date that many months back
 */
public record InvoiceRequest(
    AccountProfile account,
    List<Subscription> subscriptions,
    Catalog catalog,
    LocalDate cycleDate,
    List<UsageBook.UsageLine> usage,
    BillingHistory history,
    List<FeeCharge> fees,
    int lookBackMonths) {

  /** The look-back of corrections unless configured otherwise: 12 months. */
  public static final int DEFAULT_LOOK_BACK_MONTHS = 12;

  /** A request with the default look-back. */
  public InvoiceRequest(
      AccountProfile account,
      List<Subscription> subscriptions,
      Catalog catalog,
      LocalDate cycleDate,
      List<UsageBook.UsageLine> usage,
      BillingHistory history,
      List<FeeCharge> fees) {
    this(
        account, subscriptions, catalog, cycleDate, usage, history, fees, DEFAULT_LOOK_BACK_MONTHS);
  }

  /** A request without fees. */
  public InvoiceRequest(
      AccountProfile account,
      List<Subscription> subscriptions,
      Catalog catalog,
      LocalDate cycleDate,
      List<UsageBook.UsageLine> usage,
      BillingHistory history) {
    this(account, subscriptions, catalog, cycleDate, usage, history, List.of());
  }

  public InvoiceRequest {
    Objects.requireNonNull(account, "account");
    subscriptions = List.copyOf(subscriptions);
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(cycleDate, "cycleDate");
    usage = List.copyOf(usage);
    Objects.requireNonNull(history, "history");
    fees = List.copyOf(fees);
    if (lookBackMonths < 1) {
      throw new IllegalArgumentException("lookBackMonths must be at least 1: " + lookBackMonths);
    }
  }
}
