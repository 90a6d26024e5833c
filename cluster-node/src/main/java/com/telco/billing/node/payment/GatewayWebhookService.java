package com.telco.billing.node.payment;

import com.telco.billing.node.payment.gateway.GatewayEvent;
import com.telco.billing.node.payment.gateway.GatewayWebhooks;
import com.telco.billing.node.payment.gateway.PaymentGateway;
import com.telco.billing.node.payment.gateway.WebhookVerification;
import com.telco.billing.node.util.Failures;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusalCode;
import com.telco.billing.protocol.RefusedException;
import com.telco.billing.protocol.payment.GatewayNotice;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhooks/payment-gateway}: a gateway event is verified by its signature (a bad or
 * stale one is refused and nothing is recorded), turned into a {@link GatewayNotice} for the
 * account its payment intent names (a dispute's intent is read back from the gateway for that) and
 * applied by the account, which deduplicates by the event id. Events about no account of ours are
 * acknowledged and ignored, so the gateway stops sending them.
 */
public final class GatewayWebhookService {
  private static final Logger log = LoggerFactory.getLogger(GatewayWebhookService.class);

  /** The outcome of an event no account applied. */
  public static final String IGNORED = "ignored";

  private final GatewayWebhooks webhooks;
  private final PaymentGateway gateway;
  private final PaymentService payments;

  public GatewayWebhookService(
      GatewayWebhooks webhooks, PaymentGateway gateway, PaymentService payments) {
    this.webhooks = webhooks;
    this.gateway = gateway;
    this.payments = payments;
  }

  /** A notice for one account. */
  record Addressed(String accountId, GatewayNotice notice) {}

  /**
   * Verifies and applies one delivery.
   *
   * @return {@code applied}, {@code duplicate} or {@code ignored}; fails with a refusal for a bad
   *     signature or body, or when the account could not be reached (the gateway sends it again)
   */
  public CompletionStage<String> receive(String body, String signature) {
    WebhookVerification verification = webhooks.verify(body, signature);
    if (verification instanceof WebhookVerification.Refused refused) {
      String code = refused.refusal().code();
      return CompletableFuture.failedFuture(
          Refusal.of(
                  RefusalCode.of(code),
                  code.equals(RefusalCode.PAYLOAD_INVALID.wire()) ? "body" : "Stripe-Signature",
                  code.equals(RefusalCode.SIGNATURE_EXPIRED.wire())
                      ? "the signature's timestamp is outside the tolerance"
                      : code.equals(RefusalCode.PAYLOAD_INVALID.wire())
                          ? "the body is not a gateway event"
                          : "the signature does not match the body")
              .toException());
    }
    GatewayEvent event = ((WebhookVerification.Accepted) verification).event();
    return addressed(event)
        .thenCompose(
            addressed -> {
              if (addressed.isEmpty()) {
                log.info(
                    "gateway event {} ({}) names no account: ignored",
                    event.eventId(),
                    event.type());
                return CompletableFuture.completedFuture(IGNORED);
              }
              Addressed a = addressed.get();
              return payments
                  .gatewayNotice(a.accountId(), a.notice())
                  .exceptionallyCompose(
                      failure ->
                          notOurs(failure)
                              ? CompletableFuture.completedFuture(IGNORED)
                              : CompletableFuture.failedFuture(failure));
            });
  }

  private static boolean notOurs(Throwable failure) {
    return Failures.cause(failure) instanceof RefusedException r
        && r.refusal().code() == RefusalCode.ACCOUNT_NOT_FOUND;
  }

  /** The account and notice of an event; empty for events no account acts on. */
  CompletionStage<Optional<Addressed>> addressed(GatewayEvent event) {
    if (event instanceof GatewayEvent.PaymentSucceeded e) {
      return done(
          payment(
              e.eventId(),
              GatewayNotice.Kind.PAYMENT_SUCCEEDED,
              e.intentId(),
              e.payment(),
              e.amountMinor(),
              null,
              false));
    }
    if (event instanceof GatewayEvent.PaymentProcessing e) {
      return done(
          payment(
              e.eventId(),
              GatewayNotice.Kind.PAYMENT_PROCESSING,
              e.intentId(),
              e.payment(),
              e.amountMinor(),
              null,
              false));
    }
    if (event instanceof GatewayEvent.PaymentFailed e) {
      String code = e.declineCode() != null ? e.declineCode() : e.code();
      return done(
          payment(
              e.eventId(),
              GatewayNotice.Kind.PAYMENT_FAILED,
              e.intentId(),
              e.payment(),
              e.amountMinor(),
              code,
              e.hard()));
    }
    if (event instanceof GatewayEvent.RefundUpdated e) {
      String accountId = e.metadata().get("account_id");
      GatewayNotice.Kind kind =
          switch (e.status()) {
            case "succeeded" -> GatewayNotice.Kind.REFUND_SUCCEEDED;
            case "failed", "canceled" -> GatewayNotice.Kind.REFUND_FAILED;
            default -> null;
          };
      if (accountId == null || kind == null) {
        return done(Optional.empty());
      }
      return done(
          Optional.of(
              new Addressed(
                  accountId,
                  new GatewayNotice(
                      e.eventId(),
                      kind,
                      e.metadata().get("payment_id"),
                      null,
                      e.intentId(),
                      e.amountMinor(),
                      null,
                      false,
                      e.gatewayRefundId(),
                      e.metadata().get("refund_id")))));
    }
    if (event instanceof GatewayEvent.DisputeCreated e) {
      return dispute(
          e.eventId(),
          GatewayNotice.Kind.DISPUTE_CREATED,
          e.intentId(),
          e.disputeId(),
          e.amountMinor());
    }
    if (event instanceof GatewayEvent.DisputeClosed e) {
      return dispute(
          e.eventId(),
          e.won() ? GatewayNotice.Kind.DISPUTE_WON : GatewayNotice.Kind.DISPUTE_LOST,
          e.intentId(),
          e.disputeId(),
          e.amountMinor());
    }
    return done(Optional.empty());
  }

  private static Optional<Addressed> payment(
      String eventId,
      GatewayNotice.Kind kind,
      String intentId,
      GatewayEvent.PaymentRef ref,
      long amountMinor,
      String code,
      boolean hard) {
    if (ref == null || ref.accountId() == null || ref.paymentId() == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Addressed(
            ref.accountId(),
            new GatewayNotice(
                eventId,
                kind,
                ref.paymentId(),
                ref.invoiceNumber(),
                intentId,
                amountMinor,
                code,
                hard,
                null,
                null)));
  }

  /** A dispute names only its intent: the intent's metadata says whose payment it is. */
  private CompletionStage<Optional<Addressed>> dispute(
      String eventId,
      GatewayNotice.Kind kind,
      String intentId,
      String disputeId,
      long amountMinor) {
    if (intentId == null) {
      return done(Optional.empty());
    }
    return gateway
        .retrieve(intentId)
        .thenApply(
            intent -> {
              Map<String, String> metadata = intent.metadata();
              String accountId = metadata.get("account_id");
              String paymentId = metadata.get("payment_id");
              if (accountId == null || paymentId == null) {
                return Optional.<Addressed>empty();
              }
              return Optional.of(
                  new Addressed(
                      accountId,
                      new GatewayNotice(
                          eventId,
                          kind,
                          paymentId,
                          metadata.get("invoice"),
                          intentId,
                          amountMinor,
                          null,
                          false,
                          disputeId,
                          null)));
            })
        .exceptionallyCompose(
            failure ->
                CompletableFuture.failedFuture(
                    Refusal.of(
                            RefusalCode.GATEWAY_UNAVAILABLE,
                            null,
                            "the dispute's payment could not be read from the gateway; send it again")
                        .toException()));
  }

  private static <T> CompletionStage<T> done(T value) {
    return CompletableFuture.completedFuture(value);
  }
}
