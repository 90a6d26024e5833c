package com.telco.billing.node.http;

import com.telco.billing.node.dunning.DunningService;
import com.telco.billing.protocol.http.DunningHoldRequest;
import com.telco.billing.protocol.http.DunningResponse;
import java.util.Optional;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * An account's dunning (docs/dunning.md): {@code GET /accounts/{id}/dunning}, {@code POST
 * /accounts/{id}/dunning/hold} (header Idempotency-Key optional; {@code {"until", "reason"}}) and
 * {@code DELETE /accounts/{id}/dunning/hold/{holdId}}.
 */
public final class DunningRoutes extends AllDirectives {
  private final Access access;
  private final DunningService dunning;

  public DunningRoutes(Access access, DunningService dunning) {
    this.access = access;
    this.dunning = dunning;
  }

  public Route routes() {
    return pathPrefix(
        "accounts",
        () ->
            concat(
                path(
                    PathMatchers.segment().slash("dunning"),
                    id ->
                        access.endpoint(
                            Endpoints.ACCOUNT_DUNNING,
                            () ->
                                onSuccess(
                                    dunning.dunning(id),
                                    view ->
                                        complete(
                                            StatusCodes.OK,
                                            DunningResponse.of(view),
                                            JsonSupport.marshaller())))),
                path(
                    PathMatchers.segment().slash("dunning").slash("hold"),
                    id ->
                        access.endpoint(
                            Endpoints.PLACE_DUNNING_HOLD,
                            caller ->
                                optionalHeaderValueByName(
                                    PaymentRoutes.IDEMPOTENCY_KEY,
                                    (Optional<String> key) ->
                                        entity(
                                            JsonSupport.unmarshaller(DunningHoldRequest.class),
                                            request ->
                                                onSuccess(
                                                    dunning.placeHold(
                                                        id,
                                                        key.orElse(null),
                                                        request,
                                                        caller.origin()),
                                                    view ->
                                                        complete(
                                                            StatusCodes.CREATED,
                                                            DunningResponse.of(view),
                                                            JsonSupport.marshaller())))))),
                path(
                    PathMatchers.segment()
                        .slash("dunning")
                        .slash("hold")
                        .slash(PathMatchers.segment()),
                    (id, holdId) ->
                        access.endpoint(
                            Endpoints.RELEASE_DUNNING_HOLD,
                            caller ->
                                onSuccess(
                                    dunning.releaseHold(id, holdId, caller.origin()),
                                    view ->
                                        complete(
                                            StatusCodes.OK,
                                            DunningResponse.of(view),
                                            JsonSupport.marshaller()))))));
  }
}
