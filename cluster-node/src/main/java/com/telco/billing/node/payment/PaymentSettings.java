package com.telco.billing.node.payment;

import com.telco.billing.core.collection.RetrySchedule;
import com.typesafe.config.Config;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How the accounts collect: on which date an invoice is collected automatically and the retry
 * schedule of failed collections ({@code billing.payments}).
 *
 * @param collectOnDueDate collect on the due date ({@code due-date}), else on the issue date
 * @param directDebitLegalEntities the legal entities with a SEPA creditor: only their accounts may
 *     pay by direct debit
 * @param refundAskTimeout how long a card refund waits for the account (which waits for the
 *     gateway)
 */
public record PaymentSettings(
    boolean collectOnDueDate,
    RetrySchedule retries,
    Duration refundAskTimeout,
    Set<String> directDebitLegalEntities) {

  public static final PaymentSettings DEFAULTS =
      new PaymentSettings(false, RetrySchedule.DEFAULT, Duration.ofSeconds(30), Set.of());

  /** The defaults with another collection date, retry schedule and direct debit creditors. */
  public PaymentSettings(
      boolean collectOnDueDate, RetrySchedule retries, Set<String> directDebitLegalEntities) {
    this(collectOnDueDate, retries, DEFAULTS.refundAskTimeout(), directDebitLegalEntities);
  }

  public PaymentSettings {
    Objects.requireNonNull(retries, "retries");
    directDebitLegalEntities = Set.copyOf(directDebitLegalEntities);
  }

  /** From the node's configuration ({@code billing.payments}). */
  public static PaymentSettings from(Config config) {
    Config payments = config.getConfig("billing.payments");
    String collectOn = payments.getString("collect-on");
    if (!collectOn.equals("issue-date") && !collectOn.equals("due-date")) {
      throw new IllegalArgumentException(
          "billing.payments.collect-on must be issue-date or due-date");
    }
    List<Integer> days = payments.getIntList("retry-days");
    return new PaymentSettings(
        collectOn.equals("due-date"),
        new RetrySchedule(days),
        payments.getDuration("refund-ask-timeout"),
        payments.hasPath("direct-debit.creditors")
            ? payments.getConfig("direct-debit.creditors").root().keySet()
            : Set.of());
  }
}
