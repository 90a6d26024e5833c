package com.telco.billing.protocol;

import com.telco.billing.core.validation.FieldError;
import java.util.Objects;

/**
 * A business refusal by an entity: a stable {@code code} (e.g. {@code account_conflict}), the field
 * it concerns (may be null) and a message for people.
 *
 * <p>Entities answer refusals as {@code StatusReply.error(refusal.encode())}: a plain-text error,
 * which Pekko serializes between nodes without any custom binding. {@link #decode(String)} turns it
 * back into a refusal on the asking side; the HTTP layer maps the code to a status.
 */
public record Refusal(String code, String field, String message) {
  private static final char SEP = '\u001f';

  public Refusal {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  public static Refusal of(FieldError error) {
    return new Refusal(error.code(), error.field(), error.message());
  }

  /** The form carried by {@code StatusReply.error(String)}. */
  public String encode() {
    return code + SEP + (field == null ? "" : field) + SEP + message;
  }

  /**
   * Reads what {@link #encode()} wrote; any other text (a failure not produced by a refusal)
   * becomes a refusal with code {@code internal_error}.
   */
  public static Refusal decode(String text) {
    int first = text.indexOf(SEP);
    int second = first < 0 ? -1 : text.indexOf(SEP, first + 1);
    if (second < 0) {
      return new Refusal("internal_error", null, text);
    }
    String field = text.substring(first + 1, second);
    return new Refusal(
        text.substring(0, first), field.isEmpty() ? null : field, text.substring(second + 1));
  }
}
