package com.telco.billing.core.rerating;

import com.telco.billing.core.catalog.Catalog;
import com.telco.billing.core.catalog.UsageCharge;
import com.telco.billing.core.rating.RatedUsage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The adjustment lines of records of invoiced periods whose rating changed (docs/rerating.md,
 * "Invoiced periods"). docs/billing-rules.md, "Corrections": what was billed is never changed; the
 * difference is billed on the next invoice.
 *
 * <p>The changed records are grouped per bill period, subscription, usage type, both catalog
 * versions and both charges, in the order their first record comes in the journal. A group whose
 * two charges have the same tax category and GL code gives one line: {@code HALF_UP(sum(after) -
 * sum(before))} at the currency's minor units. Otherwise (a late plan change between charges taxed
 * differently) the old amounts are credited at the old charge's category and GL code and the new
 * ones charged at the new charge's, each rounded the same way. A line that rounds to zero is left
 * out. Each line names the period, the usage type, the subscription, both versions and the records
 * ({@value #NAMED_RECORDS} at most by id, then their count).
 */
public final class RerateAdjustments {
  /** How many record ids a line's description names. */
  static final int NAMED_RECORDS = 10;

  private RerateAdjustments() {}

  private record GroupKey(
      java.time.LocalDate periodStart,
      String subscriptionId,
      String usageType,
      String versionBefore,
      String versionAfter,
      String offeringBefore,
      String chargeBefore,
      String offeringAfter,
      String chargeAfter) {}

  /**
   * The adjustment lines of {@code changed}.
   *
   * @param idPrefix the prefix of the adjustment ids ({@code <prefix>-1}, {@code <prefix>-2}, ...),
   *     unique per account and re-rating
   * @param jobId the job named on the lines
   * @param catalog the catalog that holds both versions of every record
   * @param minorUnits the account currency's minor units
   */
  public static List<RerateAdjustment> of(
      String idPrefix, String jobId, List<ReratedRecord> changed, Catalog catalog, int minorUnits) {
    Map<GroupKey, List<ReratedRecord>> groups = new LinkedHashMap<>();
    for (ReratedRecord r : changed) {
      RatedUsage b = r.before();
      RatedUsage a = r.after();
      groups
          .computeIfAbsent(
              new GroupKey(
                  b.periodStart(),
                  b.subscriptionId(),
                  b.usageType(),
                  b.catalogVersion(),
                  a.catalogVersion(),
                  b.offeringId(),
                  b.chargeId(),
                  a.offeringId(),
                  a.chargeId()),
              k -> new ArrayList<>())
          .add(r);
    }
    List<RerateAdjustment> lines = new ArrayList<>();
    for (Map.Entry<GroupKey, List<ReratedRecord>> group : groups.entrySet()) {
      GroupKey key = group.getKey();
      List<ReratedRecord> records = group.getValue();
      BigDecimal before = BigDecimal.ZERO;
      BigDecimal after = BigDecimal.ZERO;
      for (ReratedRecord r : records) {
        before = before.add(r.before().amount().amount());
        after = after.add(r.after().amount().amount());
      }
      UsageCharge oldCharge =
          charge(catalog, key.versionBefore(), key.offeringBefore(), key.chargeBefore());
      UsageCharge newCharge =
          charge(catalog, key.versionAfter(), key.offeringAfter(), key.chargeAfter());
      List<String> ids = records.stream().map(r -> r.after().recordId()).toList();
      String what = describe(key, ids, jobId);
      if (oldCharge.taxCategory().equals(newCharge.taxCategory())
          && oldCharge.glCode().equals(newCharge.glCode())) {
        add(lines, idPrefix, key, ids, after.subtract(before), newCharge, what, minorUnits);
      } else {
        add(lines, idPrefix, key, ids, before.negate(), oldCharge, "Credit: " + what, minorUnits);
        add(lines, idPrefix, key, ids, after, newCharge, "Charge: " + what, minorUnits);
      }
    }
    return lines;
  }

  private static void add(
      List<RerateAdjustment> lines,
      String idPrefix,
      GroupKey key,
      List<String> ids,
      BigDecimal difference,
      UsageCharge charge,
      String description,
      int minorUnits) {
    BigDecimal amount = difference.setScale(minorUnits, RoundingMode.HALF_UP);
    if (amount.signum() == 0) {
      return;
    }
    lines.add(
        new RerateAdjustment(
            idPrefix + "-" + (lines.size() + 1),
            key.periodStart(),
            key.subscriptionId(),
            key.usageType(),
            key.versionBefore(),
            key.versionAfter(),
            ids,
            amount,
            charge.taxCategory(),
            charge.glCode(),
            description));
  }

  private static String describe(GroupKey key, List<String> ids, String jobId) {
    String named =
        ids.stream().limit(NAMED_RECORDS).collect(Collectors.joining(", "))
            + (ids.size() > NAMED_RECORDS ? " and " + (ids.size() - NAMED_RECORDS) + " more" : "");
    return "Re-rating of ["
        + key.periodStart()
        + ", "
        + key.periodStart().plusMonths(1)
        + "): "
        + key.usageType()
        + " of subscription "
        + key.subscriptionId()
        + ", catalog "
        + key.versionBefore()
        + " -> "
        + key.versionAfter()
        + " (job "
        + jobId
        + "; "
        + ids.size()
        + (ids.size() == 1 ? " record: " : " records: ")
        + named
        + ")";
  }

  private static UsageCharge charge(
      Catalog catalog, String versionId, String offeringId, String chargeId) {
    return catalog
        .version(versionId)
        .flatMap(v -> v.offering(offeringId))
        .flatMap(o -> o.usageCharges().stream().filter(c -> c.id().equals(chargeId)).findFirst())
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "catalog version "
                        + versionId
                        + " has no usage charge "
                        + chargeId
                        + " in offering "
                        + offeringId));
  }
}
