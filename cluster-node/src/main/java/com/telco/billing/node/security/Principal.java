package com.telco.billing.node.security;

import java.util.Set;

/**
 * Who is calling, once their credentials were verified.
 *
 * @param subject the token's {@code sub}, or {@code api-key:<id>} for an API key
 * @param roles what they may do
 * @param apiKeyId the API key they used, null for a bearer token (rate limits apply per key)
 */
public record Principal(String subject, Set<Role> roles, String apiKeyId) {
  public Principal {
    roles = Set.copyOf(roles);
  }

  /** Whether they hold at least one of {@code allowed}. */
  public boolean holdsAnyOf(Set<Role> allowed) {
    for (Role role : roles) {
      if (allowed.contains(role)) {
        return true;
      }
    }
    return false;
  }
}
