package com.telco.billing.core.invoice;

import static com.telco.billing.core.invoice.InvoiceFixtures.account;
import static com.telco.billing.core.invoice.InvoiceFixtures.date;
import static com.telco.billing.core.invoice.InvoiceFixtures.request;
import static com.telco.billing.core.invoice.InvoiceFixtures.subscription;
import static com.telco.billing.core.invoice.InvoiceFixtures.voice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.core.subscription.Subscription;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InvoiceNumbersAndRefusalsTest {
  private final AccountProfile account = account("EUR", 1, false);
  private final Subscription sub = subscription("S1", "PLAN_M", "2026-01-01");

  @Test
  void numbersNameEntityYearAndSequenceAndParseBack() {
    InvoiceNumbers.Series series = InvoiceNumbers.seriesOf("ACME", date("2026-02-01"));
    assertEquals("ACME-2026", series.key());
    assertEquals("ACME-2026", InvoiceNumbers.seriesKeyOf("ACME", date("2026-12-31")));
    assertEquals("INV-ACME-2026-000001", InvoiceNumbers.format(series, 1));
    assertEquals("INV-ACME-2026-1234567", InvoiceNumbers.format(series, 1_234_567));
    InvoiceNumbers.InvoiceNumber parsed = InvoiceNumbers.parse("INV-ACME-DE-2026-000042");
    assertEquals(new InvoiceNumbers.Series("ACME-DE", 2026), parsed.series());
    assertEquals(42, parsed.sequence());
    assertEquals("INV-ACME-DE-2026-000042", parsed.toString());
    assertThrows(IllegalArgumentException.class, () -> InvoiceNumbers.format(series, 0));
    assertThrows(IllegalArgumentException.class, () -> InvoiceNumbers.parse("INV-2026-000001"));
    assertThrows(IllegalArgumentException.class, () -> InvoiceNumbers.parse("INV-ACME-2026-12"));
    assertThrows(
        IllegalArgumentException.class, () -> InvoiceNumbers.seriesOf("A B", date("2026-01-01")));
  }

  @Test
  void refusesDatesThatAreNotTheNextCycleDate() {
    InvoiceRequest notCycle =
        request(account, List.of(sub), "2026-02-02", List.of(), BillingHistory.EMPTY);
    assertEquals(
        Optional.of(InvoiceCalculator.NOT_A_CYCLE_DATE), InvoiceCalculator.refusal(notCycle));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> InvoiceCalculator.compute(notCycle));
    assertTrue(e.getMessage().startsWith(InvoiceCalculator.NOT_A_CYCLE_DATE));

    BillingHistory after =
        InvoiceCalculator.compute(
                request(account, List.of(sub), "2026-02-01", List.of(), BillingHistory.EMPTY))
            .historyAfter();
    assertEquals(
        Optional.of(InvoiceCalculator.ALREADY_INVOICED),
        InvoiceCalculator.refusal(request(account, List.of(sub), "2026-02-01", List.of(), after)));
    assertEquals(
        Optional.of(InvoiceCalculator.ALREADY_INVOICED),
        InvoiceCalculator.refusal(request(account, List.of(sub), "2026-01-01", List.of(), after)));
    assertEquals(
        Optional.of(InvoiceCalculator.PERIOD_SKIPPED),
        InvoiceCalculator.refusal(request(account, List.of(sub), "2026-04-01", List.of(), after)));
    assertEquals(
        Optional.empty(),
        InvoiceCalculator.refusal(request(account, List.of(sub), "2026-03-01", List.of(), after)));
  }

  @Test
  void historyAnswersInvoicedPeriodsAndStaysBounded() {
    BillingHistory h = BillingHistory.EMPTY;
    for (String cycle :
        List.of("2026-02-01", "2026-03-01", "2026-04-01", "2026-05-01", "2026-06-01")) {
      h =
          InvoiceCalculator.compute(
                  request(
                      account,
                      List.of(sub),
                      cycle,
                      List.of(
                          voice(date(cycle).minusMonths(1).toString(), "S1", 60, 1, "0.050000")),
                      h))
              .historyAfter();
    }
    assertTrue(h.invoiced(date("2026-01-01")));
    assertTrue(h.invoiced(date("2026-05-01")));
    assertFalse(h.invoiced(date("2026-06-01")));
    assertFalse(h.invoiced(date("2025-12-01")));
    // only periods within 100 days of the last cycle date are listed and keep usage totals
    assertEquals(
        List.of(date("2026-03-01"), date("2026-04-01"), date("2026-05-01")),
        List.copyOf(h.invoicedPeriods()));
    assertEquals(3, h.billedUsage().size());
    // charge records: every period of the 12-month look-back, here January to June
    assertEquals(6, h.charges().size());
    assertEquals(date("2025-06-01"), h.recordsFrom());
    assertEquals(Map.of("S1", 1), h.changesSeen());
    assertEquals(Integer.valueOf(6), h.periodsCharged().get("S1"));
  }

  @Test
  void zeroInvoiceIsVisibleToTheCaller() {
    Subscription pending = subscription("S1", "PLAN_M", "2026-03-01");
    InvoiceDraft d =
        InvoiceCalculator.compute(
                request(account, List.of(pending), "2026-02-01", List.of(), BillingHistory.EMPTY))
            .draft();
    assertTrue(d.hasNoLines());
    assertTrue(d.zeroTotal());
    assertTrue(d.taxItems().isEmpty());
  }

  @Test
  void usageLinesKeepCatalogVersionChargeAndRecordCount() {
    InvoiceDraft d =
        InvoiceCalculator.compute(
                request(
                    account,
                    List.of(sub),
                    "2026-02-01",
                    List.of(
                        voice("2026-01-01", "S1", 600, 10, "0.500000"),
                        voice("2026-02-01", "S1", 60, 1, "0.050000")),
                    BillingHistory.EMPTY))
            .draft();
    InvoiceLine usage =
        d.lines().stream().filter(l -> l.type() == LineType.USAGE).findFirst().orElseThrow();
    assertEquals(1, d.lines().stream().filter(l -> l.type() == LineType.USAGE).count());
    assertEquals("V1", usage.catalogVersion());
    assertEquals("PLAN_M", usage.offeringId());
    assertEquals("PLAN_M_VOICE", usage.chargeId());
    assertEquals(10L, usage.records());
    assertEquals("SECOND", usage.unit());
    assertEquals(date("2026-01-01"), usage.servicePeriodStart());
    assertEquals(date("2026-02-01"), usage.servicePeriodEnd());
    assertNull(usage.originalPeriodStart());
    // every recurring line names its catalog version and charge
    d.lines().forEach(l -> assertEquals("V1", l.catalogVersion()));
  }
}
