package com.telco.billing.core.rating;

import com.telco.billing.core.catalog.UsageCharge;
import com.telco.billing.core.catalog.UsageRate;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link UsageCharge} compiled for rating: zone and band indexes and the tiers of every (zone,
 * band) in every currency of its catalog version, so that selecting a price is two array look-ups
 * (docs/billing-rules.md, "Rating a usage record", steps 2 to 5).
 */
final class ChargePlan {
  final UsageCharge charge;
  final long increment;
  final long minimum;
  final long unitSize;
  final long allowance;
  private final Map<String, Integer> zoneIndex;
  private final BandLookup bandLookup;
  private final String[] bandIds;
  private final TierPlan[][] tiers;

  ChargePlan(UsageCharge charge, List<Currency> currencies) {
    this.charge = charge;
    this.increment = charge.increment();
    this.minimum = charge.minimum();
    this.unitSize = charge.unitSize();
    this.allowance = charge.allowance().quantity();
    List<String> zones = charge.zones();
    this.zoneIndex = zones.isEmpty() ? null : new HashMap<>();
    for (int z = 0; z < zones.size(); z++) {
      zoneIndex.put(zones.get(z), z);
    }
    List<String> bands = charge.bandSchedule().bandIds();
    this.bandLookup = bands.isEmpty() ? null : new BandLookup(charge.bandSchedule());
    this.bandIds = bands.isEmpty() ? new String[] {null} : bands.toArray(new String[0]);
    int zoneCount = Math.max(1, zones.size());
    this.tiers = new TierPlan[zoneCount * bandIds.length][currencies.size()];
    for (UsageRate rate : charge.rates()) {
      int z = rate.zone() == null ? 0 : zoneIndex.get(rate.zone());
      int b = rate.timeBand() == null ? 0 : bands.indexOf(rate.timeBand());
      for (int c = 0; c < currencies.size(); c++) {
        tiers[z * bandIds.length + b][c] = TierPlan.of(rate, currencies.get(c));
      }
    }
  }

  /** {@code r = max(minimum, ceil(q / increment) * increment)} for {@code ceilQ = ceil(q)}. */
  long round(long ceilQ) {
    if (increment == 1) {
      return Math.max(minimum, ceilQ);
    }
    long steps = ceilQ / increment;
    if (steps * increment != ceilQ) {
      steps++;
    }
    return Math.max(minimum, Math.multiplyExact(steps, increment));
  }

  boolean hasZones() {
    return zoneIndex != null;
  }

  /** The index of the record's zone; 0 for a charge without zones; -1 for an unknown zone. */
  int zoneIndex(String zone) {
    if (zoneIndex == null) {
      return 0;
    }
    Integer z = zone == null ? null : zoneIndex.get(zone);
    return z == null ? -1 : z;
  }

  /** The band index at a local time; 0 for a charge without bands. */
  int bandIndex(int dayIndex, long nanoOfDay) {
    return bandLookup == null ? 0 : bandLookup.bandAt(dayIndex, nanoOfDay);
  }

  /** The band id at an index, null for a charge without bands. */
  String bandId(int bandIndex) {
    return bandIds[bandIndex];
  }

  /** The tiers of (zone, band) in the currency at {@code currencyIndex}; null if none. */
  TierPlan tiers(int zoneIndex, int bandIndex, int currencyIndex) {
    return tiers[zoneIndex * bandIds.length + bandIndex][currencyIndex];
  }
}
