package com.telco.billing.node.http;

import com.telco.billing.node.security.ApiKeys;
import com.telco.billing.protocol.http.ApiKeyList;
import com.telco.billing.protocol.http.ApiKeyRequest;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code /admin/api-keys}: administrators issue, list, rotate and revoke the API keys of machine
 * clients.
 *
 * <ul>
 *   <li>{@code POST /admin/api-keys}: 201 with the key and its secret (shown this once).
 *   <li>{@code GET /admin/api-keys}, {@code GET /admin/api-keys/{id}}: without secrets.
 *   <li>{@code POST /admin/api-keys/{id}/rotate}: 200 with a new secret; the old one stays valid
 *       for the rotation grace period.
 *   <li>{@code DELETE /admin/api-keys/{id}}: 200 with the revoked key.
 * </ul>
 */
public final class ApiKeyRoutes extends AllDirectives {
  private final Access access;
  private final ApiKeys keys;

  public ApiKeyRoutes(Access access, ApiKeys keys) {
    this.access = access;
    this.keys = keys;
  }

  /** Answers that show a secret are not to be kept by any cache on the way. */
  private Route noStore(java.util.function.Supplier<Route> inner) {
    return respondWithHeader(
        org.apache.pekko.http.javadsl.model.headers.CacheControl.create(
            org.apache.pekko.http.javadsl.model.headers.CacheDirectives.NO_STORE),
        inner);
  }

  public Route routes() {
    return pathPrefix(
        PathMatchers.segment("admin").slash("api-keys"),
        () ->
            concat(
                pathEndOrSingleSlash(
                    () ->
                        concat(
                            access.endpoint(
                                Endpoints.CREATE_API_KEY,
                                caller ->
                                    entity(
                                        JsonSupport.unmarshaller(ApiKeyRequest.class),
                                        request ->
                                            onSuccess(
                                                keys.create(request, caller.subject()),
                                                created ->
                                                    noStore(
                                                        () ->
                                                            complete(
                                                                StatusCodes.CREATED,
                                                                created,
                                                                JsonSupport.marshaller()))))),
                            access.endpoint(
                                Endpoints.LIST_API_KEYS,
                                () ->
                                    onSuccess(
                                        keys.list(),
                                        all ->
                                            complete(
                                                StatusCodes.OK,
                                                new ApiKeyList(all),
                                                JsonSupport.marshaller()))))),
                path(
                    PathMatchers.segment().slash("rotate"),
                    id ->
                        access.endpoint(
                            Endpoints.ROTATE_API_KEY,
                            () ->
                                onSuccess(
                                    keys.rotate(id),
                                    key ->
                                        noStore(
                                            () ->
                                                complete(
                                                    StatusCodes.OK,
                                                    key,
                                                    JsonSupport.marshaller()))))),
                path(
                    PathMatchers.segment(),
                    id ->
                        concat(
                            access.endpoint(
                                Endpoints.GET_API_KEY,
                                () ->
                                    onSuccess(
                                        keys.get(id),
                                        key ->
                                            complete(
                                                StatusCodes.OK, key, JsonSupport.marshaller()))),
                            access.endpoint(
                                Endpoints.REVOKE_API_KEY,
                                () ->
                                    onSuccess(
                                        keys.revoke(id),
                                        key ->
                                            complete(
                                                StatusCodes.OK,
                                                key,
                                                JsonSupport.marshaller())))))));
  }
}
