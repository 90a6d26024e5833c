package com.telco.billing.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Events and their delivery: every event is shaped like Stripe's {@code Event}, kept, and POSTed to
 * every registered endpoint that wants its type, signed with that endpoint's secret ({@code
 * Stripe-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, t + "." + body)>}). A delivery that is not
 * answered 2xx is repeated after a growing pause until it is, or until the sandbox stops. Each
 * event is delivered on its own, so endpoints may see events out of order, as with Stripe.
 */
final class Webhooks {
  /** The API version Stripe's Java library of this build pins; its event parser checks it. */
  static final String API_VERSION = "2025-08-27.basil";

  private static final Logger log = Logger.getLogger(Webhooks.class.getName());

  private final SandboxSettings settings;
  private final ScheduledExecutorService scheduler;
  private final Clock clock;
  private final HttpClient client;
  private final List<WebhookEndpoint> endpoints = new CopyOnWriteArrayList<>();
  private final Map<String, SandboxEvent> events = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong();
  private volatile boolean closed;

  Webhooks(SandboxSettings settings, ScheduledExecutorService scheduler, Clock clock) {
    this.settings = settings;
    this.scheduler = scheduler;
    this.clock = clock;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(settings.webhookTimeout())
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  WebhookEndpoint addEndpoint(String url, String secret, List<String> enabledEvents) {
    URI.create(url);
    WebhookEndpoint endpoint = new WebhookEndpoint(Json.id("we_"), url, secret, enabledEvents);
    endpoints.add(endpoint);
    return endpoint;
  }

  List<WebhookEndpoint> endpoints() {
    return List.copyOf(endpoints);
  }

  /**
   * Records an event and starts delivering it.
   *
   * @param object the {@code data.object} (a snapshot: later changes do not reach it)
   * @param requestId the API request that caused it; null for automatic events
   */
  SandboxEvent publish(String type, JsonNode object, String requestId, String idempotencyKey) {
    List<WebhookEndpoint> targets = endpoints.stream().filter(e -> e.wants(type)).toList();
    ObjectNode event = Json.object();
    String id = Json.id("evt_");
    event.put("id", id);
    event.put("object", "event");
    event.put("api_version", API_VERSION);
    event.put("created", clock.instant().getEpochSecond());
    ObjectNode data = event.putObject("data");
    data.set("object", object.deepCopy());
    event.put("livemode", false);
    event.put("pending_webhooks", targets.size());
    ObjectNode request = event.putObject("request");
    if (requestId == null) {
      request.putNull("id");
      request.putNull("idempotency_key");
    } else {
      request.put("id", requestId);
      request.put("idempotency_key", idempotencyKey);
    }
    event.put("type", type);
    SandboxEvent stored = new SandboxEvent(sequence.incrementAndGet(), id, type, Json.write(event));
    events.put(id, stored);
    for (WebhookEndpoint endpoint : targets) {
      deliver(stored, endpoint, 1);
    }
    return stored;
  }

  /** Delivers a recorded event again to every endpoint that wants it (a duplicate delivery). */
  Optional<SandboxEvent> resend(String eventId) {
    SandboxEvent stored = events.get(eventId);
    if (stored != null) {
      endpoints.stream().filter(e -> e.wants(stored.type())).forEach(e -> deliver(stored, e, 1));
    }
    return Optional.ofNullable(stored);
  }

  /** Every event so far, oldest first. */
  List<SandboxEvent> events() {
    List<SandboxEvent> all = new ArrayList<>(events.values());
    all.sort((a, b) -> Long.compare(a.sequence(), b.sequence()));
    return all;
  }

  private void deliver(SandboxEvent event, WebhookEndpoint endpoint, int attempt) {
    if (closed) {
      return;
    }
    HttpRequest request;
    try {
      request =
          HttpRequest.newBuilder(URI.create(endpoint.url()))
              .timeout(settings.webhookTimeout())
              .header("Content-Type", "application/json; charset=utf-8")
              .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
              .header(
                  "Stripe-Signature",
                  signatureHeader(
                      endpoint.secret(), clock.instant().getEpochSecond(), event.payload()))
              .POST(HttpRequest.BodyPublishers.ofString(event.payload(), StandardCharsets.UTF_8))
              .build();
    } catch (IllegalArgumentException e) {
      log.log(Level.WARNING, "webhook endpoint " + endpoint.url() + " is not a usable URL", e);
      return;
    }
    client
        .sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .whenComplete(
            (response, failure) -> {
              if (failure == null && response.statusCode() / 100 == 2) {
                return;
              }
              if (closed) {
                return;
              }
              Duration pause = pauseBefore(attempt + 1);
              log.fine(
                  () ->
                      "webhook "
                          + event.id()
                          + " to "
                          + endpoint.url()
                          + " not acknowledged ("
                          + (failure == null ? "HTTP " + response.statusCode() : failure)
                          + "); attempt "
                          + (attempt + 1)
                          + " in "
                          + pause);
              scheduler.schedule(
                  () -> deliver(event, endpoint, attempt + 1),
                  pause.toMillis(),
                  TimeUnit.MILLISECONDS);
            });
  }

  private Duration pauseBefore(int attempt) {
    Duration pause = settings.webhookFirstRetry();
    for (int i = 2; i < attempt && pause.compareTo(settings.webhookMaxRetry()) < 0; i++) {
      pause = pause.multipliedBy(2);
    }
    return pause.compareTo(settings.webhookMaxRetry()) > 0 ? settings.webhookMaxRetry() : pause;
  }

  /** {@code t=<unix>,v1=<hex HMAC-SHA256(secret, t + "." + payload)>}, as Stripe signs. */
  static String signatureHeader(String secret, long timestamp, String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
      return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  void close() {
    closed = true;
  }
}
