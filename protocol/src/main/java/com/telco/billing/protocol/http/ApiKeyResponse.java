package com.telco.billing.protocol.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * An API key as {@code /admin/api-keys} shows it. The secret is shown once, in the answer that
 * creates or rotates the key ({@code secret}, to be sent as {@code Authorization: ApiKey
 * <id>.<secret>}); the node keeps only its hash.
 *
 * @param previousSecretValidUntil after a rotation, until when the replaced secret still works
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiKeyResponse(
    String id,
    String name,
    List<String> roles,
    Instant createdAt,
    String createdBy,
    Instant expiresAt,
    Instant rotatedAt,
    Instant previousSecretValidUntil,
    String secret) {
  /** Without the secret. */
  @Override
  public String toString() {
    return "ApiKeyResponse[" + id + ", " + name + ", " + roles + ", expires " + expiresAt + "]";
  }
}
