package com.telco.billing.node.http;

import com.telco.billing.node.invoice.render.StatementHtml;
import com.telco.billing.node.invoice.render.StatementPdf;
import com.telco.billing.node.json.StrictJson;
import com.telco.billing.node.payment.PaymentService;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusalCode;
import com.telco.billing.protocol.http.BalanceResponse;
import com.telco.billing.protocol.http.PaymentMethodRequest;
import com.telco.billing.protocol.http.PaymentPage;
import com.telco.billing.protocol.http.PaymentRequest;
import com.telco.billing.protocol.http.PaymentResponse;
import com.telco.billing.protocol.http.RefundRequestBody;
import com.telco.billing.protocol.http.RefundResponse;
import com.telco.billing.protocol.http.StatementResponse;
import com.telco.billing.protocol.payment.StatementView;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.marshalling.Marshaller;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.RequestEntity;
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
 *       /accounts/{id}/balance}, {@code GET /accounts/{id}/statement?from=&to=} (JSON, or HTML or
 *       PDF by {@code ?format=} or the {@code Accept} header, as invoices).
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
                                                statement(
                                                    () ->
                                                        payments.statement(
                                                            id,
                                                            from.orElse(null),
                                                            to.orElse(null)))))))));
  }

  /** The formats a statement is served in, each with its content type. */
  enum StatementFormat {
    JSON(ContentTypes.APPLICATION_JSON),
    HTML(ContentTypes.TEXT_HTML_UTF8),
    PDF(ContentTypes.create(MediaTypes.APPLICATION_PDF));

    private final ContentType contentType;

    StatementFormat(ContentType contentType) {
      this.contentType = contentType;
    }

    /** The format named by {@code ?format=} ({@code json}, {@code html}, {@code pdf}). */
    static Optional<StatementFormat> named(String name) {
      return switch (name.toLowerCase(Locale.ROOT)) {
        case "json" -> Optional.of(JSON);
        case "html" -> Optional.of(HTML);
        case "pdf" -> Optional.of(PDF);
        default -> Optional.empty();
      };
    }

    /** The statement rendered in this format. */
    HttpEntity.Strict entity(StatementView view) {
      return switch (this) {
        case JSON ->
            HttpEntities.create(contentType, StrictJson.writeBytes(StatementResponse.of(view)));
        case HTML -> HttpEntities.create(ContentTypes.TEXT_HTML_UTF8, StatementHtml.render(view));
        case PDF -> HttpEntities.create(contentType, StatementPdf.render(view));
      };
    }

    Marshaller<StatementView, RequestEntity> marshaller() {
      return Marshaller.withFixedContentType(contentType, view -> (RequestEntity) entity(view));
    }
  }

  /**
   * The formats for the {@code Accept} header, q-values honoured, as for invoices: JSON without a
   * header or for {@code *}{@code /*}, PDF before HTML. Only the chosen format is rendered.
   */
  private static final Marshaller<StatementView, RequestEntity> NEGOTIATED =
      Marshaller.oneOf(
          StatementFormat.JSON.marshaller(),
          StatementFormat.PDF.marshaller(),
          StatementFormat.HTML.marshaller());

  /**
   * The statement in the format {@code ?format=} names, else in the best format for the {@code
   * Accept} header (406 when it accepts none); an unknown {@code ?format=} is refused before the
   * account is asked.
   */
  Route statement(Supplier<CompletionStage<StatementView>> lookup) {
    return parameterOptional(
        "format",
        asked -> {
          if (asked.isEmpty()) {
            return onSuccess(lookup.get(), view -> complete(StatusCodes.OK, view, NEGOTIATED));
          }
          return StatementFormat.named(asked.get())
              .<Route>map(format -> onSuccess(lookup.get(), view -> complete(format.entity(view))))
              .orElseGet(
                  () ->
                      failWith(
                          Refusal.of(
                                  RefusalCode.UNSUPPORTED_FORMAT,
                                  "format",
                                  "format must be json, html or pdf")
                              .toException()));
        });
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
