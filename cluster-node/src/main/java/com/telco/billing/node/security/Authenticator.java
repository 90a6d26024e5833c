package com.telco.billing.node.security;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Turns an {@code Authorization} header into the caller: {@code Bearer <JWT>} for people and
 * services with an identity provider, {@code ApiKey <id>.<secret>} for machine clients.
 */
public final class Authenticator {
  /** The schemes this node accepts, for {@code WWW-Authenticate}. */
  public static final String BEARER = "Bearer";

  public static final String API_KEY = "ApiKey";

  private final TokenVerifier tokens;
  private final ApiKeys apiKeys;
  private final Executor blocking;

  /**
   * @param tokens null when no token issuer is configured: bearer tokens are then refused
   * @param blocking where tokens are verified when that may fetch the issuer's keys
   */
  public Authenticator(TokenVerifier tokens, ApiKeys apiKeys, Executor blocking) {
    this.tokens = tokens;
    this.apiKeys = apiKeys;
    this.blocking = blocking;
  }

  /**
   * The caller of a request.
   *
   * @param authorization the {@code Authorization} header's value, null when there is none
   * @return a stage failed with {@link AuthenticationFailure} when the credentials are missing or
   *     not valid
   */
  public CompletionStage<Principal> authenticate(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      return failed("credentials are required: Authorization: Bearer <token> or ApiKey <key>");
    }
    int space = authorization.indexOf(' ');
    String scheme = space < 0 ? authorization : authorization.substring(0, space);
    String credential = space < 0 ? "" : authorization.substring(space + 1).strip();
    if (credential.isEmpty()) {
      // the scheme is not named: a credential sent without a scheme would be echoed
      return failed("send Authorization: Bearer <token> or ApiKey <id>.<secret>");
    }
    if (scheme.equalsIgnoreCase(BEARER)) {
      if (tokens == null) {
        return failed("this node accepts no bearer tokens");
      }
      Principal known = tokens.verified(credential);
      if (known != null) {
        return CompletableFuture.completedFuture(known);
      }
      if (tokens.fetchesKeys()) {
        return CompletableFuture.supplyAsync(() -> tokens.verify(credential), blocking);
      }
      try {
        return CompletableFuture.completedFuture(tokens.verify(credential));
      } catch (AuthenticationFailure | KeysUnavailable e) {
        return CompletableFuture.failedFuture(e);
      }
    }
    if (scheme.equalsIgnoreCase(API_KEY)) {
      return apiKeys.verify(credential);
    }
    return failed("unsupported authorization scheme; use Bearer or ApiKey");
  }

  private static CompletionStage<Principal> failed(String message) {
    return CompletableFuture.failedFuture(new AuthenticationFailure(message));
  }
}
