package com.telco.billing.core.catalog;

import com.telco.billing.core.catalog.CatalogDocument.AllowanceJson;
import com.telco.billing.core.catalog.CatalogDocument.DiscountJson;
import com.telco.billing.core.catalog.CatalogDocument.PriceJson;
import com.telco.billing.core.catalog.CatalogDocument.ProductOfferingJson;
import com.telco.billing.core.catalog.CatalogDocument.TaxRateJson;
import com.telco.billing.core.catalog.CatalogDocument.TierJson;
import com.telco.billing.core.catalog.CatalogDocument.TimeBandJson;
import com.telco.billing.core.catalog.CatalogDocument.TimeWindowJson;
import com.telco.billing.core.catalog.CatalogDocument.UsageRateJson;
import com.telco.billing.core.catalog.CatalogDocument.UsageTypeJson;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Catalog documents for tests: {@link #document()} is exactly {@code samples/catalog.json} (a test
 * binds the JSON file and compares), and small builders for documents with one problem each.
 */
public final class CatalogSamples {
  private CatalogSamples() {}

  public static final String EFFECTIVE_FROM = "2026-01-01T00:00:00Z";
  public static final List<String> WEEKDAYS =
      List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY");
  public static final List<String> WEEKEND = List.of("SATURDAY", "SUNDAY");
  public static final List<String> ZONES = List.of("NATIONAL", "EU", "WORLD");
  public static final long MIB = 1_048_576L;
  public static final long GIB = 1_073_741_824L;

  /** The sample catalog version of {@code samples/catalog.json}. */
  public static CatalogDocument document() {
    return new CatalogDocument(
        "2026-01",
        EFFECTIVE_FROM,
        "Mobile price list 2026: plans S and M, press add-on",
        List.of("EUR", "USD"),
        List.of(
            new UsageTypeJson("VOICE", "SECOND"),
            new UsageTypeJson("SMS", "EVENT"),
            new UsageTypeJson("DATA", "BYTE")),
        List.of(
            taxRate("DE", "STANDARD", "0.19", "2007-01-01", "2020-07-01"),
            taxRate("DE", "STANDARD", "0.16", "2020-07-01", "2021-01-01"),
            taxRate("DE", "STANDARD", "0.19", "2021-01-01", null),
            taxRate("DE", "REDUCED", "0.07", "2007-01-01", "2020-07-01"),
            taxRate("DE", "REDUCED", "0.05", "2020-07-01", "2021-01-01"),
            taxRate("DE", "REDUCED", "0.07", "2021-01-01", null),
            taxRate("AT", "STANDARD", "0.20", "1984-01-01", null),
            taxRate("AT", "REDUCED", "0.10", "1984-01-01", null)),
        List.of(mobileS(), mobileM(), pressPlus()));
  }

  /** The sample, validated. */
  public static CatalogVersion version() {
    return CatalogValidator.validate(document()).value();
  }

  static ProductOfferingJson mobileS() {
    PriceJson voice =
        new PriceJson(
            "MOBILE_S_VOICE",
            "Mobile S calls",
            "usage",
            null,
            null,
            null,
            "VOICE",
            1L,
            60L,
            60L,
            ZONES,
            peakOffPeak(),
            new AllowanceJson(6000L),
            List.of(
                rate("NATIONAL", "PEAK", flat("0.09", "0.10")),
                rate("NATIONAL", "OFF_PEAK", flat("0.05", "0.06")),
                rate("EU", "PEAK", flat("0.09", "0.10")),
                rate("EU", "OFF_PEAK", flat("0.05", "0.06")),
                rate("WORLD", "PEAK", flat("1.49", "1.65")),
                rate("WORLD", "OFF_PEAK", flat("0.99", "1.10"))),
            "STANDARD",
            "4100-VOICE");
    PriceJson sms =
        usage(
            "MOBILE_S_SMS",
            "Mobile S text messages",
            "SMS",
            1L,
            null,
            1L,
            ZONES,
            null,
            null,
            List.of(
                rate("NATIONAL", null, flat("0.09", "0.10")),
                rate("EU", null, flat("0.09", "0.10")),
                rate("WORLD", null, flat("0.29", "0.32"))),
            "4200-MESSAGING");
    PriceJson data =
        usage(
            "MOBILE_S_DATA",
            "Mobile S data",
            "DATA",
            1024L,
            null,
            MIB,
            null,
            null,
            null,
            List.of(
                rate(
                    null,
                    null,
                    List.of(
                        tier(0L, GIB, "0.01", "0.011"),
                        tier(GIB, 5 * GIB, "0.005", "0.0055"),
                        tier(5 * GIB, null, "0.002", "0.0022")))),
            "4150-DATA");
    return new ProductOfferingJson(
        "MOBILE_S",
        "Mobile S",
        "Pay-as-you-go plan with 100 included minutes",
        false,
        List.of(
            new PriceJson(
                "MOBILE_S_MONTHLY",
                "Mobile S monthly fee",
                "recurring",
                "month",
                null,
                eurUsd("9.99", "10.99"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "STANDARD",
                "4000-SUBSCRIPTIONS"),
            oneTime(
                "MOBILE_S_ACTIVATION",
                "Mobile S activation fee",
                "activation",
                eurUsd("19.99", "21.99")),
            voice,
            sms,
            data),
        List.of(
            new DiscountJson(
                "MOBILE_S_WELCOME",
                "Welcome discount: half price for 2 months",
                new BigDecimal("50"),
                2,
                "MOBILE_S_MONTHLY",
                "4900-DISCOUNTS")));
  }

  static ProductOfferingJson mobileM() {
    return new ProductOfferingJson(
        "MOBILE_M",
        "Mobile M",
        "1000 minutes and 10 GiB included",
        true,
        List.of(
            recurring(
                "MOBILE_M_MONTHLY",
                "Mobile M monthly fee",
                eurUsd("24.99", "27.49"),
                "STANDARD",
                "4000-SUBSCRIPTIONS"),
            oneTime(
                "MOBILE_M_ACTIVATION",
                "Mobile M activation fee",
                "activation",
                eurUsd("0.00", "0.00")),
            oneTime(
                "MOBILE_M_RECONNECTION", "Reconnection fee", "resumption", eurUsd("9.99", "10.99")),
            usage(
                "MOBILE_M_VOICE",
                "Mobile M calls",
                "VOICE",
                1L,
                0L,
                60L,
                ZONES,
                null,
                new AllowanceJson(60_000L),
                List.of(
                    rate("NATIONAL", null, flat("0.05", "0.06")),
                    rate("EU", null, flat("0.05", "0.06")),
                    rate("WORLD", null, flat("0.99", "1.10"))),
                "4100-VOICE"),
            usage(
                "MOBILE_M_DATA",
                "Mobile M data",
                "DATA",
                1024L,
                null,
                MIB,
                null,
                null,
                new AllowanceJson(10 * GIB),
                List.of(rate(null, null, flat("0.002", "0.0022"))),
                "4150-DATA")),
        List.of(
            new DiscountJson(
                "MOBILE_M_LOYALTY",
                "Loyalty discount: 25 % for 3 months",
                new BigDecimal("25"),
                3,
                null,
                null)));
  }

  static ProductOfferingJson pressPlus() {
    return new ProductOfferingJson(
        "PRESS_PLUS",
        "Press+ digital newspaper",
        null,
        null,
        List.of(
            recurring(
                "PRESS_PLUS_MONTHLY",
                "Press+ monthly fee",
                eurUsd("4.99", "5.49"),
                "REDUCED",
                "4500-CONTENT")),
        null);
  }

  /** Peak Mon-Fri 08:00-20:00, off-peak the rest of the week. */
  public static List<TimeBandJson> peakOffPeak() {
    return List.of(
        new TimeBandJson("PEAK", List.of(window(WEEKDAYS, "08:00", "20:00"))),
        new TimeBandJson(
            "OFF_PEAK",
            List.of(
                window(WEEKDAYS, "00:00", "08:00"),
                window(WEEKDAYS, "20:00", "24:00"),
                window(WEEKEND, "00:00", "24:00"))));
  }

  // ---- builders ----

  public static Map<String, BigDecimal> eurUsd(String eur, String usd) {
    Map<String, BigDecimal> m = new LinkedHashMap<>();
    m.put("EUR", new BigDecimal(eur));
    m.put("USD", new BigDecimal(usd));
    return m;
  }

  /** A price map from alternating currency codes and amounts ({@code null} amounts allowed). */
  public static Map<String, BigDecimal> amounts(String... codesAndAmounts) {
    Map<String, BigDecimal> m = new LinkedHashMap<>();
    for (int i = 0; i < codesAndAmounts.length; i += 2) {
      String amount = codesAndAmounts[i + 1];
      m.put(codesAndAmounts[i], amount == null ? null : new BigDecimal(amount));
    }
    return m;
  }

  public static TaxRateJson taxRate(
      String jurisdiction, String category, String rate, String from, String to) {
    return new TaxRateJson(jurisdiction, category, new BigDecimal(rate), from, to);
  }

  public static PriceJson recurring(
      String id, String name, Map<String, BigDecimal> price, String taxCategory, String glCode) {
    return new PriceJson(
        id,
        name,
        "recurring",
        null,
        null,
        price,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        taxCategory,
        glCode);
  }

  public static PriceJson oneTime(
      String id, String name, String trigger, Map<String, BigDecimal> price) {
    return new PriceJson(
        id,
        name,
        "oneTime",
        null,
        trigger,
        price,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        "STANDARD",
        "4300-ONE-TIME-FEES");
  }

  public static PriceJson usage(
      String id,
      String name,
      String usageType,
      Long increment,
      Long minimum,
      Long unitSize,
      List<String> zones,
      List<TimeBandJson> timeBands,
      AllowanceJson allowance,
      List<UsageRateJson> rates,
      String glCode) {
    return new PriceJson(
        id,
        name,
        "usage",
        null,
        null,
        null,
        usageType,
        increment,
        minimum,
        unitSize,
        zones,
        timeBands,
        allowance,
        rates,
        "STANDARD",
        glCode);
  }

  public static UsageRateJson rate(String zone, String band, List<TierJson> tiers) {
    return new UsageRateJson(zone, band, tiers);
  }

  /** A single open tier from 0. */
  public static List<TierJson> flat(String eur, String usd) {
    return List.of(tier(0L, null, eur, usd));
  }

  public static TierJson tier(Long from, Long upTo, String eur, String usd) {
    return new TierJson(from, upTo, eurUsd(eur, usd));
  }

  public static TimeWindowJson window(List<String> days, String start, String end) {
    return new TimeWindowJson(days, start, end);
  }

  public static TimeBandJson band(String id, TimeWindowJson... windows) {
    return new TimeBandJson(id, Arrays.asList(windows));
  }
}
