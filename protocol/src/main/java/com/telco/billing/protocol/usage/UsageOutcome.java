package com.telco.billing.protocol.usage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.telco.billing.core.rating.RatedUsage;
import com.telco.billing.core.validation.FieldError;
import com.telco.billing.protocol.CborSerializable;
import java.math.BigDecimal;

/**
 * What became of one usage record of a batch (TMF635 usage status where it fits: {@code rated} for
 * accepted records, {@code rejected}, and the billing states {@code duplicate} and {@code
 * suspended}): one record per outcome, with the fields that outcome has.
 *
 * <p>Its JSON is flat, as {@code POST /usage} answers it and as the intake log stores it: {@code
 * id}, {@code source}, {@code status} (the {@link Status} name, which also tells the variant when
 * the JSON is read back), then the variant's fields; absent ids are left out.
 */
@JsonTypeInfo(
    use = JsonTypeInfo.Id.NAME,
    include = JsonTypeInfo.As.EXISTING_PROPERTY,
    property = "status")
@JsonSubTypes({
  @JsonSubTypes.Type(value = UsageOutcome.Accepted.class, name = "ACCEPTED"),
  @JsonSubTypes.Type(value = UsageOutcome.Duplicate.class, name = "DUPLICATE"),
  @JsonSubTypes.Type(value = UsageOutcome.Rejected.class, name = "REJECTED"),
  @JsonSubTypes.Type(value = UsageOutcome.Suspended.class, name = "SUSPENDED")
})
public sealed interface UsageOutcome extends CborSerializable
    permits UsageOutcome.Accepted,
        UsageOutcome.Duplicate,
        UsageOutcome.Rejected,
        UsageOutcome.Suspended {

  /** The record's id as sent; null when the record had no readable id. */
  String id();

  /** The record's source (mediation system) as sent; null when it had none readable. */
  String source();

  /** The outcome kind, as it is written in {@code status}. */
  @JsonProperty("status")
  Status status();

  /** The outcome kinds. */
  enum Status {
    /** Rated and persisted in the journal. */
    ACCEPTED,
    /** Already accepted earlier: never charged again. */
    DUPLICATE,
    /** Invalid; nothing recorded. */
    REJECTED,
    /** Held in suspense with a reason until the cause is fixed and it is recycled. */
    SUSPENDED
  }

  /**
   * Rated and persisted in the journal.
   *
   * @param amount the rated amount at scale 6
   * @param currency its ISO 4217 code
   * @param late whether the record belongs to a period already invoiced (charged on the next
   *     invoice)
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"id", "source", "status", "amount", "currency", "late"})
  record Accepted(String id, String source, BigDecimal amount, String currency, boolean late)
      implements UsageOutcome {
    @Override
    public Status status() {
      return Status.ACCEPTED;
    }
  }

  /** Already accepted earlier: never charged again. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"id", "source", "status"})
  record Duplicate(String id, String source) implements UsageOutcome {
    @Override
    public Status status() {
      return Status.DUPLICATE;
    }
  }

  /**
   * Invalid; nothing recorded.
   *
   * @param reason the stable code of the rule the record broke
   * @param field the record's field at fault, if one is
   * @param message what is wrong; never a value of the record
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"id", "source", "status", "reason", "field", "message"})
  record Rejected(String id, String source, String reason, String field, String message)
      implements UsageOutcome {
    @Override
    public Status status() {
      return Status.REJECTED;
    }
  }

  /**
   * Held in suspense until the cause is fixed and it is recycled.
   *
   * @param reason the stable code of why it cannot be rated yet (e.g. {@code unguided})
   * @param field the record's field that caused it, if one did
   * @param message why; never a value of the record
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"id", "source", "status", "reason", "field", "message"})
  record Suspended(String id, String source, String reason, String field, String message)
      implements UsageOutcome {
    @Override
    public Status status() {
      return Status.SUSPENDED;
    }

    /** The reason as the field error suspense stores. */
    public FieldError asFieldError() {
      return new FieldError(reason, field, message);
    }
  }

  static UsageOutcome accepted(RatedUsage usage) {
    return new Accepted(
        usage.recordId(),
        usage.source(),
        usage.amount().amount(),
        usage.amount().currency().getCurrencyCode(),
        usage.late());
  }

  static UsageOutcome duplicate(String id, String source) {
    return new Duplicate(id, source);
  }

  static UsageOutcome rejected(String id, String source, FieldError error) {
    return new Rejected(id, source, error.code(), error.field(), error.message());
  }

  static UsageOutcome suspended(String id, String source, FieldError reason) {
    return new Suspended(id, source, reason.code(), reason.field(), reason.message());
  }
}
