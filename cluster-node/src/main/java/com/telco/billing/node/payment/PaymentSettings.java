package com.telco.billing.node.payment;

import com.telco.billing.core.collection.RetrySchedule;
import com.typesafe.config.Config;
import java.util.List;
import java.util.Objects;

/**
 * How the accounts collect: on which date an invoice is collected automatically and the retry
 * schedule of failed collections ({@code billing.payments}).
 *
 * @param collectOnDueDate collect on the due date ({@code due-date}), else on the issue date
 * @param refundAskTimeout how long a card refund waits for the account (which waits for the
 *     gateway)
 */
public record PaymentSettings(
    boolean collectOnDueDate, RetrySchedule retries, java.time.Duration refundAskTimeout) {

  public static final PaymentSettings DEFAULTS =
      new PaymentSettings(false, RetrySchedule.DEFAULT, java.time.Duration.ofSeconds(30));

  public PaymentSettings(boolean collectOnDueDate, RetrySchedule retries) {
    this(collectOnDueDate, retries, DEFAULTS.refundAskTimeout());
  }

  public PaymentSettings {
    Objects.requireNonNull(retries, "retries");
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
        payments.getDuration("refund-ask-timeout"));
  }
}
