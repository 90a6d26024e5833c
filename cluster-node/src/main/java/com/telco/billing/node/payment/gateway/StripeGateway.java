package com.telco.billing.node.payment.gateway;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.StripeError;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import java.time.Clock;
import java.time.Duration;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PaymentGateway} over Stripe's PaymentIntents API, through Stripe's official Java library
 * with its API base set to {@link GatewaySettings#baseUrl()} (Stripe itself, or the payment
 * sandbox).
 *
 * <p>The library blocks; every call runs on this gateway's own bounded pool ({@link
 * GatewaySettings#parallelism()} threads), never on an actor dispatcher. A call is tried up to
 * {@link GatewaySettings#attempts()} times, always with the caller's idempotency key: after a
 * timeout, a connection error, a 5xx or a 409 (the same key still in progress) the next try either
 * performs the request or, if the first try reached the gateway, reads back its answer (the gateway
 * replays it), so a card is never charged twice for one key. The library's own retries are off.
 * Tries without an answer count towards a circuit breaker; while it is open, calls are answered
 * {@code Unknown} at once.
 */
public final class StripeGateway implements PaymentGateway, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(StripeGateway.class);
  private static final Set<String> STRIPE_REFUND_REASONS =
      Set.of("duplicate", "fraudulent", "requested_by_customer");

  private final GatewaySettings settings;
  private final StripeClient stripe;
  private final ThreadPoolExecutor pool;
  private final ScheduledThreadPoolExecutor timer;
  private final GatewayCircuitBreaker breaker;

  public StripeGateway(GatewaySettings settings) {
    this(settings, Clock.systemUTC());
  }

  StripeGateway(GatewaySettings settings, Clock clock) {
    this.settings = settings;
    this.stripe =
        StripeClient.builder()
            .setApiKey(settings.secretKey())
            .setApiBase(settings.baseUrl())
            .setConnectTimeout(millis(settings.connectTimeout()))
            .setReadTimeout(millis(settings.readTimeout()))
            .setMaxNetworkRetries(0)
            .build();
    AtomicInteger threads = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            settings.parallelism(),
            settings.parallelism(),
            60,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(Math.max(1, settings.maxQueued())),
            runnable -> {
              Thread thread = new Thread(runnable, "payment-gateway-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    pool.allowCoreThreadTimeOut(true);
    this.timer =
        new ScheduledThreadPoolExecutor(
            1,
            runnable -> {
              Thread thread = new Thread(runnable, "payment-gateway-timer");
              thread.setDaemon(true);
              return thread;
            });
    timer.setRemoveOnCancelPolicy(true);
    this.breaker =
        new GatewayCircuitBreaker(
            settings.breaker().maxFailures(), settings.breaker().resetTimeout(), clock);
  }

  /** Whether the circuit is open (calls are answered at once without reaching the gateway). */
  public boolean circuitOpen() {
    return breaker.state() == GatewayCircuitBreaker.State.OPEN;
  }

  @Override
  public CompletionStage<ChargeOutcome> charge(ChargeRequest request) {
    if (blank(request.idempotencyKey())) {
      // without a key the library would make up a new one per try: never call without it
      return CompletableFuture.completedFuture(
          new ChargeOutcome.Unknown("idempotency_key_missing"));
    }
    if (blank(request.paymentMethodToken())
        || request.currency() == null
        || request.amountMinor() <= 0) {
      return CompletableFuture.completedFuture(
          new ChargeOutcome.Declined(null, "invalid_request", null, true));
    }
    PaymentIntentCreateParams params =
        PaymentIntentCreateParams.builder()
            .setAmount(request.amountMinor())
            .setCurrency(request.currency().getCurrencyCode().toLowerCase(Locale.ROOT))
            .setPaymentMethod(request.paymentMethodToken())
            .addPaymentMethodType("card")
            .setConfirm(true)
            .putAllMetadata(
                metadata(
                    "account_id", request.accountId(),
                    "invoice", request.invoiceNumber(),
                    "payment_id", request.paymentId()))
            .build();
    RequestOptions options = withKey(request.idempotencyKey());
    return run(
        () -> toOutcome(stripe.paymentIntents().create(params, options)),
        this::chargeRefused,
        ChargeOutcome.Unknown::new);
  }

  @Override
  public CompletionStage<IntentView> retrieve(String intentId) {
    if (blank(intentId)) {
      return CompletableFuture.failedFuture(
          new PaymentGatewayException("invalid_request", "no intent id"));
    }
    CompletableFuture<IntentView> result =
        run(
            () -> toView(stripe.paymentIntents().retrieve(intentId)),
            e -> {
              throw new PaymentGatewayException(code(e), "the gateway refused the read");
            },
            reason -> {
              throw new PaymentGatewayException(
                  reason.startsWith("circuit_open")
                      ? "circuit_open"
                      : reason.startsWith("overloaded") ? "overloaded" : "unavailable",
                  reason);
            });
    return result;
  }

  @Override
  public CompletionStage<RefundOutcome> refund(RefundRequest request) {
    if (blank(request.idempotencyKey())) {
      return CompletableFuture.completedFuture(
          new RefundOutcome.Unknown("idempotency_key_missing"));
    }
    if (blank(request.intentId()) || request.amountMinor() <= 0) {
      return CompletableFuture.completedFuture(new RefundOutcome.Failed("invalid_request"));
    }
    RefundCreateParams.Builder params =
        RefundCreateParams.builder()
            .setPaymentIntent(request.intentId())
            .setAmount(request.amountMinor())
            .putAllMetadata(
                metadata(
                    "account_id", request.accountId(),
                    "payment_id", request.paymentId(),
                    "refund_id", request.refundId()));
    String reason = request.reason();
    if (reason != null && STRIPE_REFUND_REASONS.contains(reason)) {
      params.setReason(RefundCreateParams.Reason.valueOf(reason.toUpperCase(Locale.ROOT)));
    } else if (reason != null && !reason.isBlank()) {
      params.putMetadata("reason", reason.length() > 500 ? reason.substring(0, 500) : reason);
    }
    RefundCreateParams built = params.build();
    RequestOptions options = withKey(request.idempotencyKey());
    return run(
        () -> toOutcome(stripe.refunds().create(built, options)),
        e -> new RefundOutcome.Failed(code(e)),
        RefundOutcome.Unknown::new);
  }

  // ---- the try loop ----

  private interface Call<T> {
    T call() throws StripeException;
  }

  /**
   * Runs a call on the pool with retries and the breaker.
   *
   * @param refused what an answered refusal (4xx other than 409/429) becomes
   * @param unknown what "no answer" becomes, given a reason
   */
  private <T> CompletableFuture<T> run(
      Call<T> call, Function<StripeException, T> refused, Function<String, T> unknown) {
    CompletableFuture<T> result;
    try {
      result = CompletableFuture.supplyAsync(() -> tries(call, refused, unknown), pool);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.supplyAsync(() -> unknown.apply("overloaded"), Runnable::run);
    }
    Duration limit = settings.breaker().callTimeout();
    CompletableFuture<T> bounded = new CompletableFuture<>();
    ScheduledFuture<?> deadline =
        timer.schedule(
            () -> {
              if (!bounded.isDone()) {
                breaker.onFailure();
                try {
                  bounded.complete(unknown.apply("call_timeout after " + limit));
                } catch (RuntimeException e) {
                  bounded.completeExceptionally(e);
                }
              }
            },
            limit.toMillis(),
            TimeUnit.MILLISECONDS);
    result.whenComplete(
        (value, failure) -> {
          deadline.cancel(false);
          if (failure == null) {
            bounded.complete(value);
          } else {
            bounded.completeExceptionally(unwrap(failure));
          }
        });
    return bounded;
  }

  private <T> T tries(
      Call<T> call, Function<StripeException, T> refused, Function<String, T> unknown) {
    String lastProblem = "no try made";
    Duration pause = settings.retryBackoff();
    for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
      if (attempt > 1) {
        sleep(pause);
        pause = pause.multipliedBy(2);
      }
      if (!breaker.tryAcquire()) {
        return unknown.apply("circuit_open");
      }
      try {
        T value = call.call();
        breaker.onSuccess();
        return value;
      } catch (CardException e) {
        breaker.onSuccess();
        return refused.apply(e);
      } catch (ApiConnectionException e) {
        breaker.onFailure();
        lastProblem = "no answer (" + e.getClass().getSimpleName() + ")";
      } catch (RateLimitException e) {
        breaker.onSuccess();
        lastProblem = "rate limited (429)";
      } catch (AuthenticationException | IdempotencyException e) {
        // answered (401, 403, idempotency misuse): about this node's keys, not the card
        breaker.onSuccess();
        return unknown.apply(code(e) + " (HTTP " + e.getStatusCode() + ")");
      } catch (InvalidRequestException e) {
        breaker.onSuccess();
        return refused.apply(e);
      } catch (StripeException e) {
        Integer status = e.getStatusCode();
        if (status != null && status == 409) {
          // the same key still in progress at the gateway: its answer is read back next try
          breaker.onSuccess();
          lastProblem = "key in progress (409)";
        } else if (status == null || status >= 500) {
          breaker.onFailure();
          lastProblem = "gateway error (HTTP " + status + ")";
        } else {
          breaker.onSuccess();
          return refused.apply(e);
        }
      } catch (RuntimeException e) {
        // e.g. an answer the library cannot parse
        breaker.onFailure();
        lastProblem = "unreadable answer (" + e.getClass().getSimpleName() + ")";
      }
      log.debug(
          "Gateway try {} of {} without an answer: {}", attempt, settings.attempts(), lastProblem);
    }
    return unknown.apply(lastProblem + " after " + settings.attempts() + " tries");
  }

  // ---- mapping ----

  private ChargeOutcome toOutcome(PaymentIntent intent) {
    String status = intent.getStatus();
    if ("succeeded".equals(status)) {
      return new ChargeOutcome.Succeeded(intent.getId(), amountReceived(intent));
    }
    if ("processing".equals(status)) {
      return new ChargeOutcome.Processing(intent.getId());
    }
    StripeError error = intent.getLastPaymentError();
    if ("requires_payment_method".equals(status) && error != null) {
      return declined(intent.getId(), error.getCode(), error.getDeclineCode());
    }
    if ("requires_action".equals(status)) {
      return declined(intent.getId(), "authentication_required", null);
    }
    if ("canceled".equals(status)) {
      return declined(intent.getId(), "payment_intent_canceled", null);
    }
    return new ChargeOutcome.Unknown("unexpected intent status " + status);
  }

  private static long amountReceived(PaymentIntent intent) {
    Long received = intent.getAmountReceived();
    return received == null || received == 0 ? intent.getAmount() : received;
  }

  private ChargeOutcome chargeRefused(StripeException e) {
    String intentId = null;
    String code = code(e);
    String declineCode = null;
    StripeError error = e.getStripeError();
    if (error != null) {
      declineCode = error.getDeclineCode();
      if (error.getPaymentIntent() != null) {
        intentId = error.getPaymentIntent().getId();
      }
    }
    if (e instanceof CardException card) {
      declineCode = card.getDeclineCode() != null ? card.getDeclineCode() : declineCode;
    }
    return declined(intentId, code, declineCode);
  }

  private static ChargeOutcome.Declined declined(String intentId, String code, String declineCode) {
    String c = code == null ? "card_declined" : code;
    return new ChargeOutcome.Declined(
        intentId, c, declineCode, DeclineCodes.isHard(c, declineCode));
  }

  private static RefundOutcome toOutcome(Refund refund) {
    String status = refund.getStatus();
    if ("succeeded".equals(status)) {
      return new RefundOutcome.Succeeded(refund.getId());
    }
    if ("pending".equals(status) || "requires_action".equals(status)) {
      return new RefundOutcome.Pending(refund.getId());
    }
    String reason = refund.getFailureReason();
    return new RefundOutcome.Failed(reason != null ? reason : "refund_" + status);
  }

  private static IntentView toView(PaymentIntent intent) {
    Map<String, String> metadata = intent.getMetadata() == null ? Map.of() : intent.getMetadata();
    return new IntentView(
        intent.getId(),
        intent.getStatus(),
        intent.getAmount(),
        Currency.getInstance(intent.getCurrency().toUpperCase(Locale.ROOT)),
        metadata);
  }

  private static String code(StripeException e) {
    if (e.getCode() != null) {
      return e.getCode();
    }
    StripeError error = e.getStripeError();
    if (error != null && error.getType() != null) {
      return error.getType();
    }
    return e instanceof AuthenticationException ? "authentication_failed" : "gateway_refused";
  }

  /** Key-value pairs without the null values (the gateway takes no null metadata). */
  private static Map<String, String> metadata(String... keysAndValues) {
    Map<String, String> metadata = new LinkedHashMap<>();
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      if (keysAndValues[i + 1] != null) {
        metadata.put(keysAndValues[i], keysAndValues[i + 1]);
      }
    }
    return metadata;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static RequestOptions withKey(String key) {
    return RequestOptions.builder().setIdempotencyKey(key).build();
  }

  private static Throwable unwrap(Throwable failure) {
    return failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
  }

  private static int millis(Duration duration) {
    return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
  }

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted between gateway tries", e);
    }
  }

  /** Stops the pool; calls in flight finish. */
  @Override
  public void close() {
    pool.shutdown();
    timer.shutdown();
  }
}
