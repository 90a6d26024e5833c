package com.telco.billing.core.invoice;

import static com.telco.billing.core.invoice.InvoiceFixtures.account;
import static com.telco.billing.core.invoice.InvoiceFixtures.catalog;
import static com.telco.billing.core.invoice.InvoiceFixtures.date;
import static com.telco.billing.core.invoice.InvoiceFixtures.dec;
import static com.telco.billing.core.invoice.InvoiceFixtures.request;
import static com.telco.billing.core.invoice.InvoiceFixtures.subscription;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.catalog.Discount;
import com.telco.billing.core.invoice.BillingHistory.ChargedDiscount;
import com.telco.billing.core.invoice.BillingHistory.ChargedService;
import com.telco.billing.core.period.BillPeriod;
import com.telco.billing.core.subscription.Subscription;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Discounts}: discount lines on a recurring line, and their credits. */
class DiscountsTest {
  /** PLAN_S_WELCOME: 50 % off PLAN_S_MONTHLY for the first 2 charged periods. */
  private static final List<Discount> WELCOME =
      catalog().versions().get(0).offering("PLAN_S").orElseThrow().discountsOn("PLAN_S_MONTHLY");

  private static final Subscription S1 = subscription("S1", "PLAN_S", "2026-01-10");
  private static final BillPeriod JANUARY = new BillPeriod(date("2026-01-01"), date("2026-02-01"));
  private static final BillPeriod FEBRUARY = new BillPeriod(date("2026-02-01"), date("2026-03-01"));

  private final InvoiceLines lines = new InvoiceLines();
  private final InvoiceContext context =
      new InvoiceContext(
          request(
              account("EUR", 1, false), List.of(), "2026-02-01", List.of(), BillingHistory.EMPTY));
  private final Discounts discounts = new Discounts(context, lines, new Corrections(context));

  private static InvoiceLine recurring(String amount) {
    return new InvoiceLine(
        LineType.RECURRING,
        "Plan S monthly fee, 22 of 31 days",
        "S1",
        "PLAN_S",
        "PLAN_S_MONTHLY",
        "V1",
        date("2026-01-10"),
        date("2026-02-01"),
        dec("22"),
        "day",
        null,
        dec(amount),
        "STANDARD",
        "4000-SUBSCRIPTIONS",
        null,
        null,
        null,
        null,
        null,
        false);
  }

  @Test
  void aDiscountIsHalfUpOfTheRoundedRecurringLineOnALineOfItsOwn() {
    // -HALF_UP(7.09 * 0.5 = 3.545) = -3.55
    List<ChargedDiscount> charged = discounts.apply(S1, JANUARY, recurring("7.09"), WELCOME, 1);
    assertEquals(
        List.of(
            new ChargedDiscount(
                "PLAN_S_WELCOME", "Welcome discount 50 %", "4900-DISCOUNTS", dec("-3.55"))),
        charged);
    assertEquals(
        List.of(
            new InvoiceLine(
                LineType.DISCOUNT,
                "Welcome discount 50 %",
                "S1",
                "PLAN_S",
                "PLAN_S_WELCOME",
                "V1",
                date("2026-01-10"),
                date("2026-02-01"),
                null,
                null,
                null,
                dec("-3.55"),
                "STANDARD",
                "4900-DISCOUNTS",
                null,
                null,
                null,
                null,
                null,
                false)),
        lines.asList());
  }

  @Test
  void aDiscountAppliesOnlyInTheFirstNChargedPeriods() {
    assertEquals(1, discounts.apply(S1, JANUARY, recurring("9.99"), WELCOME, 2).size());
    assertTrue(discounts.apply(S1, JANUARY, recurring("9.99"), WELCOME, 3).isEmpty());
    assertEquals(1, lines.asList().size());
  }

  @Test
  void aDiscountOfZeroIsRememberedButGetsNoLine() {
    List<ChargedDiscount> charged = discounts.apply(S1, JANUARY, recurring("0.00"), WELCOME, 1);
    assertEquals(1, charged.size());
    assertEquals(0, charged.get(0).amount().signum());
    assertTrue(lines.asList().isEmpty());
  }

  @Test
  void aCreditedRecurringLineCreditsItsDiscountsProRata() {
    ChargedService feb =
        new ChargedService(
            "S1",
            date("2026-02-01"),
            date("2026-03-01"),
            2,
            "PLAN_S",
            "PLAN_S_MONTHLY",
            "V1",
            "Plan S monthly fee",
            "STANDARD",
            "4000-SUBSCRIPTIONS",
            date("2026-02-01"),
            date("2026-03-01"),
            dec("9.99"),
            List.of(
                new ChargedDiscount(
                    "PLAN_S_WELCOME", "Welcome discount 50 %", "4900-DISCOUNTS", dec("-5.00"))),
            List.of());
    // 9 of 28 days: -(HALF_UP(-5.00 * 9 / 28 = -1.607..) = -1.61) = +1.61
    discounts.credit(
        S1, FEBRUARY, feb, date("2026-02-20"), date("2026-03-01"), "9 of 28 days", 0, 9, 28);
    assertEquals(
        List.of(
            new InvoiceLine(
                LineType.DISCOUNT,
                "Credit: Welcome discount 50 %, 9 of 28 days",
                "S1",
                "PLAN_S",
                "PLAN_S_WELCOME",
                "V1",
                date("2026-02-20"),
                date("2026-03-01"),
                null,
                null,
                null,
                dec("1.61"),
                "STANDARD",
                "4900-DISCOUNTS",
                null,
                null,
                null,
                null,
                null,
                true)),
        lines.asList());
  }
}
