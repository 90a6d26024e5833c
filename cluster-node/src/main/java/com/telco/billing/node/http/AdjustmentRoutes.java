package com.telco.billing.node.http;

import com.telco.billing.node.adjustment.AdjustmentService;
import com.telco.billing.protocol.http.ChargeRequest;
import com.telco.billing.protocol.http.DisputeRequest;
import com.telco.billing.protocol.http.DisputeResolutionRequest;
import com.telco.billing.protocol.http.WriteOffRequest;
import java.util.Optional;
import java.util.function.Function;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Adjustments of what an account owes (docs/adjustments.md).
 *
 * <ul>
 *   <li>{@code POST /accounts/{id}/charges} with {@code Idempotency-Key}: 201 with the one-off
 *       charge (billed on the next invoice); a replay of the same key and body answers the same 201
 *       with {@code Idempotent-Replayed: true}, another body 409 {@code idempotency_key_reused}.
 *       {@code GET /accounts/{id}/charges}: pending and billed charges.
 *   <li>{@code POST /invoices/{number}/disputes} with {@code Idempotency-Key}: 201 with the
 *       dispute; {@code GET /invoices/{number}/disputes}: the invoice's disputes and what is on
 *       hold; {@code POST /invoices/{number}/disputes/{disputeId}/resolve}: 200 with the dispute.
 *   <li>{@code POST /invoices/{number}/write-off} with {@code Idempotency-Key}: 201 with the
 *       write-off.
 * </ul>
 */
public final class AdjustmentRoutes extends AllDirectives {
  private final Access access;
  private final AdjustmentService adjustments;

  public AdjustmentRoutes(Access access, AdjustmentService adjustments) {
    this.access = access;
    this.adjustments = adjustments;
  }

  public Route routes() {
    return concat(chargeRoutes(), invoiceRoutes());
  }

  private Route chargeRoutes() {
    return path(
        PathMatchers.segment("accounts").slash(PathMatchers.segment()).slash("charges"),
        id ->
            concat(
                access.endpoint(
                    Endpoints.ADD_CHARGE,
                    caller ->
                        idempotencyKey(
                            key ->
                                entity(
                                    JsonSupport.unmarshaller(ChargeRequest.class),
                                    request ->
                                        onSuccess(
                                            adjustments.charge(id, key, request, caller.origin()),
                                            result ->
                                                created(result.created(), result.charge()))))),
                access.endpoint(
                    Endpoints.ACCOUNT_CHARGES,
                    () ->
                        onSuccess(
                            adjustments.charges(id),
                            list -> complete(StatusCodes.OK, list, JsonSupport.marshaller())))));
  }

  private Route invoiceRoutes() {
    return pathPrefix(
        "invoices",
        () ->
            concat(
                path(
                    PathMatchers.segment().slash("disputes"),
                    number ->
                        concat(
                            access.endpoint(
                                Endpoints.OPEN_DISPUTE,
                                caller ->
                                    idempotencyKey(
                                        key ->
                                            entity(
                                                JsonSupport.unmarshaller(DisputeRequest.class),
                                                request ->
                                                    onSuccess(
                                                        adjustments.dispute(
                                                            number, key, request, caller.origin()),
                                                        result ->
                                                            created(
                                                                result.created(),
                                                                result.dispute()))))),
                            access.endpoint(
                                Endpoints.INVOICE_DISPUTES,
                                () ->
                                    onSuccess(
                                        adjustments.disputes(number),
                                        list ->
                                            complete(
                                                StatusCodes.OK, list, JsonSupport.marshaller()))))),
                path(
                    PathMatchers.segment()
                        .slash("disputes")
                        .slash(PathMatchers.segment())
                        .slash("resolve"),
                    (number, disputeId) ->
                        access.endpoint(
                            Endpoints.RESOLVE_DISPUTE,
                            caller ->
                                entity(
                                    JsonSupport.unmarshaller(DisputeResolutionRequest.class),
                                    request ->
                                        onSuccess(
                                            adjustments.resolve(
                                                number, disputeId, request, caller.origin()),
                                            dispute ->
                                                complete(
                                                    StatusCodes.OK,
                                                    dispute,
                                                    JsonSupport.marshaller()))))),
                path(
                    PathMatchers.segment().slash("write-off"),
                    number ->
                        access.endpoint(
                            Endpoints.WRITE_OFF,
                            caller ->
                                idempotencyKey(
                                    key ->
                                        entity(
                                            JsonSupport.unmarshaller(WriteOffRequest.class),
                                            request ->
                                                onSuccess(
                                                    adjustments.writeOff(
                                                        number, key, request, caller.origin()),
                                                    result ->
                                                        created(
                                                            result.created(),
                                                            result.writeOff()))))))));
  }

  private Route idempotencyKey(Function<String, Route> inner) {
    return optionalHeaderValueByName(
        PaymentRoutes.IDEMPOTENCY_KEY, (Optional<String> key) -> inner.apply(key.orElse(null)));
  }

  /** 201 for what this request created and for a replay, the replay marked as one. */
  private <T> Route created(boolean first, T body) {
    if (first) {
      return complete(StatusCodes.CREATED, body, JsonSupport.marshaller());
    }
    return respondWithHeader(
        RawHeader.create(PaymentRoutes.REPLAYED, "true"),
        () -> complete(StatusCodes.CREATED, body, JsonSupport.marshaller()));
  }
}
