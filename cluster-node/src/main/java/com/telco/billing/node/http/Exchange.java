package com.telco.billing.node.http;

import com.telco.billing.node.security.Principal;
import java.util.Optional;
import org.apache.pekko.http.javadsl.model.AttributeKey;
import org.apache.pekko.http.javadsl.model.AttributeKeys;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.RemoteAddress;

/**
 * What the edge learns about one request while it is served: its id, the client's address and, once
 * {@link Access} matched it, the endpoint and the verified caller. The audit trail, the access log
 * and the metrics read it after the response.
 */
public final class Exchange {
  static final AttributeKey<Exchange> KEY = AttributeKey.create("billing-exchange", Exchange.class);

  private final String requestId;
  private final String clientAddress;
  private volatile Endpoint endpoint;
  private volatile Principal principal;

  Exchange(String requestId, String clientAddress) {
    this.requestId = requestId;
    this.clientAddress = clientAddress;
  }

  /**
   * The exchange of a request: its own {@code X-Request-Id} when usable, else a new id; the client
   * address is the connection's peer ({@code remote-address-attribute}), never a header a client
   * can write ({@code X-Forwarded-For} and the like are not trusted).
   */
  static Exchange of(HttpRequest request) {
    String id =
        RequestIds.accept(request.getHeader(RequestIds.HEADER).map(h -> h.value()).orElse(null));
    String address =
        request
            .getAttribute(AttributeKeys.remoteAddress)
            .flatMap(RemoteAddress::getAddress)
            .map(a -> a.getHostAddress())
            .orElse("unknown");
    return new Exchange(id, address);
  }

  static Optional<Exchange> in(HttpRequest request) {
    return request.getAttribute(KEY);
  }

  /** The request reached {@code endpoint} (its method and path matched). */
  void reached(Endpoint endpoint) {
    this.endpoint = endpoint;
  }

  /** The caller's credentials were verified. */
  void authenticated(Principal principal) {
    this.principal = principal;
  }

  public String requestId() {
    return requestId;
  }

  public String clientAddress() {
    return clientAddress;
  }

  /** The endpoint the request reached, null when it matched none (or was refused before). */
  public Endpoint endpoint() {
    return endpoint;
  }

  /** The verified caller, null before authentication, when it failed, or on a public endpoint. */
  public Principal principal() {
    return principal;
  }
}
