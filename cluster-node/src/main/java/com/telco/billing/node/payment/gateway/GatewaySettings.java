package com.telco.billing.node.payment.gateway;

import com.telco.billing.node.ConfigChecks;
import com.typesafe.config.Config;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * {@code billing.payments.gateway}: where the card gateway is and how the node talks to it.
 *
 * @param baseUrl the gateway's API base, e.g. {@code https://api.stripe.com} or the sandbox's URL
 * @param secretKey the API key ({@code Authorization: Bearer})
 * @param webhookSecret the signing secret of the gateway's webhooks ({@code Stripe-Signature})
 * @param connectTimeout the longest wait for a connection
 * @param readTimeout the longest wait for an answer; a try that exceeds it is retried with the same
 *     idempotency key
 * @param attempts tries per call (at least 1), all with the same idempotency key
 * @param retryBackoff the pause before the second try; it doubles for every further try
 * @param parallelism calls in flight at once; they block a thread of the gateway's own pool each
 * @param maxQueued calls waiting for a thread; beyond, a call is answered {@code Unknown} (or
 *     {@code overloaded}) at once
 * @param breaker the circuit breaker in front of the gateway
 * @param webhookTolerance how old (or how far ahead) a webhook's signature timestamp may be
 */
public record GatewaySettings(
    String baseUrl,
    String secretKey,
    String webhookSecret,
    Duration connectTimeout,
    Duration readTimeout,
    int attempts,
    Duration retryBackoff,
    int parallelism,
    int maxQueued,
    Breaker breaker,
    Duration webhookTolerance) {

  /**
   * {@code billing.payments.gateway.circuit-breaker}.
   *
   * @param maxFailures consecutive failed tries (no answer, 5xx) that open the circuit
   * @param callTimeout the longest one call (all its tries) may take; then it is answered {@code
   *     Unknown} and counted as a failure
   * @param resetTimeout how long the circuit stays open before one trial call is let through
   */
  public record Breaker(int maxFailures, Duration callTimeout, Duration resetTimeout) {}

  public GatewaySettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(secretKey, "secretKey");
    Objects.requireNonNull(webhookSecret, "webhookSecret");
    Objects.requireNonNull(breaker, "breaker");
  }

  private static final String PATH = "billing.payments.gateway";

  /** Reads {@code billing.payments.gateway}; fails naming the key on a bad value. */
  public static GatewaySettings from(Config config) {
    String baseUrl = config.getString(PATH + ".base-url").replaceAll("/+$", "");
    try {
      URI uri = URI.create(baseUrl);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
        throw new IllegalArgumentException("not http(s)");
      }
    } catch (IllegalArgumentException e) {
      throw ConfigChecks.badValue(PATH + ".base-url", "must be an http(s) URL");
    }
    String secretKey = config.getString(PATH + ".secret-key");
    if (secretKey.isBlank()) {
      throw ConfigChecks.badValue(PATH + ".secret-key", "must not be blank");
    }
    String webhookSecret = config.getString(PATH + ".webhook-secret");
    if (webhookSecret.isBlank()) {
      throw ConfigChecks.badValue(PATH + ".webhook-secret", "must not be blank");
    }
    return new GatewaySettings(
        baseUrl,
        secretKey,
        webhookSecret,
        ConfigChecks.positiveDuration(config, PATH + ".connect-timeout"),
        ConfigChecks.positiveDuration(config, PATH + ".read-timeout"),
        ConfigChecks.intAtLeast(config, PATH + ".attempts", 1),
        ConfigChecks.positiveDuration(config, PATH + ".retry-backoff"),
        ConfigChecks.intAtLeast(config, PATH + ".parallelism", 1),
        ConfigChecks.intAtLeast(config, PATH + ".max-queued", 0),
        new Breaker(
            ConfigChecks.intAtLeast(config, PATH + ".circuit-breaker.max-failures", 1),
            ConfigChecks.positiveDuration(config, PATH + ".circuit-breaker.call-timeout"),
            ConfigChecks.positiveDuration(config, PATH + ".circuit-breaker.reset-timeout")),
        ConfigChecks.positiveDuration(config, PATH + ".webhook-tolerance"));
  }

  /** A copy pointing at another gateway (e.g. a sandbox a test started). */
  public GatewaySettings withGateway(String url, String key, String webhookSigningSecret) {
    return new GatewaySettings(
        url,
        key,
        webhookSigningSecret,
        connectTimeout,
        readTimeout,
        attempts,
        retryBackoff,
        parallelism,
        maxQueued,
        breaker,
        webhookTolerance);
  }

  /** Without the secrets. */
  @Override
  public String toString() {
    return "GatewaySettings[baseUrl="
        + baseUrl
        + ", secretKey=***, webhookSecret=***, connectTimeout="
        + connectTimeout
        + ", readTimeout="
        + readTimeout
        + ", attempts="
        + attempts
        + ", retryBackoff="
        + retryBackoff
        + ", parallelism="
        + parallelism
        + ", maxQueued="
        + maxQueued
        + ", breaker="
        + breaker
        + ", webhookTolerance="
        + webhookTolerance
        + "]";
  }
}
