package com.telco.billing.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.core.subscription.ActivateSubscription;
import com.telco.billing.core.subscription.ServiceId;
import com.telco.billing.core.validation.Validated;
import com.telco.billing.loadgen.BillRunSetup.Accounts;
import com.telco.billing.node.json.StrictJson;
import com.telco.billing.protocol.http.OpenAccountRequest;
import com.telco.billing.protocol.http.SubscriptionDraft;
import com.telco.billing.protocol.http.UsageRecordDraft;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The request bodies the bill-run setup sends, read by the node's own strict JSON reader, and the
 * checks of the answers and invoices it reads back; no node.
 */
class BillRunSetupTest {
  private static final LocalDate CYCLE = LocalDate.of(2026, 12, 6);
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private static String text(byte[] body) {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Test
  void theAccountIsOpenedInEuroOnTheCycleDatesDay() {
    OpenAccountRequest request =
        StrictJson.read(
            text(BillRunSetup.openAccount(Accounts.MEASURED, 7, CYCLE)), OpenAccountRequest.class);
    Validated<AccountProfile> profile = request.validate();
    assertTrue(profile.isValid(), profile.errors().toString());
    AccountProfile p = profile.value();
    assertEquals("br-0000007", p.accountId());
    assertEquals("EUR", p.currency().getCurrencyCode());
    assertEquals(6, p.billCycleDay());
    assertEquals(ZoneId.of("UTC"), p.timeZone());
    assertEquals("DE", p.taxJurisdiction());
    assertEquals(AccountProfile.DEFAULT_PAYMENT_TERMS_DAYS, p.paymentTermsDays());
    assertEquals("DEFAULT", p.legalEntity());
  }

  @Test
  void theSubscriptionHoldsTheAccountsMsisdnFromTenDaysBeforeTheCycleDate() {
    SubscriptionDraft draft =
        StrictJson.read(
            text(BillRunSetup.activateSubscription(Accounts.WARM_UP, 8, CYCLE)),
            SubscriptionDraft.class);
    Validated<ActivateSubscription> activation = draft.validate();
    assertTrue(activation.isValid(), activation.errors().toString());
    ActivateSubscription a = activation.value();
    assertEquals("bw-sub-0000008", a.subscriptionId());
    assertEquals("MOBILE_M", a.offeringId());
    assertEquals(List.of(ServiceId.msisdn("+4915300000008")), a.serviceIds());
    assertEquals(CYCLE.minusDays(10), a.activationDate());
  }

  @Test
  void theUsageBatchIsTheAccountsRecordsWithNumericQuantities() {
    JsonNode batch =
        StrictJson.readTree(text(BillRunSetup.usageBatch(Accounts.MEASURED, 3, CYCLE)));
    List<UsageRecordDraft> sent = new ArrayList<>();
    for (JsonNode record : batch) {
      assertTrue(record.get("quantity").isNumber(), record.toString());
      sent.add(StrictJson.bind(record, UsageRecordDraft.class));
    }
    assertEquals(BillRunSetup.usageDrafts(Accounts.MEASURED, 3, CYCLE), sent);
    assertEquals(4, sent.size()); // MOBILE_S: voice, voice, data and an SMS
  }

  @Test
  void onlyAcceptedOrDuplicateRecordsCount() throws Exception {
    JsonNode fine =
        JSON.readTree(
            """
            {"received": 2, "accepted": 1, "duplicate": 1, "rejected": 0, "suspended": 0,
             "records": [{"id": "a", "status": "ACCEPTED"}, {"id": "b", "status": "DUPLICATE"}]}
            """);
    assertEquals(2, BillRunSetup.acceptedRecords("br-0000001", fine));
    JsonNode suspended =
        JSON.readTree(
            """
            {"received": 1, "records": [{"id": "a", "status": "SUSPENDED", "reason": "unguided"}]}
            """);
    assertThrows(
        IllegalStateException.class, () -> BillRunSetup.acceptedRecords("br-0000001", suspended));
    assertThrows(
        IllegalStateException.class,
        () -> BillRunSetup.acceptedRecords("br-0000001", JSON.readTree("{\"received\": 0}")));
  }

  private static JsonNode bill(String usageAmount, String taxAmount) throws Exception {
    return JSON.readTree(
        """
        {"billNo": "INV-DEFAULT-2026-000001", "billDate": "2026-12-06T00:00:00+01:00",
         "taxExcludedAmount": {"unit": "EUR", "value": 10.40},
         "taxAmount": {"unit": "EUR", "value": %s},
         "taxIncludedAmount": {"unit": "EUR", "value": 12.38},
         "appliedCustomerBillingRate": [
           {"type": "recurring", "taxExcludedAmount": {"unit": "EUR", "value": 9.99}},
           {"type": "usage", "taxExcludedAmount": {"unit": "EUR", "value": %s}}]}
        """
            .formatted(taxAmount, usageAmount));
  }

  @Test
  void moneyIsAnExactNumberAndTheBillDateADateTime() throws Exception {
    JsonNode bill = bill("0.41", "1.98");
    assertEquals(
        0,
        new java.math.BigDecimal("10.40")
            .compareTo(BillRunBench.amount(bill, "taxExcludedAmount")));
    assertEquals(java.time.LocalDate.of(2026, 12, 6), BillRunBench.billDateOf(bill));
    assertThrows(
        IllegalStateException.class,
        () -> BillRunBench.amount(JSON.readTree("{\"a\": {\"value\": \"1.00\"}}"), "a"));
    assertThrows(
        IllegalStateException.class,
        () -> BillRunBench.billDateOf(JSON.readTree("{\"billDate\": \"2026-12-06\"}")));
  }

  @Test
  void anInvoicesLinesMustAddUpToItsTotals() throws Exception {
    List<String> problems = new ArrayList<>();
    BillRunBench.checkLines("br-0000001", bill("0.41", "1.98"), problems);
    assertEquals(List.of(), problems);

    BillRunBench.checkLines("br-0000001", bill("0.42", "1.98"), problems);
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("lines sum to 10.41"), problems.toString());

    problems.clear();
    BillRunBench.checkLines("br-0000001", bill("0.41", "1.97"), problems);
    assertEquals(List.of("br-0000001: net + tax != total on INV-DEFAULT-2026-000001"), problems);
  }
}
