package com.telco.billing.core.account;

import java.time.ZoneId;
import java.util.Currency;
import java.util.Objects;

/**
 * What billing needs to know about a customer account, as order management reports it when the
 * account is opened.
 *
 * <p>docs/billing-rules.md, "Periods and time": the bill cycle day {@code d} (1..28) and the time
 * zone fix the account's bill periods {@code [day d 00:00, next month's day d 00:00)} in that zone.
 * The account has one currency. Tax follows the jurisdiction unless the account is tax-exempt. The
 * due date of an invoice is its issue date plus the payment terms.
 *
 * @param accountId the account's id, unique in the cluster
 * @param name the customer's name as it appears on invoices
 * @param currency the one currency of the account
 * @param billCycleDay day of month, 1..28, on which bill periods start
 * @param timeZone the zone in which dates, periods and time bands are read
 * @param taxJurisdiction jurisdiction key of the tax rates (e.g. {@code DE}, {@code US-CA})
 * @param taxExempt true when no tax is charged at all
 * @param paymentTermsDays days from issue date to due date
 * @param paymentMethodRef a reference (token) to a payment method held by the gateway; never a card
 *     number
 * @param legalEntity the billing legal entity, which also names the invoice number series
 * @param email where invoices and reminders are mailed, or {@code null} when none is known
 * @param segment the customer segment (chooses a segment's dunning policy), or {@code null}
 * @param dunningExempt true when the account is never dunned (e.g. a government account)
 */
public record AccountProfile(
    String accountId,
    String name,
    Currency currency,
    int billCycleDay,
    ZoneId timeZone,
    String taxJurisdiction,
    boolean taxExempt,
    int paymentTermsDays,
    String paymentMethodRef,
    String legalEntity,
    String email,
    String segment,
    boolean dunningExempt) {

  public static final int MIN_BILL_CYCLE_DAY = 1;
  public static final int MAX_BILL_CYCLE_DAY = 28;
  public static final int DEFAULT_PAYMENT_TERMS_DAYS = 14;
  public static final int MAX_PAYMENT_TERMS_DAYS = 365;

  /** A profile without email, segment or dunning exemption. */
  public AccountProfile(
      String accountId,
      String name,
      Currency currency,
      int billCycleDay,
      ZoneId timeZone,
      String taxJurisdiction,
      boolean taxExempt,
      int paymentTermsDays,
      String paymentMethodRef,
      String legalEntity) {
    this(
        accountId,
        name,
        currency,
        billCycleDay,
        timeZone,
        taxJurisdiction,
        taxExempt,
        paymentTermsDays,
        paymentMethodRef,
        legalEntity,
        null,
        null,
        false);
  }

  public AccountProfile {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(timeZone, "timeZone");
    Objects.requireNonNull(taxJurisdiction, "taxJurisdiction");
    Objects.requireNonNull(legalEntity, "legalEntity");
    if (billCycleDay < MIN_BILL_CYCLE_DAY || billCycleDay > MAX_BILL_CYCLE_DAY) {
      throw new IllegalArgumentException("billCycleDay out of 1..28: " + billCycleDay);
    }
    if (paymentTermsDays < 0 || paymentTermsDays > MAX_PAYMENT_TERMS_DAYS) {
      throw new IllegalArgumentException("paymentTermsDays out of 0..365: " + paymentTermsDays);
    }
  }
}
