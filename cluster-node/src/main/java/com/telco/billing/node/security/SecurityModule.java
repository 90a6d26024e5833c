package com.telco.billing.node.security;

import com.telco.billing.node.BillingSettings;
import java.time.Clock;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Authentication of callers: the token verifier, the API key store and the authenticator. */
public final class SecurityModule {
  private static final Logger log = LoggerFactory.getLogger(SecurityModule.class);

  private final ApiKeys apiKeys;
  private final Authenticator authenticator;
  private final ClientRateLimiter rateLimiter;

  private SecurityModule(
      ApiKeys apiKeys, Authenticator authenticator, ClientRateLimiter rateLimiter) {
    this.apiKeys = apiKeys;
    this.authenticator = authenticator;
    this.rateLimiter = rateLimiter;
  }

  public static SecurityModule init(ActorSystem<?> system, BillingSettings settings, Clock clock) {
    SecuritySettings security = settings.security();
    TokenVerifier tokens = null;
    if (security.jwt().enabled()) {
      tokens = TokenVerifier.from(security.jwt(), clock);
    } else {
      log.warn(
          "no token issuer configured (billing.security.jwt): bearer tokens are refused, only API"
              + " keys are accepted");
    }
    ApiKeys apiKeys =
        new ApiKeys(
            new ApiKeyStore(system, settings.cassandra().keyspace()), security.apiKeys(), clock);
    Executor blocking = system.dispatchers().lookup(DispatcherSelector.blocking());
    ClientRateLimiter limiter =
        security.rateLimit().enabled() ? new ClientRateLimiter(security.rateLimit()) : null;
    return new SecurityModule(apiKeys, new Authenticator(tokens, apiKeys, blocking), limiter);
  }

  public ApiKeys apiKeys() {
    return apiKeys;
  }

  public Authenticator authenticator() {
    return authenticator;
  }

  /** The per-API-key rate limiter, null when rate limiting is off. */
  public ClientRateLimiter rateLimiter() {
    return rateLimiter;
  }
}
