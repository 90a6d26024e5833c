package com.telco.billing.node.invoice.render;

import com.telco.billing.core.invoice.InvoiceDraft;
import com.telco.billing.core.invoice.InvoiceLine;
import com.telco.billing.core.invoice.TaxItem;
import com.telco.billing.protocol.http.CustomerBillResponse;
import com.telco.billing.protocol.http.CustomerBillResponse.AccountRef;
import com.telco.billing.protocol.http.CustomerBillResponse.AppliedPayment;
import com.telco.billing.protocol.http.CustomerBillResponse.BillLine;
import com.telco.billing.protocol.http.CustomerBillResponse.BillRef;
import com.telco.billing.protocol.http.CustomerBillResponse.BillTaxItem;
import com.telco.billing.protocol.http.CustomerBillResponse.Money;
import com.telco.billing.protocol.http.CustomerBillResponse.PartyRef;
import com.telco.billing.protocol.http.CustomerBillResponse.PaymentRef;
import com.telco.billing.protocol.http.CustomerBillResponse.TimePeriod;
import com.telco.billing.protocol.invoice.InvoiceSettlement;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * Maps an invoice to its TMF678 v4 {@link CustomerBillResponse} and its lines to {@code
 * AppliedCustomerBillingRate}s (see that class for the choices: amounts as exact JSON numbers,
 * dates as date-times and periods as exclusive date-time ranges in the account's zone, the state
 * from accounts receivable).
 */
public final class CustomerBills {
  private CustomerBills() {}

  /** The resource path of an invoice: {@code /invoices/{number}}. */
  public static String href(String number) {
    return "/invoices/" + number;
  }

  /** The resource path of a payment: {@code /payments/{id}}. */
  public static String paymentHref(String paymentId) {
    return "/payments/" + paymentId;
  }

  /** The TMF678 CustomerBill of an issued invoice (or of a preview). */
  public static CustomerBillResponse of(InvoiceDocument doc) {
    InvoiceDraft inv = doc.invoice();
    Currency cur = inv.currency();
    ZoneId zone = doc.account().timeZone();
    InvoiceSettlement settlement = doc.settlement();
    List<BillTaxItem> taxes = new ArrayList<>(inv.taxItems().size());
    for (TaxItem t : inv.taxItems()) {
      taxes.add(
          new BillTaxItem(
              String.join(",", t.taxCategories()),
              InvoiceFormat.decimalValue(t.rate()),
              money(t.taxableAmount(), cur),
              money(t.taxAmount(), cur)));
    }
    List<AppliedPayment> applied = new ArrayList<>(settlement.applied().size());
    for (InvoiceSettlement.Applied a : settlement.applied()) {
      applied.add(
          new AppliedPayment(
              money(a.amount(), cur),
              new PaymentRef(
                  a.paymentId(),
                  "credit_note".equals(a.kind())
                      ? CreditNotes.href(a.paymentId())
                      : paymentHref(a.paymentId()))));
    }
    return new CustomerBillResponse(
        doc.number(),
        doc.isPreview() ? null : href(doc.number()),
        doc.number(),
        doc.isPreview() ? InvoiceDocument.PREVIEW : settlement.state().tmfName(),
        CustomerBillResponse.CATEGORY_NORMAL,
        startOf(inv.issueDate(), zone),
        startOf(inv.dueDate(), zone),
        doc.issuedAt(),
        period(inv.billingPeriod().start(), inv.billingPeriod().end(), zone),
        money(settlement.amountDue(), cur),
        money(settlement.remaining(), cur),
        settlement.onHold().signum() > 0 ? money(settlement.onHold(), cur) : null,
        money(settlement.creditApplied(), cur),
        money(inv.taxExcludedAmount(), cur),
        money(inv.taxIncludedAmount(), cur),
        money(inv.taxAmount(), cur),
        taxes,
        applied,
        new AccountRef(doc.account().accountId(), doc.account().name(), "BillingAccount"),
        List.of(new PartyRef(inv.legalEntity(), "seller", "Organization")),
        lines(doc),
        CustomerBillResponse.TYPE);
  }

  /**
   * The lines of an invoice as TMF678 AppliedCustomerBillingRates, in invoice order, each with its
   * {@code bill} (none on a preview).
   */
  public static List<BillLine> lines(InvoiceDocument doc) {
    InvoiceDraft inv = doc.invoice();
    Currency cur = inv.currency();
    ZoneId zone = doc.account().timeZone();
    BillRef bill = doc.isPreview() ? null : new BillRef(doc.number(), href(doc.number()));
    List<BillLine> lines = new ArrayList<>(inv.lines().size());
    for (int i = 0; i < inv.lines().size(); i++) {
      lines.add(line(doc.number() + "-" + (i + 1), inv.lines().get(i), cur, zone, bill));
    }
    return lines;
  }

  private static BillLine line(String id, InvoiceLine l, Currency cur, ZoneId zone, BillRef bill) {
    return new BillLine(
        id,
        InvoiceFormat.typeCode(l.type()),
        l.description(),
        l.credit(),
        period(l.servicePeriodStart(), l.servicePeriodEnd(), zone),
        l.quantity() == null ? null : InvoiceFormat.decimalValue(l.quantity()),
        l.unit(),
        l.unitPrice() == null
            ? null
            : new Money(cur.getCurrencyCode(), InvoiceFormat.unitPriceValue(l.unitPrice(), cur)),
        money(l.amount(), cur),
        l.taxCategory(),
        l.subscriptionId(),
        l.offeringId(),
        l.chargeId(),
        l.catalogVersion(),
        l.usageType(),
        l.zone(),
        l.band(),
        l.records(),
        l.originalPeriodStart(),
        bill,
        BillLine.TYPE);
  }

  private static Money money(BigDecimal value, Currency cur) {
    return new Money(cur.getCurrencyCode(), InvoiceFormat.amountValue(value, cur));
  }

  private static OffsetDateTime startOf(LocalDate date, ZoneId zone) {
    return date.atStartOfDay(zone).toOffsetDateTime();
  }

  private static TimePeriod period(LocalDate start, LocalDate endExclusive, ZoneId zone) {
    return new TimePeriod(startOf(start, zone), startOf(endExclusive, zone));
  }
}
