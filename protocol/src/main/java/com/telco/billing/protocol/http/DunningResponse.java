package com.telco.billing.protocol.http;

import com.telco.billing.protocol.dunning.DunningView;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/**
 * Body of {@code GET /accounts/{id}/dunning} and of the hold routes: the account's dunning state
 * (docs/dunning.md), amounts as TMF money.
 */
public record DunningResponse(
    String accountId,
    String status,
    String policyId,
    Integer policyVersion,
    Integer episode,
    LocalDate episodeStartedOn,
    MoneyValue overdue,
    long daysPastDue,
    String oldestInvoice,
    List<DunningView.FiredStep> stepsFired,
    DunningView.NextStep nextStep,
    List<DunningView.Hold> holds,
    List<String> barredSubscriptions,
    List<PendingFee> pendingLateFees,
    LocalDate nextEvaluation) {

  /** A late fee charged and not yet billed. */
  public record PendingFee(String feeId, LocalDate date, MoneyValue amount, String description) {}

  public static DunningResponse of(DunningView view) {
    Currency currency = Currency.getInstance(view.currency());
    return new DunningResponse(
        view.accountId(),
        view.status(),
        view.policyId(),
        view.policyVersion(),
        view.episode(),
        view.episodeStartedOn(),
        MoneyValue.of(view.overdue(), currency),
        view.daysPastDue(),
        view.oldestInvoice(),
        view.stepsFired(),
        view.nextStep(),
        view.holds(),
        view.barredSubscriptions(),
        view.pendingLateFees().stream()
            .map(
                f ->
                    new PendingFee(
                        f.feeId(), f.date(), MoneyValue.of(f.amount(), currency), f.description()))
            .toList(),
        view.nextEvaluation());
  }
}
