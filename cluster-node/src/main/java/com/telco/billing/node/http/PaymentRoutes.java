package com.telco.billing.node.http;

import com.telco.billing.node.payment.PaymentService;
import com.telco.billing.protocol.http.BalanceResponse;
import com.telco.billing.protocol.http.PaymentMethodRequest;
import com.telco.billing.protocol.http.PaymentPage;
import com.telco.billing.protocol.http.PaymentRequest;
import com.telco.billing.protocol.http.PaymentResponse;
import com.telco.billing.protocol.http.RefundRequestBody;
import com.telco.billing.protocol.http.RefundResponse;
import com.telco.billing.protocol.http.StatementResponse;
import java.util.Optional;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Money after the invoice: payment methods, payments, refunds, balances and statements.
 *
 * <ul>
 *   <li>{@code PUT /accounts/{id}/payment-method}: 200 with the method (IBAN masked).
 *   <li>{@code POST /accounts/{id}/payments} with {@code Idempotency-Key}: 201 with the payment
 *       (TMF676), the same 201 for a replay of the same key and body ({@code Idempotent-Replayed:
 *       true}), 409 {@code idempotency_key_reused} for the same key with another body.
 *   <li>{@code POST /payments/{id}/refunds} with {@code Idempotency-Key}: 201 with the refund.
 *   <li>{@code GET /payments/{id}}, {@code GET /accounts/{id}/payments}, {@code GET
 *       /accounts/{id}/balance}, {@code GET /accounts/{id}/statement?from=&to=}.
 * </ul>
 */
public final class PaymentRoutes extends AllDirectives {
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  static final String REPLAYED = "Idempotent-Replayed";

  private final Access access;
  private final PaymentService payments;

  public PaymentRoutes(Access access, PaymentService payments) {
    this.access = access;
    this.payments = payments;
  }

  public Route routes() {
    return concat(accountRoutes(), paymentRoutes());
  }

  private Route accountRoutes() {
    return pathPrefix(
        "accounts",
        () ->
            concat(
                path(
                    PathMatchers.segment().slash("payment-method"),
                    id ->
                        concat(
                            access.endpoint(
                                Endpoints.SET_PAYMENT_METHOD,
                                caller ->
                                    entity(
                                        JsonSupport.unmarshaller(PaymentMethodRequest.class),
                                        request ->
                                            onSuccess(
                                                payments.setMethod(id, request, caller.origin()),
                                                method ->
                                                    complete(
                                                        StatusCodes.OK,
                                                        method,
                                                        JsonSupport.marshaller())))),
                            access.endpoint(
                                Endpoints.GET_PAYMENT_METHOD,
                                () ->
                                    onSuccess(
                                        payments.method(id),
                                        method ->
                                            complete(
                                                StatusCodes.OK,
                                                method,
                                                JsonSupport.marshaller()))))),
                path(
                    PathMatchers.segment().slash("payments"),
                    id ->
                        concat(
                            access.endpoint(
                                Endpoints.RECORD_PAYMENT,
                                caller ->
                                    idempotencyKey(
                                        key ->
                                            entity(
                                                JsonSupport.unmarshaller(PaymentRequest.class),
                                                request ->
                                                    onSuccess(
                                                        payments.record(
                                                            id, key, request, caller.origin()),
                                                        result ->
                                                            created(
                                                                result.created(),
                                                                PaymentResponse.of(
                                                                    result.payment())))))),
                            access.endpoint(
                                Endpoints.ACCOUNT_PAYMENTS,
                                () ->
                                    onSuccess(
                                        payments.payments(id),
                                        list ->
                                            complete(
                                                StatusCodes.OK,
                                                new PaymentPage(
                                                    list.accountId(),
                                                    list.payments().stream()
                                                        .map(PaymentResponse::of)
                                                        .toList()),
                                                JsonSupport.marshaller()))))),
                path(
                    PathMatchers.segment().slash("balance"),
                    id ->
                        access.endpoint(
                            Endpoints.ACCOUNT_BALANCE,
                            () ->
                                onSuccess(
                                    payments.balance(id),
                                    balance ->
                                        complete(
                                            StatusCodes.OK,
                                            BalanceResponse.of(balance),
                                            JsonSupport.marshaller())))),
                path(
                    PathMatchers.segment().slash("statement"),
                    id ->
                        access.endpoint(
                            Endpoints.ACCOUNT_STATEMENT,
                            () ->
                                parameterOptional(
                                    "from",
                                    from ->
                                        parameterOptional(
                                            "to",
                                            to ->
                                                onSuccess(
                                                    payments.statement(
                                                        id, from.orElse(null), to.orElse(null)),
                                                    statement ->
                                                        complete(
                                                            StatusCodes.OK,
                                                            StatementResponse.of(statement),
                                                            JsonSupport.marshaller()))))))));
  }

  private Route paymentRoutes() {
    return pathPrefix(
        "payments",
        () ->
            concat(
                path(
                    PathMatchers.segment().slash("refunds"),
                    paymentId ->
                        access.endpoint(
                            Endpoints.REFUND_PAYMENT,
                            caller ->
                                idempotencyKey(
                                    key ->
                                        entity(
                                            JsonSupport.unmarshaller(RefundRequestBody.class),
                                            request ->
                                                onSuccess(
                                                    payments.refund(
                                                        paymentId, key, request, caller.origin()),
                                                    result ->
                                                        created(
                                                            result.created(),
                                                            RefundResponse.of(
                                                                result.refund()))))))),
                path(
                    PathMatchers.segment(),
                    paymentId ->
                        access.endpoint(
                            Endpoints.GET_PAYMENT,
                            () ->
                                onSuccess(
                                    payments.payment(paymentId),
                                    payment ->
                                        complete(
                                            StatusCodes.OK,
                                            PaymentResponse.of(payment),
                                            JsonSupport.marshaller()))))));
  }

  private Route idempotencyKey(java.util.function.Function<String, Route> inner) {
    return optionalHeaderValueByName(
        IDEMPOTENCY_KEY, (Optional<String> key) -> inner.apply(key.orElse(null)));
  }

  /** 201 for what this request created and for a replay, the replay marked as one. */
  private <T> Route created(boolean first, T body) {
    if (first) {
      return complete(StatusCodes.CREATED, body, JsonSupport.marshaller());
    }
    return respondWithHeader(
        RawHeader.create(REPLAYED, "true"),
        () -> complete(StatusCodes.CREATED, body, JsonSupport.marshaller()));
  }
}
