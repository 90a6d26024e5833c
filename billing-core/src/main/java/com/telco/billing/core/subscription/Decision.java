package com.telco.billing.core.subscription;

import com.telco.billing.core.validation.FieldError;
import java.util.Objects;

/**
 * The answer of a lifecycle or guiding rule to a command: {@link Applied} (a new state, to be
 * persisted as an event), {@link AlreadyApplied} (an exact repeat: idempotent, nothing to persist)
 * or {@link Refused} (a business rule said no, with a stable code; see {@link
 * SubscriptionRefusals}).
 *
 * @param <T> the state the rule works on
 */
public sealed interface Decision<T>
    permits Decision.Applied, Decision.AlreadyApplied, Decision.Refused {

  /** The command is accepted; {@code state} is the state after it. */
  record Applied<T>(T state) implements Decision<T> {
    public Applied {
      Objects.requireNonNull(state, "state");
    }
  }

  /** The command repeats one already applied; {@code state} is the unchanged current state. */
  record AlreadyApplied<T>(T state) implements Decision<T> {
    public AlreadyApplied {
      Objects.requireNonNull(state, "state");
    }
  }

  /**
   * The command is refused by the rule named by {@code code}.
   *
   * @param code stable, machine-readable (e.g. {@code subscription_terminated})
   * @param field the input field concerned, or null
   * @param message for people, naming the conflicting fact
   */
  record Refused<T>(String code, String field, String message) implements Decision<T> {
    public Refused {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(message, "message");
    }

    /** The same refusal as a {@link FieldError}. */
    public FieldError toFieldError() {
      return new FieldError(code, field, message);
    }
  }

  static <T> Decision<T> refused(String code, String field, String message) {
    return new Refused<>(code, field, message);
  }
}
