package com.telco.billing.node;

import com.telco.billing.node.audit.AuditSettings;
import com.telco.billing.node.billrun.BillRunSettings;
import com.telco.billing.node.invoice.InvoicingSettings;
import com.telco.billing.node.metrics.MetricsSettings;
import com.telco.billing.node.payment.collection.CollectionSettings;
import com.telco.billing.node.payment.directdebit.DirectDebitSettings;
import com.telco.billing.node.security.SecuritySettings;
import com.telco.billing.node.usage.SuspenseSettings;
import com.telco.billing.node.usage.UsageSettings;
import com.telco.billing.node.usage.intake.IntakeSettings;
import com.typesafe.config.Config;

/**
 * Every {@code billing.*} setting of a node, one typed record per concern, read and checked once at
 * startup ({@link Main#init}) and passed down to the modules. No other class reads a {@code
 * billing.*} key.
 */
public record BillingSettings(
    ClusterSettings cluster,
    CassandraSettings cassandra,
    HttpSettings http,
    UsageSettings usage,
    IntakeSettings intake,
    SuspenseSettings suspense,
    InvoicingSettings invoicing,
    BillRunSettings billRun,
    SecuritySettings security,
    MetricsSettings metrics,
    AuditSettings audit,
    DirectDebitSettings directDebit,
    CollectionSettings collection,
    com.telco.billing.node.payment.PaymentSettings payments,
    com.telco.billing.node.time.ClockSettings clock,
    com.telco.billing.node.notification.NotificationSettings notifications,
    com.telco.billing.node.mail.MailSettings mail,
    com.telco.billing.node.dunning.driver.DunningDriverSettings dunningDriver,
    com.telco.billing.node.rerating.ReratingSettings rerating) {

  /**
   * Reads the settings from the node's configuration.
   *
   * @throws com.typesafe.config.ConfigException when a key is missing or its value out of bounds
   *     (the message names the key)
   * @throws IllegalArgumentException when the intake settings contradict each other
   */
  public static BillingSettings from(Config config) {
    return new BillingSettings(
        ClusterSettings.from(config),
        CassandraSettings.from(config),
        HttpSettings.from(config),
        UsageSettings.from(config),
        IntakeSettings.from(config),
        SuspenseSettings.from(config),
        InvoicingSettings.from(config),
        BillRunSettings.from(config),
        SecuritySettings.from(config),
        MetricsSettings.from(config),
        AuditSettings.from(config),
        DirectDebitSettings.from(config),
        CollectionSettings.from(config),
        com.telco.billing.node.payment.PaymentSettings.from(config),
        com.telco.billing.node.time.ClockSettings.from(config),
        com.telco.billing.node.notification.NotificationSettings.from(config),
        com.telco.billing.node.mail.MailSettings.from(config),
        com.telco.billing.node.dunning.driver.DunningDriverSettings.from(config),
        com.telco.billing.node.rerating.ReratingSettings.from(config));
  }
}
