package com.telco.billing.protocol;

import com.telco.billing.core.validation.FieldError;
import java.util.List;
import java.util.Objects;

/**
 * Why a request is refused: a {@link RefusalCode} and the problems it found, each with its code,
 * the field concerned (may be null) and a message for people.
 *
 * <p>A refusal of one of the codes that are not about validation has exactly one problem, whose
 * code is the refusal code's wire string. {@link RefusalCode#VALIDATION_FAILED} lists every problem
 * of an input, {@link RefusalCode#FIELD_RULE} the one field that broke a rule; their problems carry
 * the codes of {@code billing-core}'s validation rules.
 *
 * <p>Entities answer a refusal as {@code StatusReply.error(new RefusedException(refusal))}; see
 * {@link RefusedException} for how it travels between nodes.
 */
public record Refusal(RefusalCode code, List<FieldError> problems) implements CborSerializable {

  public Refusal {
    Objects.requireNonNull(code, "code");
    problems = List.copyOf(problems);
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a refusal names at least one problem");
    }
    if (!isValidation(code)
        && (problems.size() != 1 || !problems.get(0).code().equals(code.wire()))) {
      throw new IllegalArgumentException(
          code + " carries one problem of its own code, not " + problems);
    }
  }

  /** A refusal of {@code code} about {@code field} (may be null). */
  public static Refusal of(RefusalCode code, String field, String message) {
    return new Refusal(code, List.of(new FieldError(code.wire(), field, message)));
  }

  /**
   * A refusal that {@code billing-core} decided, with one of its stable codes (e.g. a {@code
   * Decision.Refused} as a field error).
   */
  public static Refusal of(FieldError decided) {
    return new Refusal(RefusalCode.of(decided.code()), List.of(decided));
  }

  /** Input refused by the validation rules, every problem listed. */
  public static Refusal invalid(List<FieldError> problems) {
    return new Refusal(RefusalCode.VALIDATION_FAILED, problems);
  }

  /** One field that broke a validation rule; the rule's code is the one clients see. */
  public static Refusal fieldRule(String ruleCode, String field, String message) {
    return new Refusal(RefusalCode.FIELD_RULE, List.of(new FieldError(ruleCode, field, message)));
  }

  /** The first (for most codes the only) problem. */
  public FieldError first() {
    return problems.get(0);
  }

  /** The code clients see: the rule's own code when one problem of validation is reported. */
  public String wireCode() {
    if (code == RefusalCode.VALIDATION_FAILED && problems.size() > 1) {
      return code.wire();
    }
    return first().code();
  }

  public String field() {
    return first().field();
  }

  public String message() {
    return code == RefusalCode.VALIDATION_FAILED && problems.size() > 1
        ? problems.size() + " fields are invalid; see errors"
        : first().message();
  }

  public RefusalKind kind() {
    return code.kind();
  }

  /** This refusal as the failure of a reply or a future. */
  public RefusedException toException() {
    return new RefusedException(this);
  }

  private static boolean isValidation(RefusalCode code) {
    return code == RefusalCode.VALIDATION_FAILED || code == RefusalCode.FIELD_RULE;
  }
}
