package com.telco.billing.protocol.http;

import com.telco.billing.core.account.AccountProfileDraft;

/**
 * Body of {@code POST /accounts}: an account opened by order management (TMF666-style billing
 * account fields, flattened).
 */
public record OpenAccountRequest(
    String id,
    String name,
    String currency,
    Integer billCycleDay,
    String timeZone,
    String taxJurisdiction,
    Boolean taxExempt,
    Integer paymentTermsDays,
    String paymentMethodRef,
    String legalEntity) {

  /** The unvalidated account; {@link AccountProfileDraft#validate()} checks it. */
  public AccountProfileDraft toDraft() {
    return new AccountProfileDraft(
        id,
        name,
        currency,
        billCycleDay,
        timeZone,
        taxJurisdiction,
        taxExempt,
        paymentTermsDays,
        paymentMethodRef,
        legalEntity);
  }
}
