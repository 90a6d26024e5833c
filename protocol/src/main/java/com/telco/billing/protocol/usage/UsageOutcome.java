package com.telco.billing.protocol.usage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.telco.billing.core.rating.RatedUsage;
import com.telco.billing.core.validation.FieldError;
import com.telco.billing.protocol.CborSerializable;
import java.math.BigDecimal;

/**
 * What became of one usage record of a batch (TMF635 usage status where it fits: {@code rated} for
 * accepted records, {@code rejected}, and the billing states {@code duplicate} and {@code
 * suspended}).
 *
 * @param amount the rated amount at scale 6, for accepted records
 * @param reason the reason code, for rejected and suspended records
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UsageOutcome(
    String id,
    String source,
    Status status,
    BigDecimal amount,
    String currency,
    Boolean late,
    String reason,
    String field,
    String message)
    implements CborSerializable {

  /** The outcome kinds. */
  public enum Status {
    /** Rated and persisted in the journal. */
    ACCEPTED,
    /** Already accepted earlier: never charged again. */
    DUPLICATE,
    /** Invalid; nothing recorded. */
    REJECTED,
    /** Held in suspense with a reason until the cause is fixed and it is recycled. */
    SUSPENDED
  }

  public static UsageOutcome accepted(RatedUsage usage) {
    return new UsageOutcome(
        usage.recordId(),
        usage.source(),
        Status.ACCEPTED,
        usage.amount().amount(),
        usage.amount().currency().getCurrencyCode(),
        usage.late(),
        null,
        null,
        null);
  }

  public static UsageOutcome duplicate(String id, String source) {
    return new UsageOutcome(id, source, Status.DUPLICATE, null, null, null, null, null, null);
  }

  public static UsageOutcome rejected(String id, String source, FieldError error) {
    return new UsageOutcome(
        id,
        source,
        Status.REJECTED,
        null,
        null,
        null,
        error.code(),
        error.field(),
        error.message());
  }

  public static UsageOutcome suspended(String id, String source, FieldError reason) {
    return new UsageOutcome(
        id,
        source,
        Status.SUSPENDED,
        null,
        null,
        null,
        reason.code(),
        reason.field(),
        reason.message());
  }
}
