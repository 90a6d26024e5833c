package com.telco.billing.node.invoice.render;

import com.telco.billing.core.creditnote.CreditNoteDraft;
import com.telco.billing.core.creditnote.CreditedLine;
import com.telco.billing.core.invoice.TaxItem;
import com.telco.billing.protocol.http.CreditNoteResponse;
import com.telco.billing.protocol.http.CustomerBillResponse.AccountRef;
import com.telco.billing.protocol.http.CustomerBillResponse.BillRef;
import com.telco.billing.protocol.http.CustomerBillResponse.BillTaxItem;
import com.telco.billing.protocol.http.CustomerBillResponse.Money;
import com.telco.billing.protocol.http.CustomerBillResponse.PartyRef;
import com.telco.billing.protocol.invoice.CreditNoteView;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * A credit note as JSON (a TMF678-style CustomerBill of {@code category: creditNote}), as one
 * standalone HTML page (the template {@code src/main/jte/credit-note.jte}) and as a PDF of that
 * page laid out by the invoices' renderer ({@link InvoicePdf#layout}).
 */
public final class CreditNotes {
  private CreditNotes() {}

  private static final TemplateEngine ENGINE =
      TemplateEngine.createPrecompiled(
          null,
          ContentType.Html,
          CreditNotes.class.getClassLoader(),
          CreditNotes.class.getPackageName());

  /** The resource path of a credit note: {@code /credit-notes/{number}}. */
  public static String href(String number) {
    return "/credit-notes/" + number;
  }

  /** The JSON of a credit note. */
  public static CreditNoteResponse json(CreditNoteView view) {
    Currency cur = view.account().currency();
    CreditNoteDraft d = view.draft();
    List<BillTaxItem> taxes = new ArrayList<>();
    for (TaxItem t : d.taxItems()) {
      taxes.add(
          new BillTaxItem(
              String.join(",", t.taxCategories()),
              InvoiceFormat.decimalValue(t.rate()),
              money(t.taxableAmount().negate(), cur),
              money(t.taxAmount().negate(), cur)));
    }
    List<CreditNoteResponse.CreditedLine> lines = new ArrayList<>();
    for (int i = 0; i < d.lines().size(); i++) {
      CreditedLine l = d.lines().get(i);
      lines.add(
          new CreditNoteResponse.CreditedLine(
              view.number() + "-" + (i + 1),
              view.invoiceNumber() + "-" + l.line(),
              l.description(),
              l.taxCategory(),
              l.quantity() == null ? null : InvoiceFormat.decimalValue(l.quantity()),
              money(l.amount().negate(), cur)));
    }
    return new CreditNoteResponse(
        view.number(),
        href(view.number()),
        view.number(),
        CreditNoteResponse.STATE,
        CreditNoteResponse.CATEGORY,
        view.issueDate().atStartOfDay(view.account().timeZone()).toOffsetDateTime(),
        view.issuedAt(),
        view.reason().wire(),
        view.description(),
        new BillRef(view.invoiceNumber(), CustomerBills.href(view.invoiceNumber())),
        money(d.taxExcludedAmount().negate(), cur),
        money(d.taxAmount().negate(), cur),
        money(d.taxIncludedAmount().negate(), cur),
        taxes,
        money(view.allocated(), cur),
        money(view.refunded(), cur),
        new AccountRef(view.account().accountId(), view.account().name(), "BillingAccount"),
        List.of(new PartyRef(view.account().legalEntity(), "seller", "Organization")),
        lines,
        "CustomerBill");
  }

  /** The complete HTML page of a credit note. */
  public static String html(CreditNoteView view) {
    return html(CreditNotePage.of(view));
  }

  static String html(CreditNotePage page) {
    StringOutput out = new StringOutput(4096 + 256 * page.rows().size());
    ENGINE.render("credit-note.jte", page, out);
    return out.toString();
  }

  /** The PDF of a credit note. */
  public static byte[] pdf(CreditNoteView view) {
    CreditNotePage page = CreditNotePage.of(view);
    try {
      return InvoicePdf.layout(
          html(page),
          info -> {
            info.setTitle("Credit note " + page.number());
            info.setSubject(
                "Credit note " + page.number() + " for invoice " + page.invoiceNumber());
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render credit note " + page.number(), e);
    }
  }

  private static Money money(BigDecimal value, Currency cur) {
    return new Money(cur.getCurrencyCode(), InvoiceFormat.amountValue(value, cur));
  }
}
