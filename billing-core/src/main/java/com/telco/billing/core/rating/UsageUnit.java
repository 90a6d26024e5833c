package com.telco.billing.core.rating;

import com.telco.billing.core.catalog.UnitOfMeasure;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The units a usage record's quantity may be given in, each an exact multiple of one catalog base
 * unit ({@link UnitOfMeasure}). docs/billing-rules.md, "Rating a usage record": the quantity {@code
 * q} is in the usage type's base unit (seconds, bytes, events); a record in another unit of the
 * same kind is converted exactly ({@link #toBase}), never through floating point.
 *
 * <p>Spellings are case-sensitive. Byte multiples follow the standards: {@code kB}/{@code KB},
 * {@code MB}, {@code GB} are decimal (1000, 10^6, 10^9 bytes) and {@code KiB}, {@code MiB}, {@code
 * GiB} binary (1024, 2^20, 2^30 bytes). Milliseconds give fractional seconds, which rating rounds
 * up with the charge's increment.
 */
public enum UsageUnit {
  /** One second; the base unit of {@link UnitOfMeasure#SECOND}. */
  SECOND(UnitOfMeasure.SECOND, "1", "s", "sec", "second", "seconds", "SECOND"),
  /** A thousandth of a second. */
  MILLISECOND(UnitOfMeasure.SECOND, "0.001", "ms", "millisecond", "milliseconds"),
  /** 60 seconds. */
  MINUTE(UnitOfMeasure.SECOND, "60", "min", "minute", "minutes", "MINUTE"),
  /** One event (message, session, ...); the base unit of {@link UnitOfMeasure#EVENT}. */
  EVENT(UnitOfMeasure.EVENT, "1", "event", "events", "EVENT"),
  /** One byte; the base unit of {@link UnitOfMeasure#BYTE}. */
  BYTE(UnitOfMeasure.BYTE, "1", "B", "byte", "bytes", "BYTE"),
  /** 1000 bytes. */
  KILOBYTE(UnitOfMeasure.BYTE, "1000", "kB", "KB"),
  /** 10^6 bytes. */
  MEGABYTE(UnitOfMeasure.BYTE, "1000000", "MB"),
  /** 10^9 bytes. */
  GIGABYTE(UnitOfMeasure.BYTE, "1000000000", "GB"),
  /** 1024 bytes. */
  KIBIBYTE(UnitOfMeasure.BYTE, "1024", "KiB"),
  /** 2^20 bytes. */
  MEBIBYTE(UnitOfMeasure.BYTE, "1048576", "MiB"),
  /** 2^30 bytes. */
  GIBIBYTE(UnitOfMeasure.BYTE, "1073741824", "GiB");

  private static final Map<String, UsageUnit> BY_SPELLING = new HashMap<>();

  static {
    for (UsageUnit unit : values()) {
      for (String spelling : unit.spellings) {
        BY_SPELLING.put(spelling, unit);
      }
    }
  }

  private final UnitOfMeasure base;
  private final BigDecimal factor;
  private final long integralFactor;
  private final List<String> spellings;

  UsageUnit(UnitOfMeasure base, String factor, String... spellings) {
    this.base = base;
    this.factor = new BigDecimal(factor);
    this.integralFactor = this.factor.scale() <= 0 ? this.factor.longValueExact() : 0;
    this.spellings = List.of(spellings);
  }

  /** The unit a usage record names, e.g. {@code "sec"} or {@code "MiB"}; empty if unknown. */
  public static Optional<UsageUnit> parse(String spelling) {
    return Optional.ofNullable(spelling == null ? null : BY_SPELLING.get(spelling.strip()));
  }

  /** The catalog base unit this unit is a multiple of. */
  public UnitOfMeasure base() {
    return base;
  }

  /** How many base units one of this unit is, exactly. */
  public BigDecimal factor() {
    return factor;
  }

  /** The accepted spellings, the first being the preferred one. */
  public List<String> spellings() {
    return spellings;
  }

  /** {@code quantity} of this unit in base units, exactly. */
  public BigDecimal toBase(BigDecimal quantity) {
    return integralFactor == 1 ? quantity : quantity.multiply(factor);
  }

  /**
   * {@code ceil(quantity in base units)}: the only form of the quantity rating needs, since for an
   * integer increment {@code ceil(q / increment) = ceil(ceil(q) / increment)}.
   *
   * @throws ArithmeticException if the result does not fit a {@code long}
   */
  public long ceilToBase(BigDecimal quantity) {
    if (integralFactor != 0 && quantity.scale() == 0 && quantity.precision() <= 18) {
      return Math.multiplyExact(quantity.longValue(), integralFactor);
    }
    return toBase(quantity).setScale(0, RoundingMode.CEILING).longValueExact();
  }
}
