package com.telco.billing.node.invoice;

import com.telco.billing.node.ConfigChecks;
import com.typesafe.config.Config;
import java.time.Duration;

/**
 * {@code billing.invoicing}: bill cycles and invoices.
 *
 * @param skipZeroInvoices an account whose closed period has nothing to bill gets no invoice
 * @param askTimeout how long an account, a number series or the read side may take to answer one
 *     step of closing a period
 */
public record InvoicingSettings(boolean skipZeroInvoices, Duration askTimeout) {

  public static InvoicingSettings from(Config config) {
    return new InvoicingSettings(
        config.getBoolean("billing.invoicing.skip-zero-invoices"),
        ConfigChecks.positiveDuration(config, "billing.invoicing.ask-timeout"));
  }
}
