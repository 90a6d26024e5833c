package com.telco.billing.node.http;

import com.telco.billing.node.payment.GatewayWebhookService;
import java.util.Map;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;

/**
 * {@code POST /webhooks/payment-gateway}: events of the payment gateway, authenticated by their
 * {@code Stripe-Signature} alone (no token: the gateway has none). 200 once applied (or known, or
 * about no account of ours); 400 {@code signature_invalid}, {@code signature_expired} or {@code
 * payload_invalid} with nothing recorded; 503 when the account could not be reached, so the gateway
 * sends it again.
 */
public final class WebhookRoutes extends AllDirectives {
  static final String SIGNATURE = "Stripe-Signature";

  /** Gateway events are small; anything larger is not one. */
  static final long MAX_BODY_BYTES = 256 * 1024;

  private final Access access;
  private final GatewayWebhookService webhooks;

  public WebhookRoutes(Access access, GatewayWebhookService webhooks) {
    this.access = access;
    this.webhooks = webhooks;
  }

  public Route routes() {
    return path(
        PathMatchers.segment("webhooks").slash("payment-gateway"),
        () ->
            access.endpoint(
                Endpoints.GATEWAY_WEBHOOK,
                () ->
                    withSizeLimit(
                        MAX_BODY_BYTES,
                        () ->
                            optionalHeaderValueByName(
                                SIGNATURE,
                                signature ->
                                    entity(
                                        Unmarshaller.entityToString(),
                                        body ->
                                            onSuccess(
                                                webhooks.receive(body, signature.orElse(null)),
                                                outcome ->
                                                    complete(
                                                        StatusCodes.OK,
                                                        Map.of(
                                                            "received", true, "outcome", outcome),
                                                        JsonSupport.marshaller())))))));
  }
}
