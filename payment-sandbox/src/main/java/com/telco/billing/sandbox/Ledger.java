package com.telco.billing.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The gateway's books: payment intents, their charges, refunds, disputes and the record of
 * captures. Each intent changes under its own lock; money is captured at most once per intent.
 */
final class Ledger {
  private static final Pattern CURRENCY = Pattern.compile("[a-z]{3}");
  private static final Set<String> INTENT_PARAMS =
      Set.of(
          "amount",
          "currency",
          "payment_method",
          "confirm",
          "description",
          "off_session",
          "capture_method",
          "confirmation_method",
          "error_on_requires_action",
          "return_url",
          "statement_descriptor",
          "statement_descriptor_suffix",
          "receipt_email",
          "customer",
          "use_stripe_sdk");
  private static final Set<String> CONFIRM_PARAMS =
      Set.of(
          "payment_method",
          "off_session",
          "error_on_requires_action",
          "return_url",
          "receipt_email",
          "use_stripe_sdk");
  private static final Set<String> REFUND_PARAMS =
      Set.of("payment_intent", "charge", "amount", "reason");
  private static final Set<String> LIST_PARAMS =
      Set.of("payment_method_types", "automatic_payment_methods", "expand");
  private static final Set<String> REFUND_REASONS =
      Set.of("duplicate", "fraudulent", "requested_by_customer");

  private final SandboxSettings settings;
  private final ScheduledExecutorService scheduler;
  private final Clock clock;
  private final Webhooks webhooks;
  private final Map<String, Intent> intents = new ConcurrentHashMap<>();
  private final Map<String, Refund> refunds = new ConcurrentHashMap<>();
  private final Map<String, Dispute> disputes = new ConcurrentHashMap<>();

  /** Every capture, appended: a second capture of one intent would show here as a second row. */
  private final List<Capture> captures = Collections.synchronizedList(new ArrayList<>());

  /** An answer: status and body, and how long to hold it back. */
  record Answer(int status, ObjectNode body, Duration delay) {
    static Answer ok(ObjectNode body) {
      return new Answer(200, body, Duration.ZERO);
    }
  }

  /** What caused a change: the API request, for the event's {@code request} field. */
  record Origin(String requestId, String idempotencyKey) {
    static final Origin AUTOMATIC = new Origin(null, null);
  }

  private static final class Intent {
    final String id;
    final long amount;
    final String currency;
    final Map<String, String> metadata;
    final long created;
    final String clientSecret;
    final String description;
    String token;
    String paymentMethod;
    String status;
    String latestCharge;
    ObjectNode lastPaymentError;
    long amountReceived;
    long refunded;
    String disputeId;

    Intent(
        String id,
        long amount,
        String currency,
        Map<String, String> metadata,
        long created,
        String description) {
      this.id = id;
      this.amount = amount;
      this.currency = currency;
      this.metadata = metadata;
      this.created = created;
      this.description = description;
      this.clientSecret = id + "_secret_" + Json.id("").substring(0, 20);
    }
  }

  private static final class Refund {
    final String id;
    final String intentId;
    final String charge;
    final long amount;
    final String currency;
    final String reason;
    final Map<String, String> metadata;
    final long created;
    String status;

    Refund(
        String id,
        String intentId,
        String charge,
        long amount,
        String currency,
        String reason,
        Map<String, String> metadata,
        long created) {
      this.id = id;
      this.intentId = intentId;
      this.charge = charge;
      this.amount = amount;
      this.currency = currency;
      this.reason = reason;
      this.metadata = metadata;
      this.created = created;
    }
  }

  private static final class Dispute {
    final String id;
    final String intentId;
    final String charge;
    final long amount;
    final String currency;
    final long created;
    String status = "needs_response";

    Dispute(String id, String intentId, String charge, long amount, String currency, long created) {
      this.id = id;
      this.intentId = intentId;
      this.charge = charge;
      this.amount = amount;
      this.currency = currency;
      this.created = created;
    }
  }

  Ledger(
      SandboxSettings settings,
      ScheduledExecutorService scheduler,
      Clock clock,
      Webhooks webhooks) {
    this.settings = settings;
    this.scheduler = scheduler;
    this.clock = clock;
    this.webhooks = webhooks;
  }

  // ---- payment intents ----

  Answer createIntent(Form form, Origin origin) {
    form.refuseUnknown(INTENT_PARAMS, LIST_PARAMS);
    long amount = form.positiveLong("amount");
    String currency = form.required("currency").toLowerCase(Locale.ROOT);
    if (!CURRENCY.matcher(currency).matches()) {
      throw ApiError.invalid(null, "currency", "Invalid currency: " + currency + ".");
    }
    String capture = form.optional("capture_method").orElse("automatic");
    if (!capture.equals("automatic") && !capture.equals("automatic_async")) {
      throw ApiError.invalid(
          "parameter_invalid_string", "capture_method", "This sandbox captures automatically.");
    }
    Optional<String> token = form.optional("payment_method");
    token.ifPresent(Ledger::knownToken);
    boolean confirm = form.bool("confirm");
    if (confirm && token.isEmpty()) {
      throw ApiError.invalid(
          "payment_intent_unexpected_state",
          null,
          "You cannot confirm this PaymentIntent because it's missing a payment method.");
    }
    Intent intent =
        new Intent(
            Json.id("pi_"),
            amount,
            currency,
            form.metadata(),
            now(),
            form.optional("description").orElse(null));
    synchronized (intent) {
      token.ifPresent(t -> attach(intent, t));
      intent.status = token.isPresent() ? "requires_confirmation" : "requires_payment_method";
      intents.put(intent.id, intent);
      return confirm ? process(intent, origin) : Answer.ok(intentJson(intent));
    }
  }

  Answer confirmIntent(String id, Form form, Origin origin) {
    form.refuseUnknown(CONFIRM_PARAMS, LIST_PARAMS);
    Intent intent = intent(id);
    Optional<String> token = form.optional("payment_method");
    token.ifPresent(Ledger::knownToken);
    synchronized (intent) {
      if (!intent.status.equals("requires_payment_method")
          && !intent.status.equals("requires_confirmation")) {
        throw ApiError.invalid(
            "payment_intent_unexpected_state",
            null,
            "You cannot confirm this PaymentIntent because it has a status of "
                + intent.status
                + ".");
      }
      token.ifPresent(t -> attach(intent, t));
      if (intent.token == null) {
        throw ApiError.invalid(
            "payment_intent_unexpected_state",
            null,
            "You cannot confirm this PaymentIntent because it's missing a payment method.");
      }
      return process(intent, origin);
    }
  }

  Answer retrieveIntent(String id) {
    Intent intent = intent(id);
    synchronized (intent) {
      return Answer.ok(intentJson(intent));
    }
  }

  private Intent intent(String id) {
    Intent intent = intents.get(id);
    if (intent == null) {
      throw ApiError.missing("payment_intent", "intent", id);
    }
    return intent;
  }

  private static TestToken knownToken(String token) {
    return TestToken.lookup(token)
        .orElseThrow(() -> ApiError.missing("PaymentMethod", "payment_method", token));
  }

  private static void attach(Intent intent, String token) {
    intent.token = token;
    intent.paymentMethod = "pm_" + Json.id("").substring(0, 24);
  }

  /** Confirms: the intent's lock is held. */
  private Answer process(Intent intent, Origin origin) {
    TestToken token = knownToken(intent.token);
    intent.latestCharge = Json.id("ch_");
    intent.lastPaymentError = null;
    if (token.declines()) {
      intent.status = "requires_payment_method";
      ObjectNode error = Json.object();
      error.put("charge", intent.latestCharge);
      error.put("code", token.code());
      error.put("decline_code", token.declineCode());
      error.put("doc_url", "https://stripe.com/docs/error-codes/card-declined");
      error.put("message", token.message());
      error.set("payment_method", paymentMethodJson(intent));
      error.put("type", "card_error");
      intent.lastPaymentError = error;
      ObjectNode json = intentJson(intent);
      webhooks.publish(
          "payment_intent.payment_failed", json, origin.requestId(), origin.idempotencyKey());
      ObjectNode answerError = error.deepCopy();
      answerError.set("payment_intent", json);
      ObjectNode body = Json.object();
      body.set("error", answerError);
      return new Answer(402, body, Duration.ZERO);
    }
    if (token == TestToken.ASYNC) {
      intent.status = "processing";
      ObjectNode json = intentJson(intent);
      webhooks.publish(
          "payment_intent.processing", json, origin.requestId(), origin.idempotencyKey());
      later(settings.asyncDelay(), () -> succeed(intent, Origin.AUTOMATIC));
      return Answer.ok(json);
    }
    succeed(intent, origin);
    if (token == TestToken.CREATE_DISPUTE) {
      later(settings.asyncDelay(), () -> openDispute(intent));
    }
    Duration delay = token == TestToken.TIMEOUT ? settings.timeoutDelay() : Duration.ZERO;
    return new Answer(200, intentJson(intent), delay);
  }

  private void succeed(Intent intent, Origin origin) {
    synchronized (intent) {
      if (intent.status.equals("succeeded")) {
        return;
      }
      intent.status = "succeeded";
      intent.amountReceived = intent.amount;
      captures.add(
          new Capture(
              intent.id,
              intent.latestCharge,
              intent.amount,
              intent.currency,
              intent.metadata,
              clock.instant()));
      webhooks.publish(
          "payment_intent.succeeded",
          intentJson(intent),
          origin.requestId(),
          origin.idempotencyKey());
    }
  }

  private ObjectNode intentJson(Intent intent) {
    ObjectNode json = Json.object();
    json.put("id", intent.id);
    json.put("object", "payment_intent");
    json.put("amount", intent.amount);
    json.put("amount_capturable", 0);
    json.put("amount_received", intent.amountReceived);
    json.putNull("application");
    json.putNull("application_fee_amount");
    json.putNull("canceled_at");
    json.putNull("cancellation_reason");
    json.put("capture_method", "automatic");
    json.put("client_secret", intent.clientSecret);
    json.put("confirmation_method", "automatic");
    json.put("created", intent.created);
    json.put("currency", intent.currency);
    json.putNull("customer");
    if (intent.description == null) {
      json.putNull("description");
    } else {
      json.put("description", intent.description);
    }
    if (intent.lastPaymentError == null) {
      json.putNull("last_payment_error");
    } else {
      json.set("last_payment_error", intent.lastPaymentError.deepCopy());
    }
    if (intent.latestCharge == null) {
      json.putNull("latest_charge");
    } else {
      json.put("latest_charge", intent.latestCharge);
    }
    json.put("livemode", false);
    json.set("metadata", Json.map(intent.metadata));
    json.putNull("next_action");
    json.putNull("on_behalf_of");
    if (intent.paymentMethod == null || intent.status.equals("requires_payment_method")) {
      json.putNull("payment_method");
    } else {
      json.put("payment_method", intent.paymentMethod);
    }
    json.putArray("payment_method_types").add("card");
    json.putNull("receipt_email");
    json.putNull("setup_future_usage");
    json.putNull("statement_descriptor");
    json.put("status", intent.status);
    return json;
  }

  private ObjectNode paymentMethodJson(Intent intent) {
    ObjectNode pm = Json.object();
    pm.put("id", intent.paymentMethod);
    pm.put("object", "payment_method");
    pm.put("created", intent.created);
    pm.put("livemode", false);
    pm.set("metadata", Json.object());
    pm.put("type", "card");
    return pm;
  }

  // ---- refunds ----

  Answer createRefund(Form form, Origin origin) {
    form.refuseUnknown(REFUND_PARAMS, Set.of("expand"));
    String intentId =
        form.optional("payment_intent")
            .orElseThrow(
                () ->
                    ApiError.invalid(
                        "parameter_missing",
                        "payment_intent",
                        "One of the following params should be provided for this request:"
                            + " payment_intent or charge."));
    Intent intent = intents.get(intentId);
    if (intent == null) {
      throw ApiError.invalid(
          "resource_missing", "payment_intent", "No such payment_intent: '" + intentId + "'");
    }
    Optional<String> reason = form.optional("reason");
    if (reason.isPresent() && !REFUND_REASONS.contains(reason.get())) {
      throw ApiError.invalid(
          "parameter_invalid_string",
          "reason",
          "Invalid reason: must be one of duplicate, fraudulent, or requested_by_customer");
    }
    synchronized (intent) {
      if (!intent.status.equals("succeeded")) {
        throw ApiError.invalid(
            "payment_intent_unexpected_state",
            null,
            "This PaymentIntent (" + intent.id + ") does not have a successful charge to refund.");
      }
      if (intent.disputeId != null) {
        throw ApiError.invalid(
            "charge_disputed",
            null,
            "Charge " + intent.latestCharge + " has been charged back; cannot issue a refund.");
      }
      long refundable = intent.amountReceived - intent.refunded;
      if (refundable == 0) {
        throw ApiError.invalid(
            "charge_already_refunded",
            null,
            "Charge " + intent.latestCharge + " has already been refunded.");
      }
      long amount = form.has("amount") ? form.positiveLong("amount") : refundable;
      if (amount > refundable) {
        throw ApiError.invalid(
            "amount_too_large",
            "amount",
            "Refund amount ("
                + amount
                + ") is greater than unrefunded amount on charge ("
                + refundable
                + ")");
      }
      intent.refunded += amount;
      Refund refund =
          new Refund(
              Json.id("re_"),
              intent.id,
              intent.latestCharge,
              amount,
              intent.currency,
              reason.orElse(null),
              form.metadata(),
              now());
      boolean async = TestToken.ASYNC.token().equals(intent.token);
      refund.status = async ? "pending" : "succeeded";
      refunds.put(refund.id, refund);
      ObjectNode json = refundJson(refund);
      webhooks.publish("refund.created", json, origin.requestId(), origin.idempotencyKey());
      if (async) {
        later(settings.asyncDelay(), () -> settleRefund(refund));
      }
      return Answer.ok(json);
    }
  }

  private void settleRefund(Refund refund) {
    synchronized (refund) {
      refund.status = "succeeded";
      webhooks.publish("refund.updated", refundJson(refund), null, null);
    }
  }

  Answer retrieveRefund(String id) {
    Refund refund = refunds.get(id);
    if (refund == null) {
      throw ApiError.missing("refund", "id", id);
    }
    synchronized (refund) {
      return Answer.ok(refundJson(refund));
    }
  }

  private static ObjectNode refundJson(Refund refund) {
    ObjectNode json = Json.object();
    json.put("id", refund.id);
    json.put("object", "refund");
    json.put("amount", refund.amount);
    json.putNull("balance_transaction");
    json.put("charge", refund.charge);
    json.put("created", refund.created);
    json.put("currency", refund.currency);
    json.set("metadata", Json.map(refund.metadata));
    json.put("payment_intent", refund.intentId);
    if (refund.reason == null) {
      json.putNull("reason");
    } else {
      json.put("reason", refund.reason);
    }
    json.putNull("receipt_number");
    json.putNull("source_transfer_reversal");
    json.put("status", refund.status);
    json.putNull("transfer_reversal");
    return json;
  }

  // ---- disputes ----

  private void openDispute(Intent intent) {
    synchronized (intent) {
      Dispute dispute =
          new Dispute(
              Json.id("dp_"),
              intent.id,
              intent.latestCharge,
              intent.amountReceived - intent.refunded,
              intent.currency,
              now());
      intent.disputeId = dispute.id;
      disputes.put(dispute.id, dispute);
      webhooks.publish("charge.dispute.created", disputeJson(dispute), null, null);
    }
  }

  Answer closeDispute(String id, String status) {
    Dispute dispute = disputes.get(id);
    if (dispute == null) {
      throw ApiError.missing("dispute", "id", id);
    }
    if (!"won".equals(status) && !"lost".equals(status)) {
      throw ApiError.invalid("parameter_invalid_string", "status", "status must be won or lost");
    }
    synchronized (dispute) {
      if (dispute.status.equals("won") || dispute.status.equals("lost")) {
        throw ApiError.invalid(
            "dispute_already_closed", null, "Dispute " + id + " is already closed.");
      }
      dispute.status = status;
      ObjectNode json = disputeJson(dispute);
      webhooks.publish("charge.dispute.closed", json, null, null);
      return Answer.ok(json);
    }
  }

  private static ObjectNode disputeJson(Dispute dispute) {
    ObjectNode json = Json.object();
    json.put("id", dispute.id);
    json.put("object", "dispute");
    json.put("amount", dispute.amount);
    json.putArray("balance_transactions");
    json.put("charge", dispute.charge);
    json.put("created", dispute.created);
    json.put("currency", dispute.currency);
    json.put("is_charge_refundable", false);
    json.put("livemode", false);
    json.set("metadata", Json.object());
    json.put("payment_intent", dispute.intentId);
    json.put("reason", "fraudulent");
    json.put("status", dispute.status);
    return json;
  }

  /** The dispute opened on an intent, if any. */
  Optional<String> disputeOf(String intentId) {
    Intent intent = intents.get(intentId);
    if (intent == null) {
      return Optional.empty();
    }
    synchronized (intent) {
      return Optional.ofNullable(intent.disputeId);
    }
  }

  // ---- captures ----

  List<Capture> captures() {
    synchronized (captures) {
      return List.copyOf(captures);
    }
  }

  private long now() {
    return clock.instant().getEpochSecond();
  }

  private void later(Duration delay, Runnable action) {
    scheduler.schedule(action, delay.toMillis(), TimeUnit.MILLISECONDS);
  }
}
