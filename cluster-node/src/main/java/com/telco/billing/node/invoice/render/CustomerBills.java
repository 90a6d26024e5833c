package com.telco.billing.node.invoice.render;

import com.telco.billing.core.invoice.InvoiceDraft;
import com.telco.billing.core.invoice.InvoiceLine;
import com.telco.billing.core.invoice.TaxItem;
import com.telco.billing.protocol.http.CustomerBillResponse;
import com.telco.billing.protocol.http.CustomerBillResponse.AccountRef;
import com.telco.billing.protocol.http.CustomerBillResponse.BillLine;
import com.telco.billing.protocol.http.CustomerBillResponse.BillTaxItem;
import com.telco.billing.protocol.http.CustomerBillResponse.Money;
import com.telco.billing.protocol.http.CustomerBillResponse.PartyRef;
import com.telco.billing.protocol.http.CustomerBillResponse.TimePeriod;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * Maps an issued invoice to its TMF678 {@link CustomerBillResponse} (see that class for the
 * choices: amounts as exact decimal strings, periods as exclusive date-time ranges in the account's
 * zone).
 */
public final class CustomerBills {
  private CustomerBills() {}

  /** The resource path of an invoice: {@code /invoices/{number}}. */
  public static String href(String number) {
    return "/invoices/" + number;
  }

  /** The TMF678 CustomerBill of an issued invoice. */
  public static CustomerBillResponse of(InvoiceDocument doc) {
    InvoiceDraft inv = doc.invoice();
    Currency cur = inv.currency();
    ZoneId zone = doc.account().timeZone();
    Money total = money(inv.taxIncludedAmount(), cur);
    List<BillTaxItem> taxes = new ArrayList<>(inv.taxItems().size());
    for (TaxItem t : inv.taxItems()) {
      taxes.add(
          new BillTaxItem(
              String.join(",", t.taxCategories()),
              InvoiceFormat.decimal(t.rate()),
              money(t.taxableAmount(), cur),
              money(t.taxAmount(), cur)));
    }
    List<BillLine> lines = new ArrayList<>(inv.lines().size());
    for (int i = 0; i < inv.lines().size(); i++) {
      lines.add(line(doc.number() + "-" + (i + 1), inv.lines().get(i), cur, zone));
    }
    return new CustomerBillResponse(
        doc.number(),
        InvoiceDocument.PREVIEW.equals(doc.state()) ? null : href(doc.number()),
        doc.number(),
        doc.state(),
        CustomerBillResponse.CATEGORY_NORMAL,
        inv.issueDate(),
        inv.dueDate(),
        doc.issuedAt(),
        period(inv.billingPeriod().start(), inv.billingPeriod().end(), zone),
        total,
        total,
        money(inv.taxExcludedAmount(), cur),
        total,
        money(inv.taxAmount(), cur),
        taxes,
        new AccountRef(doc.account().accountId(), doc.account().name(), "BillingAccount"),
        List.of(new PartyRef(inv.legalEntity(), "seller", "Organization")),
        lines,
        CustomerBillResponse.TYPE);
  }

  private static BillLine line(String id, InvoiceLine l, Currency cur, ZoneId zone) {
    return new BillLine(
        id,
        InvoiceFormat.typeCode(l.type()),
        l.description(),
        l.credit(),
        period(l.servicePeriodStart(), l.servicePeriodEnd(), zone),
        l.quantity() == null ? null : InvoiceFormat.decimal(l.quantity()),
        l.unit(),
        l.unitPrice() == null
            ? null
            : new Money(cur.getCurrencyCode(), InvoiceFormat.unitPrice(l.unitPrice(), cur)),
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
        BillLine.TYPE);
  }

  private static Money money(BigDecimal value, Currency cur) {
    return new Money(cur.getCurrencyCode(), InvoiceFormat.amount(value, cur));
  }

  private static TimePeriod period(LocalDate start, LocalDate endExclusive, ZoneId zone) {
    return new TimePeriod(
        start.atStartOfDay(zone).toOffsetDateTime(),
        endExclusive.atStartOfDay(zone).toOffsetDateTime());
  }
}
