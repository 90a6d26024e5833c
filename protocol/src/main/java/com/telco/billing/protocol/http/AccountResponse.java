package com.telco.billing.protocol.http;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.protocol.account.AccountView;
import java.time.Instant;

/** Body of {@code GET /accounts/{id}} and of a successful {@code POST /accounts}. */
public record AccountResponse(
    String id,
    String name,
    String currency,
    int billCycleDay,
    String timeZone,
    String taxJurisdiction,
    boolean taxExempt,
    int paymentTermsDays,
    String paymentMethodRef,
    String legalEntity,
    Instant openedAt) {

  public static AccountResponse from(AccountView view) {
    AccountProfile p = view.profile();
    return new AccountResponse(
        p.accountId(),
        p.name(),
        p.currency().getCurrencyCode(),
        p.billCycleDay(),
        p.timeZone().getId(),
        p.taxJurisdiction(),
        p.taxExempt(),
        p.paymentTermsDays(),
        p.paymentMethodRef(),
        p.legalEntity(),
        view.openedAt());
  }
}
