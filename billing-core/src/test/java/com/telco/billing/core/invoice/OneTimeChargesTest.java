package com.telco.billing.core.invoice;

import static com.telco.billing.core.invoice.InvoiceFixtures.account;
import static com.telco.billing.core.invoice.InvoiceFixtures.date;
import static com.telco.billing.core.invoice.InvoiceFixtures.dec;
import static com.telco.billing.core.invoice.InvoiceFixtures.request;
import static com.telco.billing.core.invoice.InvoiceFixtures.subscription;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.invoice.BillingHistory.BilledOneTimeCharge;
import com.telco.billing.core.subscription.Subscription;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link OneTimeCharges}: triggers dated in the closed period, billed once. */
class OneTimeChargesTest {
  private static final BilledOneTimeCharge ACTIVATION_JAN_10 =
      new BilledOneTimeCharge("S1", "PLAN_S_ACTIVATION", "ACTIVATION", date("2026-01-10"));

  private final InvoiceLines lines = new InvoiceLines();

  private OneTimeCharges oneTime(String currency, BillingHistory history) {
    InvoiceContext context =
        new InvoiceContext(
            request(account(currency, 1, false), List.of(), "2026-02-01", List.of(), history));
    return new OneTimeCharges(context, lines, new Corrections(context));
  }

  @Test
  void anActivationInTheClosedPeriodIsBilledWithTheCatalogPriceRoundedToTheMinorUnits() {
    OneTimeCharges oneTime = oneTime("EUR", BillingHistory.EMPTY);
    oneTime.bill(subscription("S1", "PLAN_S", "2026-01-10"));
    assertEquals(List.of(ACTIVATION_JAN_10), oneTime.billed());
    assertEquals(
        List.of(
            new InvoiceLine(
                LineType.ONE_TIME,
                "Plan S activation fee",
                "S1",
                "PLAN_S",
                "PLAN_S_ACTIVATION",
                "V1",
                date("2026-01-10"),
                date("2026-01-11"),
                dec("1"),
                "each",
                dec("19.99"),
                dec("19.99"),
                "STANDARD",
                "4300-ONE-TIME-FEES",
                null,
                null,
                null,
                null,
                null,
                false)),
        lines.asList());
    assertEquals("19.99", lines.asList().get(0).amount().toPlainString());
  }

  @Test
  void theAmountTakesTheCurrencysScale() {
    oneTime("JPY", BillingHistory.EMPTY).bill(subscription("S1", "PLAN_S", "2026-01-10"));
    assertEquals("2000", lines.asList().get(0).amount().toPlainString());
  }

  @Test
  void aChargeIsBilledOnceInAnInvoiceAndNotAgainWhenTheHistoryHasIt() {
    Subscription s = subscription("S1", "PLAN_S", "2026-01-10");
    OneTimeCharges oneTime = oneTime("EUR", BillingHistory.EMPTY);
    oneTime.bill(s);
    oneTime.bill(s);
    assertEquals(1, lines.asList().size());

    BillingHistory billed =
        new BillingHistory(
            date("2026-01-01"),
            date("2026-02-01"),
            Set.of(),
            List.of(),
            Map.of(),
            List.of(ACTIVATION_JAN_10),
            Map.of());
    OneTimeCharges again = oneTime("EUR", billed);
    again.bill(s);
    assertTrue(again.billed().isEmpty());
    assertEquals(1, lines.asList().size());
  }

  @Test
  void triggersOnTheCycleDateOrBeforeTheWindowAreNotBilled() {
    OneTimeCharges oneTime = oneTime("EUR", BillingHistory.EMPTY);
    // the window of 2026-02-01 starts 12 months before: 2025-02-01
    oneTime.bill(subscription("S1", "PLAN_S", "2025-01-31"));
    oneTime.bill(subscription("S2", "PLAN_S", "2026-02-01"));
    // an offering without one-time charges
    oneTime.bill(subscription("S3", "PLAN_M", "2026-01-10"));
    assertTrue(oneTime.billed().isEmpty());
    assertTrue(lines.asList().isEmpty());
  }

  @Test
  void aBackdatedTriggerInTheWindowIsBilledAsACorrectionOfItsPeriod() {
    OneTimeCharges oneTime = oneTime("EUR", BillingHistory.EMPTY);
    oneTime.bill(subscription("S1", "PLAN_S", "2025-12-31"));
    assertEquals(
        List.of(
            new BilledOneTimeCharge("S1", "PLAN_S_ACTIVATION", "ACTIVATION", date("2025-12-31"))),
        oneTime.billed());
    InvoiceLine line = lines.asList().get(0);
    assertEquals(
        "Correction of [2025-12-01, 2026-01-01): Plan S activation fee"
            + " (activation on 2025-12-31)",
        line.description());
    assertEquals(date("2025-12-01"), line.originalPeriodStart());
    assertEquals(date("2025-12-31"), line.servicePeriodStart());
    assertEquals(0, dec("19.99").compareTo(line.amount()));
  }

  @Test
  void aTriggerBeforeTheHistorysRecordsIsNotBilledAgain() {
    // a history written before corrections looked back: records from its last closed period
    BillingHistory legacy =
        new BillingHistory(
            date("2025-12-01"),
            date("2026-01-01"),
            Set.of(date("2025-12-01")),
            List.of(),
            Map.of(),
            List.of(),
            Map.of());
    OneTimeCharges oneTime = oneTime("EUR", legacy);
    oneTime.bill(subscription("S1", "PLAN_S", "2025-11-30"));
    assertTrue(oneTime.billed().isEmpty());
  }
}
