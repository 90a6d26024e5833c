package com.telco.billing.core.rating;

import com.telco.billing.core.subscription.ServiceId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A validated usage record (TMF635 usage, as a mediation feed sends it), ready to be rated. Built
 * after the {@link UsageRecordRules}, or directly when replaying records that were accepted before
 * (re-rating does not check their age again).
 *
 * <p>docs/billing-rules.md, "Records that are refused or held": a record's {@code id} is scoped by
 * its {@code source}; the pair identifies it for duplicate detection. "Rating a usage record": the
 * record names a service ({@code serviceId}) that guiding matches to a subscription at {@code
 * usageDate}; {@code quantity} is converted to the usage type's base unit by {@code unit}.
 *
 * @param id the record's id within its source
 * @param source the mediation feed that sent it
 * @param serviceId the service the usage was on (e.g. an MSISDN)
 * @param usageType the usage type id (e.g. {@code VOICE}), checked against the catalog by rating
 * @param usageDate the start of the event
 * @param quantity the quantity in {@code unit}, {@code >= 0}, at most {@link #MAX_BASE_QUANTITY}
 *     base units
 * @param unit the unit of {@code quantity}
 * @param attributes further attributes (e.g. {@code zone}, {@code destination}); never null
 * @param subscriptionId the subscription the feed names, or {@code null} to guide by {@code
 *     serviceId} alone
 */
public record UsageRecord(
    String id,
    String source,
    ServiceId serviceId,
    String usageType,
    Instant usageDate,
    BigDecimal quantity,
    UsageUnit unit,
    Map<String, String> attributes,
    String subscriptionId) {

  /**
   * The attribute that names the zone (destination or roaming zone) a charge's price depends on.
   */
  public static final String ZONE_ATTRIBUTE = "zone";

  /**
   * The largest quantity of one record, in base units (10^15: about 31 million years of seconds or
   * a petabyte), so that cumulative counters stay exact in a {@code long}.
   */
  public static final BigDecimal MAX_BASE_QUANTITY = BigDecimal.TEN.pow(15);

  public UsageRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(serviceId, "serviceId");
    Objects.requireNonNull(usageType, "usageType");
    Objects.requireNonNull(usageDate, "usageDate");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(unit, "unit");
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    if (quantity.signum() < 0) {
      throw new IllegalArgumentException("negative quantity: " + quantity);
    }
    if (unit.toBase(quantity).compareTo(MAX_BASE_QUANTITY) > 0) {
      throw new IllegalArgumentException("quantity above " + MAX_BASE_QUANTITY + ": " + quantity);
    }
  }

  /** The quantity in the usage type's base unit, exactly. */
  public BigDecimal baseQuantity() {
    return unit.toBase(quantity);
  }

  /** {@code ceil} of the quantity in base units. */
  public long ceilBaseQuantity() {
    return unit.ceilToBase(quantity);
  }

  /** The {@value #ZONE_ATTRIBUTE} attribute, or {@code null} when absent. */
  public String zone() {
    return attributes.get(ZONE_ATTRIBUTE);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UsageRecord other
        && id.equals(other.id)
        && source.equals(other.source)
        && serviceId.equals(other.serviceId)
        && usageType.equals(other.usageType)
        && usageDate.equals(other.usageDate)
        && quantity.compareTo(other.quantity) == 0
        && unit == other.unit
        && attributes.equals(other.attributes)
        && Objects.equals(subscriptionId, other.subscriptionId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        id,
        source,
        serviceId,
        usageType,
        usageDate,
        quantity.signum() == 0 ? BigDecimal.ZERO : quantity.stripTrailingZeros(),
        unit,
        attributes,
        subscriptionId);
  }
}
