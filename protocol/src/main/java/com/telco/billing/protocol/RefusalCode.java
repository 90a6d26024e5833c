package com.telco.billing.protocol;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every reason the system refuses a request, with its stable wire string (what clients see as an
 * error's {@code code}) and its {@link RefusalKind}.
 *
 * <p>Two codes stand for input refused by the validation rules of {@code billing-core} (their
 * codes, e.g. {@code required} or {@code too_long}, are that module's vocabulary): {@link
 * #VALIDATION_FAILED} lists every problem of an input, {@link #FIELD_RULE} reports the one field
 * that broke a rule. Clients see the rule's own code for these.
 */
public enum RefusalCode {
  // the input's own values
  VALIDATION_FAILED("validation_failed", RefusalKind.INVALID_INPUT),
  FIELD_RULE("field_rule", RefusalKind.INVALID_INPUT),
  REQUIRED("required", RefusalKind.INVALID_INPUT),
  NOT_A_CYCLE_DATE("not_a_cycle_date", RefusalKind.INVALID_INPUT),
  CYCLE_DATE_IN_FUTURE("cycle_date_in_future", RefusalKind.INVALID_INPUT),
  UNKNOWN_OFFERING("unknown_offering", RefusalKind.INVALID_INPUT),
  INVALID_INSTANT("invalid_instant", RefusalKind.INVALID_INPUT),
  INVALID_LIMIT("invalid_limit", RefusalKind.INVALID_INPUT),
  INVALID_CURSOR("invalid_cursor", RefusalKind.INVALID_INPUT),
  INVALID_REASON("invalid_reason", RefusalKind.INVALID_INPUT),
  UNKNOWN_PARAMETER("unknown_parameter", RefusalKind.INVALID_INPUT),
  DUPLICATE_PARAMETER("duplicate_parameter", RefusalKind.INVALID_INPUT),
  UNSUPPORTED_FORMAT("unsupported_format", RefusalKind.INVALID_INPUT),
  EMPTY_BATCH("empty_batch", RefusalKind.INVALID_INPUT),
  TOO_MANY_RECORDS("too_many_records", RefusalKind.INVALID_INPUT),
  // bodies that are not the JSON the API reads
  EMPTY_BODY("empty_body", RefusalKind.INVALID_INPUT),
  INVALID_BODY("invalid_body", RefusalKind.INVALID_INPUT),
  MALFORMED_JSON("malformed_json", RefusalKind.INVALID_INPUT),
  MALFORMED_NDJSON("malformed_ndjson", RefusalKind.INVALID_INPUT),
  DUPLICATE_FIELD("duplicate_field", RefusalKind.INVALID_INPUT),
  TOO_COMPLEX("too_complex", RefusalKind.INVALID_INPUT),
  UNKNOWN_FIELD("unknown_field", RefusalKind.INVALID_INPUT),
  INVALID_TYPE("invalid_type", RefusalKind.INVALID_INPUT),
  INVALID_VALUE("invalid_value", RefusalKind.INVALID_INPUT),
  // money in and out
  CURRENCY_MISMATCH("currency_mismatch", RefusalKind.INVALID_INPUT),
  AMOUNT_NOT_POSITIVE("amount_not_positive", RefusalKind.INVALID_INPUT),
  AMOUNT_PRECISION("amount_precision", RefusalKind.INVALID_INPUT),
  DATE_IN_FUTURE("date_in_future", RefusalKind.INVALID_INPUT),
  IDEMPOTENCY_KEY_REQUIRED("idempotency_key_required", RefusalKind.INVALID_INPUT),
  IDEMPOTENCY_KEY_INVALID("idempotency_key_invalid", RefusalKind.INVALID_INPUT),
  SIGNATURE_INVALID("signature_invalid", RefusalKind.INVALID_INPUT),
  SIGNATURE_EXPIRED("signature_expired", RefusalKind.INVALID_INPUT),
  PAYLOAD_INVALID("payload_invalid", RefusalKind.INVALID_INPUT),
  UNKNOWN_TAX_CATEGORY("unknown_tax_category", RefusalKind.INVALID_INPUT),

  // names something that does not exist
  ACCOUNT_NOT_FOUND("account_not_found", RefusalKind.NOT_FOUND),
  SUBSCRIPTION_NOT_FOUND("subscription_not_found", RefusalKind.NOT_FOUND),
  BILL_RUN_NOT_FOUND("bill_run_not_found", RefusalKind.NOT_FOUND),
  INVOICE_NOT_FOUND("invoice_not_found", RefusalKind.NOT_FOUND),
  CATALOG_VERSION_NOT_FOUND("catalog_version_not_found", RefusalKind.NOT_FOUND),
  NO_CATALOG_IN_EFFECT("no_catalog_in_effect", RefusalKind.NOT_FOUND),
  SERVICE_NOT_GUIDED("service_not_guided", RefusalKind.NOT_FOUND),
  UNKNOWN_BATCH("unknown_batch", RefusalKind.NOT_FOUND),
  API_KEY_NOT_FOUND("api_key_not_found", RefusalKind.NOT_FOUND),
  DUNNING_HOLD_NOT_FOUND("dunning_hold_not_found", RefusalKind.NOT_FOUND),
  PAYMENT_NOT_FOUND("payment_not_found", RefusalKind.NOT_FOUND),
  DIRECT_DEBIT_NOT_FOUND("direct_debit_not_found", RefusalKind.NOT_FOUND),
  DIRECT_DEBIT_FILE_NOT_FOUND("direct_debit_file_not_found", RefusalKind.NOT_FOUND),
  DUNNING_POLICY_NOT_FOUND("dunning_policy_not_found", RefusalKind.NOT_FOUND),
  NOTIFICATION_SUBSCRIPTION_NOT_FOUND("notification_subscription_not_found", RefusalKind.NOT_FOUND),
  NOTIFICATION_DELIVERY_NOT_FOUND("notification_delivery_not_found", RefusalKind.NOT_FOUND),
  LETTER_NOT_FOUND("letter_not_found", RefusalKind.NOT_FOUND),
  CREDIT_NOTE_NOT_FOUND("credit_note_not_found", RefusalKind.NOT_FOUND),
  DISPUTE_NOT_FOUND("dispute_not_found", RefusalKind.NOT_FOUND),

  // who is calling
  UNAUTHENTICATED("unauthenticated", RefusalKind.UNAUTHENTICATED),
  FORBIDDEN("forbidden", RefusalKind.FORBIDDEN),

  // accounts and bill periods
  ACCOUNT_CONFLICT("account_conflict", RefusalKind.CONFLICT),
  ACCOUNT_ID_MISMATCH("account_id_mismatch", RefusalKind.CONFLICT),
  PERIOD_NOT_ENDED("period_not_ended", RefusalKind.CONFLICT),
  PERIOD_ALREADY_INVOICED("period_already_invoiced", RefusalKind.CONFLICT),
  PERIOD_SKIPPED("period_skipped", RefusalKind.CONFLICT),
  // subscriptions and guiding (billing-core's SubscriptionRefusals)
  SUBSCRIPTION_ALREADY_ACTIVATED("subscription_already_activated", RefusalKind.CONFLICT),
  SERVICE_IN_USE("service_in_use", RefusalKind.CONFLICT),
  DATE_BEFORE_ACTIVATION("date_before_activation", RefusalKind.CONFLICT),
  DATE_BEFORE_LAST_CHANGE("date_before_last_change", RefusalKind.CONFLICT),
  SUBSCRIPTION_TERMINATED("subscription_terminated", RefusalKind.CONFLICT),
  ALREADY_SUSPENDED("already_suspended", RefusalKind.CONFLICT),
  NOT_SUSPENDED("not_suspended", RefusalKind.CONFLICT),
  SAME_OFFERING("same_offering", RefusalKind.CONFLICT),
  CLAIM_CONFLICT("claim_conflict", RefusalKind.CONFLICT),
  SERVICE_NOT_HELD("service_not_held", RefusalKind.CONFLICT),
  ALREADY_RELEASED("already_released", RefusalKind.CONFLICT),
  RELEASE_BEFORE_CLAIM("release_before_claim", RefusalKind.CONFLICT),
  // catalog publication (billing-core's CatalogErrors)
  VERSION_EXISTS("version_exists", RefusalKind.CONFLICT),
  EFFECTIVE_IN_PAST("effective_in_past", RefusalKind.CONFLICT),
  EFFECTIVE_NOT_AFTER_LATEST("effective_not_after_latest", RefusalKind.CONFLICT),
  CORRECTION_NOT_PAST("correction_not_past", RefusalKind.CONFLICT),
  CORRECTION_WITHOUT_VERSION("correction_without_version", RefusalKind.CONFLICT),
  CORRECTION_NOT_PRICES_ONLY("correction_not_prices_only", RefusalKind.CONFLICT),
  // usage intake
  BATCH_NOT_PARKED("batch_not_parked", RefusalKind.CONFLICT),
  // API keys
  API_KEY_CHANGED("api_key_changed", RefusalKind.CONFLICT),
  REFUND_EXCEEDS_PAYMENT("refund_exceeds_payment", RefusalKind.CONFLICT),
  IDEMPOTENCY_KEY_REUSED("idempotency_key_reused", RefusalKind.CONFLICT),
  DIRECT_DEBIT_NOT_OFFERED("direct_debit_not_offered", RefusalKind.CONFLICT),
  // credit notes
  LINE_NOT_FOUND("line_not_found", RefusalKind.INVALID_INPUT),
  LINE_NOT_CREDITABLE("line_not_creditable", RefusalKind.CONFLICT),
  CREDIT_EXCEEDS_LINE("credit_exceeds_line", RefusalKind.CONFLICT),
  CREDIT_EXCEEDS_INVOICE("credit_exceeds_invoice", RefusalKind.CONFLICT),
  REFUND_NOT_POSSIBLE("refund_not_possible", RefusalKind.CONFLICT),
  CREDIT_NOTE_IN_PROGRESS("credit_note_in_progress", RefusalKind.CONFLICT),
  // disputes and write-offs
  DISPUTE_EXCEEDS_REMAINING("dispute_exceeds_remaining", RefusalKind.CONFLICT),
  DISPUTE_RESOLVED("dispute_resolved", RefusalKind.CONFLICT),
  INVOICE_NOT_OPEN("invoice_not_open", RefusalKind.CONFLICT),
  // dunning policies
  POLICY_SCOPE_CONFLICT("policy_scope_conflict", RefusalKind.CONFLICT),
  // re-rating jobs
  INVALID_RANGE("invalid_range", RefusalKind.INVALID_INPUT),
  RERATING_JOB_NOT_FOUND("rerating_job_not_found", RefusalKind.NOT_FOUND),
  ACCOUNT_BUSY("account_busy", RefusalKind.UNAVAILABLE),
  CATALOG_BEHIND("catalog_behind", RefusalKind.UNAVAILABLE),

  OVERLOADED("overloaded", RefusalKind.OVERLOADED),
  RATE_LIMITED("rate_limited", RefusalKind.OVERLOADED),
  TIMEOUT("timeout", RefusalKind.UNAVAILABLE),
  GATEWAY_UNAVAILABLE("gateway_unavailable", RefusalKind.UNAVAILABLE),
  INTAKE_UNAVAILABLE("intake_unavailable", RefusalKind.UNAVAILABLE),
  CREDENTIALS_UNAVAILABLE("credentials_unavailable", RefusalKind.UNAVAILABLE),
  INTERNAL_ERROR("internal_error", RefusalKind.INTERNAL);

  private static final Map<String, RefusalCode> BY_WIRE =
      Arrays.stream(values()).collect(Collectors.toMap(RefusalCode::wire, Function.identity()));

  private final String wire;
  private final RefusalKind kind;

  RefusalCode(String wire, RefusalKind kind) {
    this.wire = wire;
    this.kind = kind;
  }

  /** The stable code clients see, e.g. {@code account_conflict}. */
  public String wire() {
    return wire;
  }

  public RefusalKind kind() {
    return kind;
  }

  /** The code whose wire string is {@code wire}, if there is one. */
  public static Optional<RefusalCode> lookup(String wire) {
    return Optional.ofNullable(BY_WIRE.get(wire));
  }

  /**
   * The code of a refusal {@code billing-core} decided (a {@code Decision.Refused}, a catalog
   * publication rule, an invoicing refusal).
   *
   * @throws IllegalArgumentException for a code this enum does not know: a new rule needs its
   *     constant here
   */
  public static RefusalCode of(String wire) {
    return lookup(wire).orElseThrow(() -> new IllegalArgumentException("no refusal code " + wire));
  }
}
