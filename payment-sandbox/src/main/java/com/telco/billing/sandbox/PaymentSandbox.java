package com.telco.billing.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local card gateway that speaks the subset of Stripe's API the billing node uses, over real
 * HTTP, so that Stripe's own Java library cannot tell it from Stripe:
 *
 * <ul>
 *   <li>{@code POST /v1/payment_intents}, {@code POST /v1/payment_intents/{id}/confirm}, {@code GET
 *       /v1/payment_intents/{id}}, {@code POST /v1/refunds}, {@code GET /v1/refunds/{id}}, {@code
 *       POST /v1/webhook_endpoints}: form-encoded requests, {@code Authorization: Bearer <secret
 *       key>}, {@code Idempotency-Key} (see {@link Idempotency}), answers and errors in Stripe's
 *       shapes and statuses;
 *   <li>{@link TestToken test tokens} with fixed behaviours;
 *   <li>signed webhooks to every registered endpoint, redelivered until answered 2xx;
 *   <li>sandbox-only endpoints, without authentication: {@code GET
 *       /sandbox/captures[?payment_intent=]} (every capture recorded), {@code GET /sandbox/events}
 *       (every event published), {@code POST /sandbox/disputes/{id}/close} ({@code
 *       status=won|lost}), {@code POST /sandbox/events/{id}/resend} (a duplicate delivery).
 * </ul>
 *
 * State lives in memory only. Start with {@link #start(SandboxSettings)}; {@link #close()} stops
 * it.
 */
public final class PaymentSandbox implements AutoCloseable {
  static {
    // without TCP_NODELAY, small answers on a kept-alive connection wait for delayed ACKs (~40 ms)
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private static final Logger log = Logger.getLogger(PaymentSandbox.class.getName());
  private static final Pattern INTENT = Pattern.compile("/v1/payment_intents/([A-Za-z0-9_]+)");
  private static final Pattern CONFIRM =
      Pattern.compile("/v1/payment_intents/([A-Za-z0-9_]+)/confirm");
  private static final Pattern REFUND = Pattern.compile("/v1/refunds/([A-Za-z0-9_]+)");
  private static final Pattern CLOSE_DISPUTE =
      Pattern.compile("/sandbox/disputes/([A-Za-z0-9_]+)/close");
  private static final Pattern RESEND = Pattern.compile("/sandbox/events/([A-Za-z0-9_]+)/resend");
  private static final int MAX_BODY_BYTES = 256 * 1024;

  private final SandboxSettings settings;
  private final HttpServer server;
  private final ExecutorService workers;
  private final ScheduledExecutorService scheduler;
  private final Webhooks webhooks;
  private final Ledger ledger;
  private final Idempotency idempotency;
  private final byte[] secretKey;
  private final String baseUrl;

  private PaymentSandbox(SandboxSettings settings, Clock clock) throws IOException {
    this.settings = settings;
    this.secretKey = settings.secretKey().getBytes(StandardCharsets.UTF_8);
    this.scheduler = new ScheduledThreadPoolExecutor(2, threads("payment-sandbox-timer"));
    this.webhooks = new Webhooks(settings, scheduler, clock);
    this.ledger = new Ledger(settings, scheduler, clock, webhooks);
    this.idempotency = new Idempotency(clock, settings.idempotencyWait());
    this.workers =
        new ThreadPoolExecutor(
            settings.threads(),
            settings.threads(),
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            threads("payment-sandbox-http"));
    this.server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 1024);
    server.setExecutor(workers);
    server.createContext("/", this::handle);
    server.start();
    String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
    this.baseUrl = "http://" + host + ":" + server.getAddress().getPort();
    scheduler.scheduleAtFixedRate(idempotency::expire, 10, 10, TimeUnit.MINUTES);
  }

  /**
   * Starts a sandbox and returns once it accepts requests.
   *
   * @throws UncheckedIOException if the port cannot be bound
   */
  public static PaymentSandbox start(SandboxSettings settings) {
    try {
      return new PaymentSandbox(Objects.requireNonNull(settings, "settings"), Clock.systemUTC());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "the payment sandbox cannot listen on " + settings.host() + ":" + settings.port(), e);
    }
  }

  /** E.g. {@code http://127.0.0.1:41234}, without a trailing slash: the client's API base. */
  public String baseUrl() {
    return baseUrl;
  }

  /** The port it listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The API key clients must send. */
  public String secretKey() {
    return settings.secretKey();
  }

  public SandboxSettings settings() {
    return settings;
  }

  /**
   * Registers a webhook endpoint for every event type, as {@code POST /v1/webhook_endpoints} does.
   *
   * @param secret the signing secret the receiver checks {@code Stripe-Signature} with
   */
  public WebhookEndpoint addWebhookEndpoint(String url, String secret) {
    return webhooks.addEndpoint(url, secret, List.of("*"));
  }

  public List<WebhookEndpoint> webhookEndpoints() {
    return webhooks.endpoints();
  }

  /** Every capture recorded, in the order they happened. */
  public List<Capture> captures() {
    return ledger.captures();
  }

  /** The captures of one payment intent (a correct gateway records at most one). */
  public List<Capture> captures(String paymentIntentId) {
    return ledger.captures().stream()
        .filter(c -> c.paymentIntent().equals(paymentIntentId))
        .toList();
  }

  /** Every event published, oldest first. */
  public List<SandboxEvent> events() {
    return webhooks.events();
  }

  /** Delivers an event again to every endpoint; false if there is no such event. */
  public boolean resendEvent(String eventId) {
    return webhooks.resend(eventId).isPresent();
  }

  /** The dispute opened on a payment intent ({@code tok_createDispute}), if any yet. */
  public Optional<String> disputeOf(String paymentIntentId) {
    return ledger.disputeOf(paymentIntentId);
  }

  /** Closes a dispute, which sends {@code charge.dispute.closed}. */
  public void closeDispute(String disputeId, boolean won) {
    ledger.closeDispute(disputeId, won ? "won" : "lost");
  }

  /** A fresh webhook signing secret, {@code whsec_} and 32 random hex digits. */
  public static String newWebhookSecret() {
    byte[] random = new byte[16];
    new SecureRandom().nextBytes(random);
    return "whsec_" + HexFormat.of().formatHex(random);
  }

  /** Stops listening and delivering; held-back answers are not sent. */
  @Override
  public void close() {
    webhooks.close();
    server.stop(0);
    scheduler.shutdownNow();
    workers.shutdownNow();
  }

  // ---- HTTP ----

  private void handle(HttpExchange exchange) {
    String requestId = Json.id("req_");
    try {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      String body = readBody(exchange);
      if (path.startsWith("/v1/")) {
        authenticate(exchange);
      }
      String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
      if (method.equals("POST") && path.startsWith("/v1/") && key != null && !key.isEmpty()) {
        Form form = Form.parse(body);
        Idempotency.Outcome outcome =
            idempotency.run(
                key,
                method + " " + path + " " + form.canonical(),
                () -> execute(method, path, form, exchange, requestId, key));
        respond(
            exchange,
            outcome.stored().status(),
            outcome.stored().body(),
            requestId,
            key,
            outcome.replayed() ? outcome.stored().requestId() : null,
            outcome.delay());
      } else {
        Form form =
            method.equals("GET")
                ? Form.parse(exchange.getRequestURI().getRawQuery())
                : Form.parse(body);
        Idempotency.Fresh fresh = execute(method, path, form, exchange, requestId, key);
        respond(
            exchange,
            fresh.stored().status(),
            fresh.stored().body(),
            requestId,
            key,
            null,
            fresh.delay());
      }
    } catch (ApiError e) {
      respond(exchange, e.status, bytes(e.body), requestId, null, null, Duration.ZERO);
    } catch (RuntimeException e) {
      log.log(Level.WARNING, "payment sandbox: request failed", e);
      ApiError error =
          ApiError.of(500, "api_error", null, null, "An unexpected error occurred in the sandbox.");
      respond(exchange, 500, bytes(error.body), requestId, null, null, Duration.ZERO);
    }
  }

  private Idempotency.Fresh execute(
      String method, String path, Form form, HttpExchange exchange, String requestId, String key) {
    Ledger.Origin origin = new Ledger.Origin(requestId, key);
    Ledger.Answer answer;
    try {
      answer = route(method, path, form, origin);
    } catch (ApiError e) {
      answer = new Ledger.Answer(e.status, e.body, Duration.ZERO);
    }
    return new Idempotency.Fresh(
        new Idempotency.Stored(answer.status(), bytes(answer.body()), requestId), answer.delay());
  }

  private Ledger.Answer route(String method, String path, Form form, Ledger.Origin origin) {
    Matcher m;
    if (method.equals("POST")) {
      if (path.equals("/v1/payment_intents")) {
        return ledger.createIntent(form, origin);
      }
      if ((m = CONFIRM.matcher(path)).matches()) {
        return ledger.confirmIntent(m.group(1), form, origin);
      }
      if (path.equals("/v1/refunds")) {
        return ledger.createRefund(form, origin);
      }
      if (path.equals("/v1/webhook_endpoints")) {
        return createWebhookEndpoint(form);
      }
      if ((m = CLOSE_DISPUTE.matcher(path)).matches()) {
        return ledger.closeDispute(m.group(1), form.optional("status").orElse(""));
      }
      if ((m = RESEND.matcher(path)).matches()) {
        String id = m.group(1);
        SandboxEvent event =
            webhooks.resend(id).orElseThrow(() -> ApiError.missing("event", "id", id));
        return Ledger.Answer.ok((ObjectNode) readTree(event.payload()));
      }
    } else if (method.equals("GET")) {
      if ((m = INTENT.matcher(path)).matches()) {
        return ledger.retrieveIntent(m.group(1));
      }
      if ((m = REFUND.matcher(path)).matches()) {
        return ledger.retrieveRefund(m.group(1));
      }
      if (path.equals("/sandbox/captures")) {
        return Ledger.Answer.ok(capturesJson(form.optional("payment_intent")));
      }
      if (path.equals("/sandbox/events")) {
        ArrayNode data = Json.array();
        webhooks.events().forEach(e -> data.add(readTree(e.payload())));
        return Ledger.Answer.ok(list(data));
      }
    }
    throw ApiError.of(
        404,
        "invalid_request_error",
        null,
        null,
        "Unrecognized request URL (" + method + ": " + path + ").");
  }

  private Ledger.Answer createWebhookEndpoint(Form form) {
    String url = form.required("url");
    List<String> enabled = new ArrayList<>();
    for (int i = 0; form.has("enabled_events[" + i + "]"); i++) {
      enabled.add(form.required("enabled_events[" + i + "]"));
    }
    if (enabled.isEmpty()) {
      throw ApiError.invalid(
          "parameter_missing", "enabled_events", "Missing required param: enabled_events.");
    }
    WebhookEndpoint endpoint;
    try {
      endpoint = webhooks.addEndpoint(url, newWebhookSecret(), enabled);
    } catch (IllegalArgumentException e) {
      throw ApiError.invalid("url_invalid", "url", "Invalid URL: " + url);
    }
    ObjectNode json = Json.object();
    json.put("id", endpoint.id());
    json.put("object", "webhook_endpoint");
    json.put("api_version", Webhooks.API_VERSION);
    json.putNull("application");
    json.put("created", System.currentTimeMillis() / 1000);
    json.putNull("description");
    ArrayNode events = json.putArray("enabled_events");
    enabled.forEach(events::add);
    json.put("livemode", false);
    json.set("metadata", Json.object());
    json.put("secret", endpoint.secret());
    json.put("status", "enabled");
    json.put("url", endpoint.url());
    return Ledger.Answer.ok(json);
  }

  private ObjectNode capturesJson(Optional<String> intentId) {
    ArrayNode data = Json.array();
    for (Capture c : intentId.map(this::captures).orElseGet(this::captures)) {
      ObjectNode row = data.addObject();
      row.put("payment_intent", c.paymentIntent());
      row.put("charge", c.charge());
      row.put("amount", c.amount());
      row.put("currency", c.currency());
      row.set("metadata", Json.map(c.metadata()));
      row.put("captured_at", c.capturedAt().toString());
    }
    return list(data);
  }

  private static ObjectNode list(ArrayNode data) {
    ObjectNode json = Json.object();
    json.put("object", "list");
    json.set("data", data);
    json.put("has_more", false);
    return json;
  }

  private void authenticate(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header == null || !header.startsWith("Bearer ") || header.length() <= 7) {
      throw ApiError.of(
          401,
          "invalid_request_error",
          null,
          null,
          "You did not provide an API key. You need to provide your API key in the Authorization"
              + " header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').");
    }
    byte[] given = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(given, secretKey)) {
      throw ApiError.of(401, "invalid_request_error", null, null, "Invalid API Key provided.");
    }
  }

  private static String readBody(HttpExchange exchange) {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
      if (bytes.length > MAX_BODY_BYTES) {
        throw ApiError.invalid(null, null, "The request body is too large.");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void respond(
      HttpExchange exchange,
      int status,
      byte[] body,
      String requestId,
      String idempotencyKey,
      String originalRequest,
      Duration delay) {
    var headers = exchange.getResponseHeaders();
    headers.set("Content-Type", "application/json");
    headers.set("Request-Id", requestId);
    headers.set("Stripe-Version", Webhooks.API_VERSION);
    if (idempotencyKey != null) {
      headers.set("Idempotency-Key", idempotencyKey);
    }
    if (originalRequest != null) {
      headers.set("Idempotent-Replayed", "true");
      headers.set("Original-Request", originalRequest);
    }
    Runnable send =
        () -> {
          try (OutputStream out = exchange.getResponseBody()) {
            exchange.sendResponseHeaders(status, body.length);
            out.write(body);
          } catch (IOException e) {
            // the client went away (e.g. it timed out on a held-back answer)
            log.fine(() -> "payment sandbox: answer not delivered: " + e);
          } finally {
            exchange.close();
          }
        };
    if (delay.isZero()) {
      send.run();
    } else {
      scheduler.schedule(send, delay.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private static byte[] bytes(ObjectNode body) {
    return Json.write(body).getBytes(StandardCharsets.UTF_8);
  }

  private static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ThreadFactory threads(String name) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
