package com.telco.billing.node.invoice.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.telco.billing.node.json.StrictJson;
import com.telco.billing.protocol.http.CustomerBillResponse;
import org.junit.jupiter.api.Test;

class CustomerBillsRenderTest {

  private static JsonNode json(InvoiceDocument doc) throws Exception {
    String text = StrictJson.MAPPER.writeValueAsString(CustomerBills.of(doc));
    return StrictJson.MAPPER.readTree(text);
  }

  @Test
  void header_fields_are_tmf678_customer_bill_fields() throws Exception {
    JsonNode b = json(InvoiceSamples.eur());
    assertEquals("TEG-2025-000042", b.get("id").asText());
    assertEquals("TEG-2025-000042", b.get("billNo").asText());
    assertEquals("/invoices/TEG-2025-000042", b.get("href").asText());
    assertEquals("CustomerBill", b.get("@type").asText());
    assertEquals("issued", b.get("state").asText());
    assertEquals("normal", b.get("category").asText());
    assertEquals("2025-03-01", b.get("billDate").asText());
    assertEquals("2025-03-15", b.get("paymentDueDate").asText());
    assertEquals("2025-03-01T02:15:00Z", b.get("lastUpdate").asText());
    assertEquals("ACC-1", b.at("/billingAccount/id").asText());
    assertEquals("Zoë O'Brien & Partners", b.at("/billingAccount/name").asText());
    assertEquals("BillingAccount", b.at("/billingAccount/@referredType").asText());
    assertEquals("Telco Europe GmbH", b.at("/relatedParty/0/id").asText());
    assertEquals("seller", b.at("/relatedParty/0/role").asText());
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
  void amounts_are_exact_decimal_strings_with_the_currency_minor_units() throws Exception {
    JsonNode b = json(InvoiceSamples.eur());
    assertMoney(b.get("taxExcludedAmount"), "EUR", "38.36");
    assertMoney(b.get("taxAmount"), "EUR", "6.69");
    assertMoney(b.get("taxIncludedAmount"), "EUR", "45.05");
    assertMoney(b.get("amountDue"), "EUR", "45.05");
    assertMoney(b.get("remainingAmount"), "EUR", "45.05");
    assertEquals(2, b.get("taxItem").size());
    assertEquals("STANDARD", b.at("/taxItem/0/taxCategory").asText());
    assertEquals("0.19", b.at("/taxItem/0/taxRate").asText());
    assertTrue(b.at("/taxItem/0/taxRate").isTextual());
    assertMoney(b.at("/taxItem/0/taxAmount"), "EUR", "6.34");
    assertMoney(b.at("/taxItem/0/taxableAmount"), "EUR", "33.36");
    assertEquals("BOOKS,REDUCED", b.at("/taxItem/1/taxCategory").asText());
    assertEquals("0.07", b.at("/taxItem/1/taxRate").asText());
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
  void every_line_is_mapped_with_its_details() throws Exception {
    JsonNode lines = json(InvoiceSamples.eur()).get("appliedCustomerBillingRate");
    assertEquals(6, lines.size());

    JsonNode rc = lines.get(0);
    assertEquals("TEG-2025-000042-1", rc.get("id").asText());
    assertEquals("AppliedCustomerBillingRate", rc.get("@type").asText());
    assertEquals("recurring", rc.get("type").asText());
    assertEquals("Mobile L monthly fee", rc.get("description").asText());
    assertEquals("1", rc.get("quantity").asText());
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
    assertEquals("5400", usage.get("quantity").asText());
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
    assertEquals("1048576", late.get("quantity").asText());
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
    assertEquals(new CustomerBillResponse.Money("JPY", "1700"), bill.amountDue());
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
    assertTrue(money.get("value").isTextual(), "value is a string: " + money);
    assertEquals(value, money.get("value").asText());
  }
}
