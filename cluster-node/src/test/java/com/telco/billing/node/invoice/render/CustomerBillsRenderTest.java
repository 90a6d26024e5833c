package com.telco.billing.node.invoice.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.telco.billing.node.json.StrictJson;
import com.telco.billing.protocol.http.CustomerBillResponse;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class CustomerBillsRenderTest {

  private static String text(InvoiceDocument doc) throws Exception {
    return StrictJson.MAPPER.writeValueAsString(CustomerBills.of(doc));
  }

  private static JsonNode json(InvoiceDocument doc) throws Exception {
    return StrictJson.MAPPER.readTree(text(doc));
  }

  /** Every kind of invoice the renderers meet. */
  private static final Map<String, Supplier<InvoiceDocument>> SAMPLES =
      Map.of(
          "EUR, two tax rates",
          InvoiceSamples::eur,
          "tax-exempt",
          () -> InvoiceSamples.manyLines(3),
          "zero",
          InvoiceSamples::zero,
          "negative total",
          InvoiceSamples::negative,
          "JPY, 0 decimals",
          InvoiceSamples::jpy,
          "BHD, 3 decimals",
          InvoiceSamples::bhd,
          "partially paid with credit applied",
          InvoiceSamples::eurPartiallyPaidWithCredit,
          "JPY settled",
          InvoiceSamples::jpySettled);

  @Test
  void every_sample_is_a_valid_tmf678_customer_bill_with_valid_lines() throws Exception {
    for (Map.Entry<String, Supplier<InvoiceDocument>> sample : SAMPLES.entrySet()) {
      InvoiceDocument doc = sample.getValue().get();
      JsonNode bill = json(doc);
      assertEquals(
          List.of(),
          Tmf678Schema.problems(Tmf678Schema.CUSTOMER_BILL, bill),
          sample.getKey() + ": " + bill);
      JsonNode lines =
          StrictJson.MAPPER.readTree(
              StrictJson.MAPPER.writeValueAsString(CustomerBills.lines(doc)));
      assertEquals(doc.invoice().lines().size(), lines.size());
      assertEquals(
          List.of(),
          Tmf678Schema.problemsOfEach(Tmf678Schema.APPLIED_CUSTOMER_BILLING_RATE, lines),
          sample.getKey() + ": " + lines);
      assertEquals(
          List.of(),
          Tmf678Schema.problemsOfEach(
              Tmf678Schema.APPLIED_CUSTOMER_BILLING_RATE, bill.get("appliedCustomerBillingRate")),
          sample.getKey());
    }
  }

  @Test
  void the_schema_check_refuses_what_the_old_json_had() throws Exception {
    JsonNode valid = json(InvoiceSamples.eur());

    ObjectNode stringAmount = valid.deepCopy();
    ((ObjectNode) stringAmount.get("amountDue")).put("value", "45.05");
    assertProblemAt(stringAmount, "/amountDue/value");

    ObjectNode stringRate = valid.deepCopy();
    ((ObjectNode) stringRate.get("taxItem").get(0)).put("taxRate", "0.19");
    assertProblemAt(stringRate, "/taxItem/0/taxRate");

    ObjectNode date = valid.deepCopy();
    date.put("billDate", "2025-03-01");
    assertProblemAt(date, "/billDate");

    ObjectNode issued = valid.deepCopy();
    issued.put("state", "issued");
    assertProblemAt(issued, "/state");

    ObjectNode line = (ObjectNode) valid.at("/appliedCustomerBillingRate/0").deepCopy();
    ((ObjectNode) line.get("taxExcludedAmount")).put("value", "29.99");
    List<String> lineProblems =
        Tmf678Schema.problems(Tmf678Schema.APPLIED_CUSTOMER_BILLING_RATE, line);
    assertEquals(1, lineProblems.size(), lineProblems.toString());
    assertTrue(lineProblems.get(0).contains("/taxExcludedAmount/value"), lineProblems.toString());

    ObjectNode noBillId = (ObjectNode) valid.at("/appliedCustomerBillingRate/0").deepCopy();
    ((ObjectNode) noBillId.get("bill")).remove("id");
    assertFalse(
        Tmf678Schema.problems(Tmf678Schema.APPLIED_CUSTOMER_BILLING_RATE, noBillId).isEmpty());
  }

  private static void assertProblemAt(JsonNode bill, String path) {
    List<String> problems = Tmf678Schema.problems(Tmf678Schema.CUSTOMER_BILL, bill);
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains(path), problems.toString());
  }

  @Test
  void header_fields_are_tmf678_customer_bill_fields() throws Exception {
    JsonNode b = json(InvoiceSamples.eur());
    assertEquals("TEG-2025-000042", b.get("id").asText());
    assertEquals("TEG-2025-000042", b.get("billNo").asText());
    assertEquals("/invoices/TEG-2025-000042", b.get("href").asText());
    assertEquals("CustomerBill", b.get("@type").asText());
    assertEquals("sent", b.get("state").asText());
    assertEquals("normal", b.get("category").asText());
    assertEquals("2025-03-01T02:15:00Z", b.get("lastUpdate").asText());
    assertEquals("ACC-1", b.at("/billingAccount/id").asText());
    assertEquals("Zoë O'Brien & Partners", b.at("/billingAccount/name").asText());
    assertEquals("BillingAccount", b.at("/billingAccount/@referredType").asText());
    assertEquals("Telco Europe GmbH", b.at("/relatedParty/0/id").asText());
    assertEquals("seller", b.at("/relatedParty/0/role").asText());
    assertEquals(0, b.get("appliedPayment").size());
  }

  @Test
  void bill_and_due_dates_are_the_start_of_the_day_in_the_account_zone() throws Exception {
    JsonNode b = json(InvoiceSamples.eur());
    assertEquals("2025-03-01T00:00:00+01:00", b.get("billDate").asText());
    assertEquals("2025-03-15T00:00:00+01:00", b.get("paymentDueDate").asText());
    JsonNode jpy = json(InvoiceSamples.jpy());
    assertTrue(jpy.get("billDate").asText().endsWith("T00:00:00+09:00"), jpy.toString());
    JsonNode bhd = json(InvoiceSamples.bhd());
    assertTrue(bhd.get("paymentDueDate").asText().endsWith("T00:00:00+03:00"), bhd.toString());
  }

  @Test
  void billing_period_is_exclusive_and_in_the_account_zone() throws Exception {
    JsonNode b = json(InvoiceSamples.eur());
    assertEquals("2025-02-01T00:00:00+01:00", b.at("/billingPeriod/startDateTime").asText());
    assertEquals("2025-03-01T00:00:00+01:00", b.at("/billingPeriod/endDateTime").asText());
    // the recurring line is billed in advance for March; April 1 is summer time in Berlin
    assertEquals(
        "2025-04-01T00:00:00+02:00",
        b.at("/appliedCustomerBillingRate/0/periodCoverage/endDateTime").asText());
  }

  @Test
  void amounts_are_exact_json_numbers_with_the_currency_minor_units() throws Exception {
    JsonNode b = json(InvoiceSamples.eur());
    assertMoney(b.get("taxExcludedAmount"), "EUR", "38.36");
    assertMoney(b.get("taxAmount"), "EUR", "6.69");
    assertMoney(b.get("taxIncludedAmount"), "EUR", "45.05");
    assertMoney(b.get("amountDue"), "EUR", "45.05");
    assertMoney(b.get("remainingAmount"), "EUR", "45.05");
    assertMoney(b.get("creditApplied"), "EUR", "0.00");
    assertEquals(2, b.get("taxItem").size());
    assertEquals("STANDARD", b.at("/taxItem/0/taxCategory").asText());
    assertNumber(b.at("/taxItem/0/taxRate"), "0.19");
    assertMoney(b.at("/taxItem/0/taxAmount"), "EUR", "6.34");
    assertMoney(b.at("/taxItem/0/taxableAmount"), "EUR", "33.36");
    assertEquals("BOOKS,REDUCED", b.at("/taxItem/1/taxCategory").asText());
    assertNumber(b.at("/taxItem/1/taxRate"), "0.07");
    assertMoney(b.at("/taxItem/1/taxAmount"), "EUR", "0.35");

    JsonNode jpy = json(InvoiceSamples.jpy());
    assertMoney(jpy.get("taxExcludedAmount"), "JPY", "1545");
    assertMoney(jpy.at("/taxItem/0/taxAmount"), "JPY", "155");
    assertMoney(jpy.get("amountDue"), "JPY", "1700");
    assertMoney(jpy.at("/appliedCustomerBillingRate/0/unitPrice"), "JPY", "1200");

    JsonNode bhd = json(InvoiceSamples.bhd());
    assertMoney(bhd.get("taxIncludedAmount"), "BHD", "14.130");
    assertMoney(bhd.at("/taxItem/0/taxAmount"), "BHD", "1.285");
    assertMoney(bhd.at("/appliedCustomerBillingRate/1/taxExcludedAmount"), "BHD", "0.500");
    assertMoney(bhd.at("/appliedCustomerBillingRate/0/unitPrice"), "BHD", "12.345");
  }

  @Test
  void the_written_numbers_keep_their_scale_and_plain_notation() throws Exception {
    String eur = text(InvoiceSamples.eur());
    assertTrue(eur.contains("\"taxExcludedAmount\":{\"unit\":\"EUR\",\"value\":12.60}"), eur);
    assertTrue(eur.contains("\"value\":-3.00}"), eur);
    assertTrue(eur.contains("\"taxRate\":0.19,"), eur);
    assertTrue(eur.contains("\"quantity\":1048576,"), eur);
    String bhd = text(InvoiceSamples.bhd());
    assertTrue(bhd.contains("\"value\":14.130}"), bhd);
    String jpy = text(InvoiceSamples.jpy());
    assertTrue(jpy.contains("\"value\":1700}"), jpy);
    String zero = text(InvoiceSamples.zero());
    assertTrue(zero.contains("\"taxIncludedAmount\":{\"unit\":\"EUR\",\"value\":0.00}"), zero);
  }

  @Test
  void zero_and_negative_invoices_are_settled_with_nothing_remaining() throws Exception {
    JsonNode zero = json(InvoiceSamples.zero());
    assertEquals("settled", zero.get("state").asText());
    assertMoney(zero.get("remainingAmount"), "EUR", "0.00");
    assertEquals(0, zero.get("appliedCustomerBillingRate").size());

    JsonNode negative = json(InvoiceSamples.negative());
    assertEquals("settled", negative.get("state").asText());
    assertMoney(negative.get("taxIncludedAmount"), "EUR", "-11.90");
    assertMoney(negative.get("amountDue"), "EUR", "-11.90");
    assertMoney(negative.get("remainingAmount"), "EUR", "0.00");
    assertMoney(negative.at("/taxItem/0/taxAmount"), "EUR", "-1.90");
    assertEquals("adjustment", negative.at("/appliedCustomerBillingRate/0/type").asText());
  }

  @Test
  void the_settlement_gives_state_amounts_due_and_applied_payments() throws Exception {
    JsonNode b = json(InvoiceSamples.eurPartiallyPaidWithCredit());
    assertEquals("partiallyPaid", b.get("state").asText());
    assertMoney(b.get("taxIncludedAmount"), "EUR", "45.05");
    assertMoney(b.get("creditApplied"), "EUR", "5.05");
    assertMoney(b.get("amountDue"), "EUR", "40.00");
    assertMoney(b.get("remainingAmount"), "EUR", "25.00");
    JsonNode applied = b.get("appliedPayment");
    assertEquals(2, applied.size());
    assertMoney(applied.at("/0/appliedAmount"), "EUR", "5.05");
    assertEquals("PAY-00000000000000a1-ACC-1", applied.at("/0/payment/id").asText());
    assertEquals("/payments/PAY-00000000000000a1-ACC-1", applied.at("/0/payment/href").asText());
    assertMoney(applied.at("/1/appliedAmount"), "EUR", "15.00");
    assertEquals("PAY-00000000000000b2-ACC-1", applied.at("/1/payment/id").asText());

    JsonNode jpy = json(InvoiceSamples.jpySettled());
    assertEquals("settled", jpy.get("state").asText());
    assertMoney(jpy.get("remainingAmount"), "JPY", "0");
    assertMoney(jpy.get("creditApplied"), "JPY", "0");
    assertMoney(jpy.at("/appliedPayment/0/appliedAmount"), "JPY", "1700");
  }

  @Test
  void a_preview_keeps_its_own_state_and_has_no_href_nor_bill() throws Exception {
    JsonNode p = json(InvoiceSamples.preview(InvoiceSamples.eur()));
    assertEquals("preview", p.get("state").asText());
    assertEquals("PREVIEW", p.get("id").asText());
    assertFalse(p.has("href"), p.toString());
    assertFalse(p.at("/appliedCustomerBillingRate/0").has("bill"));
    // TMF678 has no preview: the state is the one value outside its enumeration, all else fits
    List<String> problems = Tmf678Schema.problems(Tmf678Schema.CUSTOMER_BILL, p);
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("state"), problems.toString());
    ObjectNode stateless = p.deepCopy();
    stateless.remove("state");
    assertEquals(List.of(), Tmf678Schema.problems(Tmf678Schema.CUSTOMER_BILL, stateless));
  }

  @Test
  void every_line_is_mapped_with_its_details() throws Exception {
    JsonNode lines = json(InvoiceSamples.eur()).get("appliedCustomerBillingRate");
    assertEquals(6, lines.size());

    JsonNode rc = lines.get(0);
    assertEquals("TEG-2025-000042-1", rc.get("id").asText());
    assertEquals("AppliedCustomerBillingRate", rc.get("@type").asText());
    assertEquals("TEG-2025-000042", rc.at("/bill/id").asText());
    assertEquals("/invoices/TEG-2025-000042", rc.at("/bill/href").asText());
    assertEquals("recurring", rc.get("type").asText());
    assertEquals("Mobile L monthly fee", rc.get("description").asText());
    assertNumber(rc.get("quantity"), "1");
    assertEquals("month", rc.get("unit").asText());
    assertMoney(rc.get("unitPrice"), "EUR", "29.99");
    assertMoney(rc.get("taxExcludedAmount"), "EUR", "29.99");
    assertEquals("STANDARD", rc.get("taxCategory").asText());
    assertEquals("S-1", rc.get("subscriptionId").asText());
    assertEquals("v3", rc.get("catalogVersion").asText());
    assertTrue(rc.get("chargeId").isTextual());
    assertFalse(rc.get("credit").asBoolean());
    assertFalse(rc.has("usageType"), "absent fields are omitted");

    JsonNode credit = lines.get(1);
    assertEquals("recurring", credit.get("type").asText());
    assertTrue(credit.get("credit").asBoolean());
    assertMoney(credit.get("taxExcludedAmount"), "EUR", "-9.33");
    assertEquals("RC-M", credit.get("chargeId").asText());
    assertEquals("v2", credit.get("catalogVersion").asText());
    assertFalse(credit.has("unitPrice"));

    JsonNode usage = lines.get(2);
    assertEquals("usage", usage.get("type").asText());
    assertNumber(usage.get("quantity"), "5400");
    assertEquals("SECOND", usage.get("unit").asText());
    assertMoney(usage.get("taxExcludedAmount"), "EUR", "12.60");
    assertEquals("VOICE", usage.get("usageType").asText());
    assertEquals("national", usage.get("zone").asText());
    assertEquals("peak", usage.get("band").asText());
    assertEquals(57, usage.get("records").asLong());
    assertFalse(usage.has("originalPeriodStart"));

    JsonNode late = lines.get(3);
    assertEquals("lateUsage", late.get("type").asText());
    assertEquals("2025-01-01", late.get("originalPeriodStart").asText());
    assertNumber(late.get("quantity"), "1048576");
    assertFalse(late.has("band"));
    assertEquals("2025-01-01T00:00:00+01:00", late.at("/periodCoverage/startDateTime").asText());

    assertEquals("oneTime", lines.get(4).get("type").asText());
    assertEquals("REDUCED", lines.get(4).get("taxCategory").asText());

    JsonNode discount = lines.get(5);
    assertEquals("discount", discount.get("type").asText());
    assertFalse(discount.has("quantity"));
    assertMoney(discount.get("taxExcludedAmount"), "EUR", "-3.00");
  }

  @Test
  void tax_exempt_invoice_has_no_tax_items() throws Exception {
    JsonNode b = json(InvoiceSamples.manyLines(3));
    assertEquals(0, b.get("taxItem").size());
    assertMoney(b.get("taxAmount"), "EUR", "0.00");
    assertMoney(b.get("amountDue"), "EUR", "3.00");
  }

  @Test
  void the_dto_is_built_directly_too() {
    CustomerBillResponse bill = CustomerBills.of(InvoiceSamples.jpy());
    assertEquals("JPY", bill.amountDue().unit());
    assertEquals(0, new BigDecimal("1700").compareTo(bill.amountDue().value()));
    assertEquals("/invoices/TJK-2025-000007", CustomerBills.href("TJK-2025-000007"));
  }

  @Test
  void a_document_refuses_a_profile_of_another_account() {
    InvoiceDocument eur = InvoiceSamples.eur();
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new InvoiceDocument(
                "N",
                eur.invoice(),
                "issued",
                eur.issuedAt(),
                InvoiceSamples.account("OTHER", "x", "EUR", "UTC")));
  }

  private static void assertMoney(JsonNode money, String unit, String value) {
    assertEquals(unit, money.get("unit").asText(), money.toString());
    assertNumber(money.get("value"), value);
  }

  /** A JSON number with exactly these digits and this scale. */
  private static void assertNumber(JsonNode number, String value) {
    assertTrue(number.isNumber(), "a JSON number: " + number);
    assertEquals(value, number.decimalValue().toPlainString());
  }
}
