package com.telco.billing.node.http;

import com.telco.billing.node.usage.UsageBodies;
import com.telco.billing.node.usage.UsageService;
import com.telco.billing.protocol.http.ErrorResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;

/**
 * {@code POST /usage}: mediation sends a batch as a JSON array ({@code application/json}) or as
 * NDJSON ({@code application/x-ndjson}); the answer lists every record's outcome. Bodies over
 * {@code billing.usage.max-body-bytes} get 413.
 */
public final class UsageRoutes extends AllDirectives {
  private final UsageService usage;
  private final long maxBodyBytes;

  public UsageRoutes(UsageService usage, long maxBodyBytes) {
    this.usage = usage;
    this.maxBodyBytes = maxBodyBytes;
  }

  public Route routes() {
    return path(
        "usage",
        () ->
            post(
                () ->
                    withSizeLimit(
                        maxBodyBytes,
                        () ->
                            extractRequestEntity(
                                requestEntity -> {
                                  String mediaType =
                                      requestEntity.getContentType().mediaType().toString();
                                  return entity(
                                      Unmarshaller.entityToString(),
                                      body -> {
                                        var records =
                                            switch (mediaType) {
                                              case "application/json" ->
                                                  UsageBodies.fromJsonArray(body);
                                              case "application/x-ndjson" ->
                                                  UsageBodies.fromNdjson(body);
                                              default -> throw unsupported(mediaType);
                                            };
                                        return onSuccess(
                                            usage.ingest(records),
                                            response ->
                                                complete(
                                                    StatusCodes.OK,
                                                    response,
                                                    JsonSupport.marshaller()));
                                      });
                                }))));
  }

  private static ApiException unsupported(String mediaType) {
    return new ApiException(
        StatusCodes.UNSUPPORTED_MEDIA_TYPE,
        ErrorResponse.of(
            "unsupported_media_type",
            "send application/json (an array) or application/x-ndjson, not " + mediaType,
            null));
  }
}
