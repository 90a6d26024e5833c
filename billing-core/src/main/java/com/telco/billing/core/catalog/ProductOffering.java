package com.telco.billing.core.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A product offering of a catalog version: its charges by kind, its discounts, and whether it is
 * charged while suspended.
 *
 * <p>docs/billing-rules.md, "Catalog": A product offering has: recurring charges (amount per month,
 * billed in advance), one-time charges (billed on the next invoice after the trigger, e.g.
 * activation), usage charges per usage type, discounts, and a tax category per charge. "Recurring
 * and one-time charges; proration": Suspension does not stop recurring charges unless the offering
 * says {@code chargeWhileSuspended: false}. There is at most one usage charge per usage type.
 *
 * @param id the offering id, unique in its catalog version
 * @param name the offering's name
 * @param description a longer description, or {@code null}
 * @param chargeWhileSuspended whether recurring charges continue during a suspension
 * @param recurringCharges the recurring charges
 * @param oneTimeCharges the one-time charges
 * @param usageCharges the usage charges, at most one per usage type
 * @param discounts the discounts, each on one of {@code recurringCharges}
 */
public record ProductOffering(
    String id,
    String name,
    String description,
    boolean chargeWhileSuspended,
    List<RecurringCharge> recurringCharges,
    List<OneTimeCharge> oneTimeCharges,
    List<UsageCharge> usageCharges,
    List<Discount> discounts) {
  public ProductOffering {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    recurringCharges = List.copyOf(recurringCharges);
    oneTimeCharges = List.copyOf(oneTimeCharges);
    usageCharges = List.copyOf(usageCharges);
    discounts = List.copyOf(discounts);
    if (usageCharges.stream().map(UsageCharge::usageType).distinct().count()
        != usageCharges.size()) {
      throw new IllegalArgumentException("two usage charges for one usage type in " + id);
    }
    for (Discount d : discounts) {
      if (recurringCharges.stream().noneMatch(c -> c.id().equals(d.appliesTo()))) {
        throw new IllegalArgumentException(
            "discount " + d.id() + " applies to unknown recurring charge " + d.appliesTo());
      }
    }
  }

  /** The usage charge for a usage type, if the offering rates it. */
  public Optional<UsageCharge> usageChargeFor(String usageTypeId) {
    return usageCharges.stream().filter(c -> c.usageType().equals(usageTypeId)).findFirst();
  }

  /** The one-time charges due on a trigger. */
  public List<OneTimeCharge> oneTimeChargesOn(OneTimeTrigger trigger) {
    return oneTimeCharges.stream().filter(c -> c.trigger() == trigger).toList();
  }

  /** The discounts on one recurring charge. */
  public List<Discount> discountsOn(String recurringChargeId) {
    return discounts.stream().filter(d -> d.appliesTo().equals(recurringChargeId)).toList();
  }
}
