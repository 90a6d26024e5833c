package com.telco.billing.protocol;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * The failure that carries a {@link Refusal}: what an entity puts into {@code StatusReply.error}
 * and what a service fails its future with.
 *
 * <p>Pekko serializes the exception of a {@code StatusReply.error(Throwable)} with the serializer
 * bound to its class (the {@code StatusReply} serializer wraps it as a payload): this one is {@link
 * CborSerializable}, so only the refusal travels, as Jackson CBOR. No stack trace is kept or sent.
 */
@JsonAutoDetect(
    getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE,
    fieldVisibility = JsonAutoDetect.Visibility.NONE)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class RefusedException extends RuntimeException implements CborSerializable {
  private static final long serialVersionUID = 1L;

  private final Refusal refusal;

  @JsonCreator
  public RefusedException(@JsonProperty("refusal") Refusal refusal) {
    super(refusal.wireCode() + ": " + refusal.message(), null, false, false);
    this.refusal = Objects.requireNonNull(refusal, "refusal");
  }

  @JsonProperty("refusal")
  public Refusal refusal() {
    return refusal;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RefusedException that && refusal.equals(that.refusal);
  }

  @Override
  public int hashCode() {
    return refusal.hashCode();
  }
}
