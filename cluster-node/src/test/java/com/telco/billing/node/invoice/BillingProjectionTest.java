package com.telco.billing.node.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.node.InvoiceSamples;
import com.telco.billing.node.http.JsonSupport;
import com.telco.billing.protocol.invoice.IssuedInvoice;
import org.junit.jupiter.api.Test;

/** The invoice read side's row: what {@code GET /invoices/{number}} reads back. */
class BillingProjectionTest {

  @Test
  void theDocumentLeavesOutNullFieldsAndReadsBackAsTheSameInvoice() {
    IssuedInvoice issued = InvoiceSamples.issued();
    assertTrue(
        issued.invoice().lines().stream().anyMatch(line -> line.usageType() == null),
        "the sample needs a line with empty fields");

    BillingTables.InvoiceRow row = BillingProjection.rowOf(issued);

    assertFalse(row.document().contains("null"), row.document());
    assertEquals(issued, JsonSupport.read(row.document(), IssuedInvoice.class));
    assertEquals(issued.number(), row.number());
    assertEquals(issued.invoice().accountId(), row.accountId());
    assertEquals(issued.invoice().billingPeriod().start(), row.periodStart());
    assertEquals(issued.invoice().issueDate(), row.issueDate());
    assertEquals("EUR", row.currency());
    assertEquals(0, issued.invoice().taxIncludedAmount().compareTo(row.total()));
  }
}
