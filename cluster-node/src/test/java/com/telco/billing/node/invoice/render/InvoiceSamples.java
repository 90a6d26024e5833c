package com.telco.billing.node.invoice.render;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.core.invoice.InvoiceDraft;
import com.telco.billing.core.invoice.InvoiceLine;
import com.telco.billing.core.invoice.LineType;
import com.telco.billing.core.invoice.TaxItem;
import com.telco.billing.core.period.BillPeriod;
import com.telco.billing.core.receivable.ItemState;
import com.telco.billing.protocol.invoice.InvoiceSettlement;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/** Hand-built invoices for the rendering tests, with totals worked out by hand. */
public final class InvoiceSamples {
  private InvoiceSamples() {}

  static final LocalDate FEB = LocalDate.of(2025, 2, 1);
  static final LocalDate MAR = LocalDate.of(2025, 3, 1);
  static final LocalDate APR = LocalDate.of(2025, 4, 1);
  static final Instant ISSUED_AT = Instant.parse("2025-03-01T02:15:00Z");

  static AccountProfile account(String id, String name, String currency, String zone) {
    return new AccountProfile(
        id,
        name,
        Currency.getInstance(currency),
        1,
        ZoneId.of(zone),
        "XX",
        false,
        14,
        "pm-token-1",
        "Telco Europe GmbH");
  }

  static InvoiceLine line(
      LineType type,
      String description,
      String subscriptionId,
      LocalDate start,
      LocalDate end,
      String quantity,
      String unit,
      String unitPrice,
      String amount,
      String taxCategory) {
    return new InvoiceLine(
        type,
        description,
        subscriptionId,
        subscriptionId == null ? null : "OFF-" + subscriptionId,
        "CH-" + description.hashCode(),
        "v3",
        start,
        end,
        quantity == null ? null : new BigDecimal(quantity),
        unit,
        unitPrice == null ? null : new BigDecimal(unitPrice),
        new BigDecimal(amount),
        taxCategory,
        "4000",
        null,
        null,
        null,
        null,
        null,
        false);
  }

  static InvoiceLine usage(
      LineType type,
      String description,
      LocalDate start,
      LocalDate end,
      String quantity,
      String unit,
      String amount,
      String usageType,
      String zone,
      String band,
      long records,
      LocalDate originalPeriodStart) {
    return new InvoiceLine(
        type,
        description,
        "S-1",
        "OFF-S-1",
        "UC-" + usageType,
        "v3",
        start,
        end,
        new BigDecimal(quantity),
        unit,
        null,
        new BigDecimal(amount),
        "STANDARD",
        "4100",
        usageType,
        zone,
        band,
        records,
        originalPeriodStart,
        false);
  }

  static final InvoiceLine CREDIT =
      new InvoiceLine(
          LineType.RECURRING,
          "Mobile M credit for unused days",
          "S-2",
          "OFF-M",
          "RC-M",
          "v2",
          LocalDate.of(2025, 2, 15),
          MAR,
          new BigDecimal("14"),
          "day",
          null,
          new BigDecimal("-9.33"),
          "STANDARD",
          "4000",
          null,
          null,
          null,
          null,
          null,
          true);

  /**
   * EUR, Europe/Berlin: six lines at two tax rates. Net 38.36; STANDARD 19 % of 33.36 = 6.3384 ->
   * 6.34; REDUCED 7 % of 5.00 = 0.35; tax 6.69; total 45.05.
   */
  static InvoiceDocument eur(String customerName) {
    List<InvoiceLine> lines =
        List.of(
            line(
                LineType.RECURRING,
                "Mobile L monthly fee",
                "S-1",
                MAR,
                APR,
                "1",
                "month",
                "29.99",
                "29.99",
                "STANDARD"),
            CREDIT,
            usage(
                LineType.USAGE,
                "Voice national peak",
                FEB,
                MAR,
                "5400",
                "SECOND",
                "12.6",
                "VOICE",
                "national",
                "peak",
                57,
                null),
            usage(
                LineType.LATE_USAGE,
                "Data roaming EU (late)",
                LocalDate.of(2025, 1, 1),
                FEB,
                "1048576.000",
                "BYTE",
                "3.10",
                "DATA",
                "roam-eu",
                null,
                3,
                LocalDate.of(2025, 1, 1)),
            line(
                LineType.ONE_TIME,
                "Printed magazine",
                "S-1",
                LocalDate.of(2025, 2, 10),
                LocalDate.of(2025, 2, 11),
                "1",
                "each",
                "5.00",
                "5.00",
                "REDUCED"),
            line(
                LineType.DISCOUNT,
                "Loyalty discount 10 %",
                "S-1",
                MAR,
                APR,
                null,
                null,
                null,
                "-3.00",
                "STANDARD"));
    List<TaxItem> taxes =
        List.of(
            new TaxItem(
                List.of("STANDARD"),
                new BigDecimal("0.19"),
                new BigDecimal("33.36"),
                new BigDecimal("6.34")),
            new TaxItem(
                List.of("BOOKS", "REDUCED"),
                new BigDecimal("0.070"),
                new BigDecimal("5.00"),
                new BigDecimal("0.35")));
    InvoiceDraft draft =
        new InvoiceDraft(
            "ACC-1",
            "Telco Europe GmbH",
            Currency.getInstance("EUR"),
            MAR,
            LocalDate.of(2025, 3, 15),
            new BillPeriod(FEB, MAR),
            lines,
            taxes,
            new BigDecimal("38.36"),
            new BigDecimal("6.69"),
            new BigDecimal("45.05"));
    return new InvoiceDocument(
        "TEG-2025-000042",
        draft,
        InvoiceDocument.ISSUED,
        ISSUED_AT,
        account("ACC-1", customerName, "EUR", "Europe/Berlin"));
  }

  public static InvoiceDocument eur() {
    return eur("Zoë O'Brien & Partners");
  }

  /** JPY, no minor units: net 1545, 10 % of 1545 = 154.5 -> 155, total 1700. */
  static InvoiceDocument jpy() {
    List<InvoiceLine> lines =
        List.of(
            line(
                LineType.RECURRING,
                "Plan S monthly fee",
                "S-1",
                MAR,
                APR,
                "1",
                "month",
                "1200",
                "1200",
                "STANDARD"),
            usage(
                LineType.USAGE,
                "SMS domestic",
                FEB,
                MAR,
                "115",
                "EVENT",
                "345",
                "SMS",
                "domestic",
                null,
                115,
                null));
    InvoiceDraft draft =
        new InvoiceDraft(
            "ACC-JP",
            "Telco Japan KK",
            Currency.getInstance("JPY"),
            MAR,
            LocalDate.of(2025, 3, 31),
            new BillPeriod(FEB, MAR),
            lines,
            List.of(
                new TaxItem(
                    List.of("STANDARD"),
                    new BigDecimal("0.10"),
                    new BigDecimal("1545"),
                    new BigDecimal("155"))),
            new BigDecimal("1545"),
            new BigDecimal("155"),
            new BigDecimal("1700"));
    return new InvoiceDocument(
        "TJK-2025-000007",
        draft,
        InvoiceDocument.ISSUED,
        ISSUED_AT,
        account("ACC-JP", "Yamada Taro 山田太郎", "JPY", "Asia/Tokyo"));
  }

  /** BHD, three minor units: net 12.845, 10 % = 1.2845 -> 1.285, total 14.130. */
  static InvoiceDocument bhd() {
    List<InvoiceLine> lines =
        List.of(
            line(
                LineType.RECURRING,
                "Fibre 1G monthly fee",
                "S-1",
                MAR,
                APR,
                "1",
                "month",
                "12.345",
                "12.345",
                "STANDARD"),
            usage(
                LineType.USAGE,
                "Voice international",
                FEB,
                MAR,
                "600",
                "SECOND",
                "0.5",
                "VOICE",
                "intl",
                "offpeak",
                4,
                null));
    InvoiceDraft draft =
        new InvoiceDraft(
            "ACC-BH",
            "Telco Gulf WLL",
            Currency.getInstance("BHD"),
            MAR,
            LocalDate.of(2025, 3, 15),
            new BillPeriod(FEB, MAR),
            lines,
            List.of(
                new TaxItem(
                    List.of("STANDARD"),
                    new BigDecimal("0.1"),
                    new BigDecimal("12.845"),
                    new BigDecimal("1.285"))),
            new BigDecimal("12.845"),
            new BigDecimal("1.285"),
            new BigDecimal("14.13"));
    return new InvoiceDocument(
        "TGW-2025-000003",
        draft,
        InvoiceDocument.ISSUED,
        ISSUED_AT,
        account("ACC-BH", "Fatima Al-Khalifa", "BHD", "Asia/Bahrain"));
  }

  /** {@code n} recurring lines of 1.00 EUR each, untaxed (a tax-exempt account). */
  static InvoiceDocument manyLines(int n) {
    List<InvoiceLine> lines = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      lines.add(
          line(
              LineType.RECURRING,
              "Line number " + i,
              "S-" + i,
              MAR,
              APR,
              "1",
              "month",
              "1.00",
              "1.00",
              "STANDARD"));
    }
    BigDecimal net = new BigDecimal(n).setScale(2);
    InvoiceDraft draft =
        new InvoiceDraft(
            "ACC-MANY",
            "Telco Europe GmbH",
            Currency.getInstance("EUR"),
            MAR,
            LocalDate.of(2025, 3, 15),
            new BillPeriod(FEB, MAR),
            lines,
            List.of(),
            net,
            BigDecimal.ZERO.setScale(2),
            net);
    AccountProfile exempt =
        new AccountProfile(
            "ACC-MANY",
            "Big Fleet Ltd",
            Currency.getInstance("EUR"),
            1,
            ZoneId.of("Europe/Berlin"),
            "DE",
            true,
            30,
            null,
            "Telco Europe GmbH");
    return new InvoiceDocument("TEG-2025-000099", draft, InvoiceDocument.ISSUED, ISSUED_AT, exempt);
  }

  /** {@code doc} with another seller (the invoice's legal entity). */
  static InvoiceDocument withSeller(InvoiceDocument doc, String seller) {
    InvoiceDraft inv = doc.invoice();
    InvoiceDraft draft =
        new InvoiceDraft(
            inv.accountId(),
            seller,
            inv.currency(),
            inv.issueDate(),
            inv.dueDate(),
            inv.billingPeriod(),
            inv.lines(),
            inv.taxItems(),
            inv.taxExcludedAmount(),
            inv.taxAmount(),
            inv.taxIncludedAmount());
    return new InvoiceDocument(doc.number(), draft, doc.state(), doc.issuedAt(), doc.account());
  }

  /**
   * EUR, a credit only: one adjustment of -10.00 at 19 %: tax -1.90, total -11.90 (settled at
   * issue: nothing is owed).
   */
  static InvoiceDocument negative() {
    InvoiceLine refund =
        line(
            LineType.ADJUSTMENT,
            "Goodwill credit",
            null,
            FEB,
            MAR,
            null,
            null,
            null,
            "-10.00",
            "STANDARD");
    InvoiceDraft draft =
        new InvoiceDraft(
            "ACC-1",
            "Telco Europe GmbH",
            Currency.getInstance("EUR"),
            MAR,
            LocalDate.of(2025, 3, 15),
            new BillPeriod(FEB, MAR),
            List.of(refund),
            List.of(
                new TaxItem(
                    List.of("STANDARD"),
                    new BigDecimal("0.19"),
                    new BigDecimal("-10.00"),
                    new BigDecimal("-1.90"))),
            new BigDecimal("-10.00"),
            new BigDecimal("-1.90"),
            new BigDecimal("-11.90"));
    return new InvoiceDocument(
        "TEG-2025-000050",
        draft,
        InvoiceDocument.ISSUED,
        ISSUED_AT,
        account("ACC-1", "Zoë O'Brien & Partners", "EUR", "Europe/Berlin"));
  }

  /** An invoice without lines: every amount zero (settled at issue). */
  static InvoiceDocument zero() {
    return manyLines(0);
  }

  /** {@code doc} with where it stands in accounts receivable. */
  static InvoiceDocument settled(InvoiceDocument doc, InvoiceSettlement settlement) {
    return new InvoiceDocument(
        doc.number(), doc.invoice(), doc.state(), doc.issuedAt(), doc.account(), settlement);
  }

  /**
   * {@link #eur()} (total 45.05) with 5.05 of unallocated credit applied at issue (40.00 due) and a
   * payment of 15.00: partially paid, 25.00 remaining.
   */
  public static InvoiceDocument eurPartiallyPaidWithCredit() {
    return settled(
        eur(),
        new InvoiceSettlement(
            ItemState.PARTIALLY_PAID,
            new BigDecimal("5.05"),
            new BigDecimal("40.00"),
            new BigDecimal("25.00"),
            List.of(
                new InvoiceSettlement.Applied(
                    "PAY-00000000000000a1-ACC-1",
                    "credit",
                    new BigDecimal("5.05"),
                    LocalDate.of(2025, 2, 20)),
                new InvoiceSettlement.Applied(
                    "PAY-00000000000000b2-ACC-1",
                    "payment",
                    new BigDecimal("15.00"),
                    LocalDate.of(2025, 3, 5)))));
  }

  /** {@link #jpy()} (total 1700) paid in full by one payment: settled. */
  static InvoiceDocument jpySettled() {
    return settled(
        jpy(),
        new InvoiceSettlement(
            ItemState.SETTLED,
            BigDecimal.ZERO,
            new BigDecimal("1700"),
            BigDecimal.ZERO,
            List.of(
                new InvoiceSettlement.Applied(
                    "PAY-00000000000000c3-ACC-JP",
                    "payment",
                    new BigDecimal("1700"),
                    LocalDate.of(2025, 3, 10)))));
  }

  /** {@code doc} as a preview of the open period. */
  static InvoiceDocument preview(InvoiceDocument doc) {
    return new InvoiceDocument(
        "PREVIEW", doc.invoice(), InvoiceDocument.PREVIEW, doc.issuedAt(), doc.account());
  }
}
