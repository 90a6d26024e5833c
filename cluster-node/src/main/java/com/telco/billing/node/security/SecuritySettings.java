package com.telco.billing.node.security;

import com.telco.billing.node.ConfigChecks;
import com.typesafe.config.Config;
import java.time.Duration;

/**
 * {@code billing.security}: how callers are authenticated.
 *
 * @param jwt bearer tokens
 * @param apiKeys API keys of machine clients
 * @param rateLimit requests per API key
 */
public record SecuritySettings(
    JwtSettings jwt, ApiKeySettings apiKeys, RateLimitSettings rateLimit) {

  /**
   * {@code billing.security.jwt}.
   *
   * @param jwksUrl the identity provider's JWK set, or empty
   * @param publicKeyFile a JWK set or PEM public key file, or empty
   * @param issuer the {@code iss} every token must name (empty: tokens are refused)
   * @param audience the {@code aud} every token must include
   * @param rolesClaim the claim that lists role names
   * @param clockSkew tolerance for {@code exp} and {@code nbf}
   * @param cacheSize verified tokens kept in memory
   */
  public record JwtSettings(
      String jwksUrl,
      String publicKeyFile,
      String issuer,
      String audience,
      String rolesClaim,
      Duration clockSkew,
      int cacheSize) {
    /** Whether tokens can be verified at all: a key source and an issuer are configured. */
    public boolean enabled() {
      return (!jwksUrl.isBlank() || !publicKeyFile.isBlank()) && !issuer.isBlank();
    }
  }

  /**
   * {@code billing.security.api-keys}.
   *
   * @param cacheTtl how long a node trusts what it read of a key
   * @param rotationGrace how long the old secret stays valid after a rotation
   * @param defaultLifetime the expiry of a key created without one
   */
  public record ApiKeySettings(
      Duration cacheTtl, Duration rotationGrace, Duration defaultLifetime) {}

  private static boolean isLoopbackHttp(String url) {
    return url.startsWith("http://127.0.0.1:") || url.startsWith("http://127.0.0.1/");
  }

  public static SecuritySettings from(Config config) {
    String jwksUrl = config.getString("billing.security.jwt.jwks-url").trim();
    String keyFile = config.getString("billing.security.jwt.public-key-file").trim();
    if (!jwksUrl.isEmpty() && !keyFile.isEmpty()) {
      throw ConfigChecks.badValue(
          "billing.security.jwt.jwks-url", "set either jwks-url or public-key-file, not both");
    }
    if (!jwksUrl.isEmpty() && !jwksUrl.startsWith("https://") && !isLoopbackHttp(jwksUrl)) {
      // keys fetched in clear could be replaced on the way: only a loopback address may use http
      throw ConfigChecks.badValue(
          "billing.security.jwt.jwks-url", "must be an https URL (http only on 127.0.0.1)");
    }
    String issuer = config.getString("billing.security.jwt.issuer").trim();
    if ((!jwksUrl.isEmpty() || !keyFile.isEmpty()) && issuer.isEmpty()) {
      throw ConfigChecks.badValue(
          "billing.security.jwt.issuer", "must name the token issuer when a key source is set");
    }
    String audience = config.getString("billing.security.jwt.audience").trim();
    if (audience.isEmpty()) {
      throw ConfigChecks.badValue("billing.security.jwt.audience", "must not be empty");
    }
    Duration skew = config.getDuration("billing.security.jwt.clock-skew");
    if (skew.isNegative() || skew.compareTo(Duration.ofMinutes(5)) > 0) {
      throw ConfigChecks.badValue("billing.security.jwt.clock-skew", "must be 0 to 5 minutes");
    }
    return new SecuritySettings(
        new JwtSettings(
            jwksUrl,
            keyFile,
            issuer,
            audience,
            config.getString("billing.security.jwt.roles-claim"),
            skew,
            ConfigChecks.intAtLeast(config, "billing.security.jwt.cache-size", 1)),
        new ApiKeySettings(
            ConfigChecks.positiveDuration(config, "billing.security.api-keys.cache-ttl"),
            ConfigChecks.positiveDuration(config, "billing.security.api-keys.rotation-grace"),
            ConfigChecks.positiveDuration(config, "billing.security.api-keys.default-lifetime")),
        RateLimitSettings.from(config));
  }
}
