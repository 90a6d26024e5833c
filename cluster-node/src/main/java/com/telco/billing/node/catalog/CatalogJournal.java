package com.telco.billing.node.catalog;

import com.telco.billing.core.catalog.Allowance;
import com.telco.billing.core.catalog.BandSchedule;
import com.telco.billing.core.catalog.CatalogCorrection;
import com.telco.billing.core.catalog.CatalogDocument;
import com.telco.billing.core.catalog.CatalogVersion;
import com.telco.billing.core.catalog.ChargePeriod;
import com.telco.billing.core.catalog.CurrencyAmount;
import com.telco.billing.core.catalog.Discount;
import com.telco.billing.core.catalog.OneTimeCharge;
import com.telco.billing.core.catalog.OneTimeTrigger;
import com.telco.billing.core.catalog.Price;
import com.telco.billing.core.catalog.ProductOffering;
import com.telco.billing.core.catalog.RecurringCharge;
import com.telco.billing.core.catalog.TaxRate;
import com.telco.billing.core.catalog.TaxTable;
import com.telco.billing.core.catalog.Tier;
import com.telco.billing.core.catalog.TimeBand;
import com.telco.billing.core.catalog.TimeWindow;
import com.telco.billing.core.catalog.UnitOfMeasure;
import com.telco.billing.core.catalog.UsageCharge;
import com.telco.billing.core.catalog.UsageRate;
import com.telco.billing.core.catalog.UsageType;
import com.telco.billing.protocol.Origin;
import com.telco.billing.protocol.catalog.CatalogEvent.CatalogVersionPublished;
import com.telco.billing.protocol.catalog.PublishedVersion;
import com.telco.billing.protocol.catalog.journal.CatalogDocumentRecord;
import com.telco.billing.protocol.catalog.journal.CatalogVersionRecord;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.function.Function;

/**
 * The one place the Catalog entity's journal records are mapped from and to {@code billing-core}
 * values: the entity builds its event here, and the entity and every node's replica read it back
 * through here. {@code toRecord} writes a domain value as its journal record; {@code toX} reads one
 * back.
 */
public final class CatalogJournal {
  private CatalogJournal() {}

  public static CatalogVersionPublished versionPublished(
      CatalogVersion version, CatalogDocument document, Instant at, Origin origin) {
    return new CatalogVersionPublished(toRecord(version), toRecord(document), at, origin);
  }

  /** The version as the catalog keeps it; published by the subject of the event's origin. */
  public static PublishedVersion toPublished(CatalogVersionPublished event) {
    return new PublishedVersion(
        toVersion(event.version()),
        toDocument(event.document()),
        event.publishedAt(),
        event.origin() == null ? null : event.origin().subject());
  }

  // ---- the validated version

  static CatalogVersionRecord toRecord(CatalogVersion version) {
    return new CatalogVersionRecord(
        version.version(),
        version.effectiveFrom(),
        version.description(),
        map(version.currencies(), Currency::getCurrencyCode),
        map(
            version.usageTypes(),
            t -> new CatalogVersionRecord.UsageType(t.id(), t.unitOfMeasure().name())),
        new CatalogVersionRecord.TaxTable(
            map(
                version.taxTable().rates(),
                r ->
                    new CatalogVersionRecord.TaxRate(
                        r.jurisdiction(), r.taxCategory(), r.rate(), r.validFrom(), r.validTo()))),
        map(version.productOfferings(), CatalogJournal::toRecord),
        version.correction() == null
            ? null
            : new CatalogVersionRecord.Correction(
                version.correction().effectiveUntil(), version.correction().reason()));
  }

  static CatalogVersion toVersion(CatalogVersionRecord record) {
    return new CatalogVersion(
        record.version(),
        record.effectiveFrom(),
        record.description(),
        map(record.currencies(), Currency::getInstance),
        map(
            record.usageTypes(),
            t -> new UsageType(t.id(), UnitOfMeasure.valueOf(t.unitOfMeasure()))),
        new TaxTable(
            map(
                record.taxTable().rates(),
                r ->
                    new TaxRate(
                        r.jurisdiction(), r.taxCategory(), r.rate(), r.validFrom(), r.validTo()))),
        map(record.productOfferings(), CatalogJournal::toOffering),
        record.correction() == null
            ? null
            : new CatalogCorrection(
                record.correction().effectiveUntil(), record.correction().reason()));
  }

  private static CatalogVersionRecord.ProductOffering toRecord(ProductOffering offering) {
    return new CatalogVersionRecord.ProductOffering(
        offering.id(),
        offering.name(),
        offering.description(),
        offering.chargeWhileSuspended(),
        map(
            offering.recurringCharges(),
            c ->
                new CatalogVersionRecord.RecurringCharge(
                    c.id(),
                    c.name(),
                    c.period().name(),
                    toRecord(c.price()),
                    c.taxCategory(),
                    c.glCode())),
        map(
            offering.oneTimeCharges(),
            c ->
                new CatalogVersionRecord.OneTimeCharge(
                    c.id(),
                    c.name(),
                    c.trigger().name(),
                    toRecord(c.price()),
                    c.taxCategory(),
                    c.glCode())),
        map(offering.usageCharges(), CatalogJournal::toRecord),
        map(
            offering.discounts(),
            d ->
                new CatalogVersionRecord.Discount(
                    d.id(), d.name(), d.percentage(), d.periods(), d.appliesTo(), d.glCode())));
  }

  private static ProductOffering toOffering(CatalogVersionRecord.ProductOffering record) {
    return new ProductOffering(
        record.id(),
        record.name(),
        record.description(),
        record.chargeWhileSuspended(),
        map(
            record.recurringCharges(),
            c ->
                new RecurringCharge(
                    c.id(),
                    c.name(),
                    ChargePeriod.valueOf(c.period()),
                    toPrice(c.price()),
                    c.taxCategory(),
                    c.glCode())),
        map(
            record.oneTimeCharges(),
            c ->
                new OneTimeCharge(
                    c.id(),
                    c.name(),
                    OneTimeTrigger.valueOf(c.trigger()),
                    toPrice(c.price()),
                    c.taxCategory(),
                    c.glCode())),
        map(record.usageCharges(), CatalogJournal::toUsageCharge),
        map(
            record.discounts(),
            d ->
                new Discount(
                    d.id(), d.name(), d.percentage(), d.periods(), d.appliesTo(), d.glCode())));
  }

  private static CatalogVersionRecord.UsageCharge toRecord(UsageCharge charge) {
    return new CatalogVersionRecord.UsageCharge(
        charge.id(),
        charge.name(),
        charge.usageType(),
        charge.increment(),
        charge.minimum(),
        charge.unitSize(),
        charge.zones(),
        charge.bandSchedule() == null
            ? null
            : new CatalogVersionRecord.BandSchedule(
                map(
                    charge.bandSchedule().bands(),
                    b ->
                        new CatalogVersionRecord.TimeBand(
                            b.id(),
                            map(
                                b.windows(),
                                w ->
                                    new CatalogVersionRecord.TimeWindow(
                                        map(w.days(), DayOfWeek::name),
                                        w.startTime(),
                                        w.endTime()))))),
        charge.allowance() == null
            ? null
            : new CatalogVersionRecord.Allowance(charge.allowance().quantity()),
        map(
            charge.rates(),
            r ->
                new CatalogVersionRecord.UsageRate(
                    r.zone(),
                    r.timeBand(),
                    map(
                        r.tiers(),
                        t ->
                            new CatalogVersionRecord.Tier(
                                t.from(), t.upTo(), toRecord(t.price()))))),
        charge.taxCategory(),
        charge.glCode());
  }

  private static UsageCharge toUsageCharge(CatalogVersionRecord.UsageCharge record) {
    return new UsageCharge(
        record.id(),
        record.name(),
        record.usageType(),
        record.increment(),
        record.minimum(),
        record.unitSize(),
        record.zones(),
        record.bandSchedule() == null
            ? null
            : new BandSchedule(
                map(
                    record.bandSchedule().bands(),
                    b ->
                        new TimeBand(
                            b.id(),
                            map(
                                b.windows(),
                                w ->
                                    new TimeWindow(
                                        map(w.days(), DayOfWeek::valueOf),
                                        w.startTime(),
                                        w.endTime()))))),
        record.allowance() == null ? null : new Allowance(record.allowance().quantity()),
        map(
            record.rates(),
            r ->
                new UsageRate(
                    r.zone(),
                    r.timeBand(),
                    map(r.tiers(), t -> new Tier(t.from(), t.upTo(), toPrice(t.price()))))),
        record.taxCategory(),
        record.glCode());
  }

  private static CatalogVersionRecord.Price toRecord(Price price) {
    return new CatalogVersionRecord.Price(
        map(
            price.amounts(),
            a -> new CatalogVersionRecord.Amount(a.currency().getCurrencyCode(), a.amount())));
  }

  private static Price toPrice(CatalogVersionRecord.Price record) {
    return new Price(
        map(
            record.amounts(),
            a -> new CurrencyAmount(Currency.getInstance(a.currency()), a.amount())));
  }

  // ---- the document as posted

  static CatalogDocumentRecord toRecord(CatalogDocument document) {
    return new CatalogDocumentRecord(
        document.version(),
        document.effectiveFrom(),
        document.description(),
        document.currencies(),
        map(
            document.usageTypes(),
            t -> new CatalogDocumentRecord.UsageType(t.id(), t.unitOfMeasure())),
        map(
            document.taxRates(),
            r ->
                new CatalogDocumentRecord.TaxRate(
                    r.jurisdiction(), r.taxCategory(), r.rate(), r.validFrom(), r.validTo())),
        map(
            document.productOfferings(),
            o ->
                new CatalogDocumentRecord.ProductOffering(
                    o.id(),
                    o.name(),
                    o.description(),
                    o.chargeWhileSuspended(),
                    map(o.prices(), CatalogJournal::toRecord),
                    map(
                        o.discounts(),
                        d ->
                            new CatalogDocumentRecord.Discount(
                                d.id(),
                                d.name(),
                                d.percentage(),
                                d.periods(),
                                d.appliesTo(),
                                d.glCode())))),
        document.correction() == null
            ? null
            : new CatalogDocumentRecord.Correction(
                document.correction().effectiveUntil(), document.correction().reason()));
  }

  private static CatalogDocumentRecord.Price toRecord(CatalogDocument.PriceJson price) {
    return new CatalogDocumentRecord.Price(
        price.id(),
        price.name(),
        price.priceType(),
        price.recurringChargePeriodType(),
        price.trigger(),
        price.price(),
        price.usageType(),
        price.increment(),
        price.minimum(),
        price.unitSize(),
        price.zones(),
        map(
            price.timeBands(),
            b ->
                new CatalogDocumentRecord.TimeBand(
                    b.id(),
                    map(
                        b.windows(),
                        w ->
                            new CatalogDocumentRecord.TimeWindow(
                                w.days(), w.startTime(), w.endTime())))),
        price.allowance() == null
            ? null
            : new CatalogDocumentRecord.Allowance(price.allowance().quantity()),
        map(
            price.rates(),
            r ->
                new CatalogDocumentRecord.UsageRate(
                    r.zone(),
                    r.timeBand(),
                    map(
                        r.tiers(),
                        t -> new CatalogDocumentRecord.Tier(t.from(), t.upTo(), t.price())))),
        price.taxCategory(),
        price.glCode());
  }

  static CatalogDocument toDocument(CatalogDocumentRecord record) {
    return new CatalogDocument(
        record.version(),
        record.effectiveFrom(),
        record.description(),
        record.currencies(),
        map(record.usageTypes(), t -> new CatalogDocument.UsageTypeJson(t.id(), t.unitOfMeasure())),
        map(
            record.taxRates(),
            r ->
                new CatalogDocument.TaxRateJson(
                    r.jurisdiction(), r.taxCategory(), r.rate(), r.validFrom(), r.validTo())),
        map(
            record.productOfferings(),
            o ->
                new CatalogDocument.ProductOfferingJson(
                    o.id(),
                    o.name(),
                    o.description(),
                    o.chargeWhileSuspended(),
                    map(o.prices(), CatalogJournal::toPriceJson),
                    map(
                        o.discounts(),
                        d ->
                            new CatalogDocument.DiscountJson(
                                d.id(),
                                d.name(),
                                d.percentage(),
                                d.periods(),
                                d.appliesTo(),
                                d.glCode())))),
        record.correction() == null
            ? null
            : new CatalogDocument.CorrectionJson(
                record.correction().effectiveUntil(), record.correction().reason()));
  }

  private static CatalogDocument.PriceJson toPriceJson(CatalogDocumentRecord.Price price) {
    return new CatalogDocument.PriceJson(
        price.id(),
        price.name(),
        price.priceType(),
        price.recurringChargePeriodType(),
        price.trigger(),
        price.price(),
        price.usageType(),
        price.increment(),
        price.minimum(),
        price.unitSize(),
        price.zones(),
        map(
            price.timeBands(),
            b ->
                new CatalogDocument.TimeBandJson(
                    b.id(),
                    map(
                        b.windows(),
                        w ->
                            new CatalogDocument.TimeWindowJson(
                                w.days(), w.startTime(), w.endTime())))),
        price.allowance() == null
            ? null
            : new CatalogDocument.AllowanceJson(price.allowance().quantity()),
        map(
            price.rates(),
            r ->
                new CatalogDocument.UsageRateJson(
                    r.zone(),
                    r.timeBand(),
                    map(
                        r.tiers(),
                        t -> new CatalogDocument.TierJson(t.from(), t.upTo(), t.price())))),
        price.taxCategory(),
        price.glCode());
  }

  /** {@code list} mapped, {@code null} (a field the document left out) staying {@code null}. */
  private static <A, B> List<B> map(List<A> list, Function<A, B> f) {
    return list == null ? null : list.stream().map(f).toList();
  }
}
