package com.telco.billing.protocol.http;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.protocol.account.AccountView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

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
    String email,
    String segment,
    boolean dunningExempt,
    Instant openedAt,
    List<SubscriptionResponse> subscriptions) {

  /**
   * @param now the current instant: subscriptions show their status on this day in the account's
   *     zone
   */
  public static AccountResponse from(AccountView view, Instant now) {
    AccountProfile p = view.profile();
    LocalDate today = LocalDate.ofInstant(now, p.timeZone());
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
        p.email(),
        p.segment(),
        p.dunningExempt(),
        view.openedAt(),
        view.subscriptions().stream()
            .map(
                s ->
                    SubscriptionResponse.from(
                        s, today, view.barredSubscriptions().contains(s.subscriptionId())))
            .toList());
  }
}
