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
 * @param lookBackMonths how many months back an invoice corrects late and backdated changes
 *     (docs/billing-rules.md, "Corrections of late and backdated changes"), 1 to 36
 */
public record InvoicingSettings(boolean skipZeroInvoices, Duration askTimeout, int lookBackMonths) {

  /** The defaults of {@code billing.conf}. */
  public static final InvoicingSettings DEFAULTS =
      new InvoicingSettings(true, Duration.ofSeconds(30), 12);

  public InvoicingSettings {
    if (lookBackMonths < 1 || lookBackMonths > 36) {
      throw new IllegalArgumentException(
          "billing.invoicing.look-back-months must be 1 to 36: " + lookBackMonths);
    }
  }

  public static InvoicingSettings from(Config config) {
    return new InvoicingSettings(
        config.getBoolean("billing.invoicing.skip-zero-invoices"),
        ConfigChecks.positiveDuration(config, "billing.invoicing.ask-timeout"),
        config.getInt("billing.invoicing.look-back-months"));
  }
}
