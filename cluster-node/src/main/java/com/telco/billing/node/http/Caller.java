package com.telco.billing.node.http;

import com.telco.billing.node.security.Principal;
import com.telco.billing.protocol.Origin;

/**
 * Who made a request, as a route hands it to a service: the verified principal (null for a public
 * endpoint) and the request's id ({@code X-Request-Id}).
 */
public record Caller(Principal principal, String requestId) {
  /** The subject, or {@code anonymous} on a public endpoint. */
  public String subject() {
    return principal == null ? "anonymous" : principal.subject();
  }

  /** Who asked and the request id, as the events the request causes record them. */
  public Origin origin() {
    return new Origin(subject(), requestId);
  }
}
