package com.telco.billing.core.invoice;

import static com.telco.billing.core.catalog.CatalogSamples.amounts;
import static com.telco.billing.core.catalog.CatalogSamples.oneTime;
import static com.telco.billing.core.catalog.CatalogSamples.recurring;
import static com.telco.billing.core.catalog.CatalogSamples.taxRate;
import static com.telco.billing.core.catalog.CatalogSamples.usage;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.core.catalog.Catalog;
import com.telco.billing.core.catalog.CatalogDocument;
import com.telco.billing.core.catalog.CatalogDocument.DiscountJson;
import com.telco.billing.core.catalog.CatalogDocument.ProductOfferingJson;
import com.telco.billing.core.catalog.CatalogDocument.TierJson;
import com.telco.billing.core.catalog.CatalogDocument.UsageRateJson;
import com.telco.billing.core.catalog.CatalogDocument.UsageTypeJson;
import com.telco.billing.core.catalog.CatalogValidator;
import com.telco.billing.core.catalog.CatalogVersion;
import com.telco.billing.core.subscription.ActivateSubscription;
import com.telco.billing.core.subscription.ServiceId;
import com.telco.billing.core.subscription.Subscription;
import com.telco.billing.core.subscription.SubscriptionChange;
import com.telco.billing.core.usage.UsageBook.UsageLine;
import com.telco.billing.core.validation.Validated;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The invoice tests' catalog (built through {@link CatalogDocument} and {@link CatalogValidator}),
 * accounts and subscriptions.
 *
 * <p>Prices (EUR / JPY / BHD):
 *
 * <ul>
 *   <li>PLAN_S ({@code chargeWhileSuspended: false}): PLAN_S_MONTHLY 9.99 / 1000 / 2.500 in version
 *       V1, 12.99 / 1300 / 3.250 from V2 (2026-03-15); PLAN_S_ACTIVATION 19.99 / 2000 / 5.000 on
 *       activation; PLAN_S_WELCOME 50 % for 2 periods; VOICE 0.09 / 9 / 0.030 per 60 s.
 *   <li>PLAN_M (charged while suspended): PLAN_M_MONTHLY 24.99 / 2500 / 7.700; VOICE 0.05 / 5 /
 *       0.020 per 60 s.
 *   <li>PLAN_R (charged while suspended): PLAN_R_MONTHLY 14.99 / 1500 / 4.600; VOICE 0.07 / 7 /
 *       0.025 per 60 s, tax category REDUCED.
 *   <li>PRESS: PRESS_MONTHLY 4.99 / 500 / 1.250, tax category REDUCED.
 * </ul>
 *
 * Tax (DE): STANDARD 19 %, REDUCED 7 %; AT: STANDARD 20 %, REDUCED 20 % (two categories, one rate).
 */
final class InvoiceFixtures {
  static final String V1_FROM = "2025-01-01T00:00:00Z";
  static final String V2_FROM = "2026-03-15T00:00:00Z";

  private InvoiceFixtures() {}

  static LocalDate date(String iso) {
    return LocalDate.parse(iso);
  }

  static BigDecimal dec(String value) {
    return new BigDecimal(value);
  }

  static Catalog catalog() {
    return new Catalog(List.of(version("V1", V1_FROM, "9.99", "1000", "2.500"), v2()));
  }

  static CatalogVersion v2() {
    return version("V2", V2_FROM, "12.99", "1300", "3.250");
  }

  private static CatalogVersion version(
      String id, String from, String sEur, String sJpy, String sBhd) {
    CatalogDocument doc =
        new CatalogDocument(
            id,
            from,
            null,
            List.of("EUR", "JPY", "BHD"),
            List.of(new UsageTypeJson("VOICE", "SECOND")),
            List.of(
                taxRate("DE", "STANDARD", "0.19", "2007-01-01", null),
                taxRate("DE", "REDUCED", "0.07", "2007-01-01", null),
                taxRate("AT", "STANDARD", "0.20", "1984-01-01", null),
                taxRate("AT", "REDUCED", "0.20", "1984-01-01", null)),
            List.of(
                new ProductOfferingJson(
                    "PLAN_S",
                    "Plan S",
                    null,
                    false,
                    List.of(
                        recurring(
                            "PLAN_S_MONTHLY",
                            "Plan S monthly fee",
                            amounts("EUR", sEur, "JPY", sJpy, "BHD", sBhd),
                            "STANDARD",
                            "4000-SUBSCRIPTIONS"),
                        oneTime(
                            "PLAN_S_ACTIVATION",
                            "Plan S activation fee",
                            "activation",
                            amounts("EUR", "19.99", "JPY", "2000", "BHD", "5.000")),
                        voice("PLAN_S_VOICE", "Plan S calls", "0.09", "9", "0.030")),
                    List.of(
                        new DiscountJson(
                            "PLAN_S_WELCOME",
                            "Welcome discount 50 %",
                            new BigDecimal("50"),
                            2,
                            "PLAN_S_MONTHLY",
                            "4900-DISCOUNTS"))),
                new ProductOfferingJson(
                    "PLAN_M",
                    "Plan M",
                    null,
                    true,
                    List.of(
                        recurring(
                            "PLAN_M_MONTHLY",
                            "Plan M monthly fee",
                            amounts("EUR", "24.99", "JPY", "2500", "BHD", "7.700"),
                            "STANDARD",
                            "4000-SUBSCRIPTIONS"),
                        voice("PLAN_M_VOICE", "Plan M calls", "0.05", "5", "0.020")),
                    null),
                new ProductOfferingJson(
                    "PLAN_R",
                    "Plan R",
                    null,
                    true,
                    List.of(
                        recurring(
                            "PLAN_R_MONTHLY",
                            "Plan R monthly fee",
                            amounts("EUR", "14.99", "JPY", "1500", "BHD", "4.600"),
                            "STANDARD",
                            "4000-SUBSCRIPTIONS"),
                        reducedVoice("PLAN_R_VOICE", "Plan R calls", "0.07", "7", "0.025")),
                    null),
                new ProductOfferingJson(
                    "PRESS",
                    "Press",
                    null,
                    null,
                    List.of(
                        recurring(
                            "PRESS_MONTHLY",
                            "Press monthly fee",
                            amounts("EUR", "4.99", "JPY", "500", "BHD", "1.250"),
                            "REDUCED",
                            "4500-CONTENT")),
                    null)));
    Validated<CatalogVersion> validated = CatalogValidator.validate(doc);
    if (!validated.isValid()) {
      throw new IllegalStateException(validated.toString());
    }
    return validated.value();
  }

  /** A voice charge taxed at the REDUCED category. */
  private static CatalogDocument.PriceJson reducedVoice(
      String id, String name, String eur, String jpy, String bhd) {
    CatalogDocument.PriceJson standard = voice(id, name, eur, jpy, bhd);
    return new CatalogDocument.PriceJson(
        standard.id(),
        standard.name(),
        standard.priceType(),
        standard.recurringChargePeriodType(),
        standard.trigger(),
        standard.price(),
        standard.usageType(),
        standard.increment(),
        standard.minimum(),
        standard.unitSize(),
        standard.zones(),
        standard.timeBands(),
        standard.allowance(),
        standard.rates(),
        "REDUCED",
        standard.glCode());
  }

  private static CatalogDocument.PriceJson voice(
      String id, String name, String eur, String jpy, String bhd) {
    Map<String, BigDecimal> price = amounts("EUR", eur, "JPY", jpy, "BHD", bhd);
    return usage(
        id,
        name,
        "VOICE",
        1L,
        0L,
        60L,
        null,
        null,
        null,
        List.of(new UsageRateJson(null, null, List.of(new TierJson(0L, null, price)))),
        "4100-VOICE");
  }

  static AccountProfile account(String currency, int cycleDay, boolean taxExempt) {
    return account(currency, cycleDay, taxExempt, "DE");
  }

  static AccountProfile account(
      String currency, int cycleDay, boolean taxExempt, String jurisdiction) {
    return new AccountProfile(
        "ACC-1",
        "Ada Customer",
        java.util.Currency.getInstance(currency),
        cycleDay,
        ZoneOffset.UTC,
        jurisdiction,
        taxExempt,
        14,
        null,
        "ACME");
  }

  static Subscription subscription(String id, String offering, String activation) {
    return Subscription.activated(
        new ActivateSubscription(
            id, offering, List.of(ServiceId.msisdn("+49151" + msisdnOf(id))), date(activation)));
  }

  private static String msisdnOf(String id) {
    return String.format("%08d", Math.abs(id.hashCode()) % 100_000_000);
  }

  static Subscription terminated(Subscription s, String date) {
    return s.withChange(new SubscriptionChange.Terminate(date(date)));
  }

  static Subscription changed(Subscription s, String offering, String date) {
    return s.withChange(new SubscriptionChange.ChangeOffering(offering, date(date)));
  }

  static Subscription suspended(Subscription s, String date) {
    return s.withChange(new SubscriptionChange.Suspend(date(date)));
  }

  static Subscription resumed(Subscription s, String date) {
    return s.withChange(new SubscriptionChange.Resume(date(date)));
  }

  static UsageLine voice(String period, String sub, long seconds, long records, String amount) {
    return new UsageLine(
        date(period), sub, "VOICE", null, null, seconds, seconds, records, new BigDecimal(amount));
  }

  /** A usage line of the records one charge of one offering priced. */
  static UsageLine voiceOf(
      String period, String sub, String offering, long seconds, long records, String amount) {
    return new UsageLine(
        date(period),
        sub,
        "VOICE",
        null,
        null,
        seconds,
        seconds,
        records,
        new BigDecimal(amount),
        offering,
        offering + "_VOICE");
  }

  static InvoiceRequest request(
      AccountProfile account,
      List<Subscription> subscriptions,
      String cycleDate,
      List<UsageLine> usage,
      BillingHistory history) {
    return new InvoiceRequest(account, subscriptions, catalog(), date(cycleDate), usage, history);
  }
}
