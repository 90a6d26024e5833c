package com.telco.billing.node.http;

import com.telco.billing.node.json.UsageBodies;
import com.telco.billing.node.usage.UsageService;
import com.telco.billing.node.usage.intake.IntakeService;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusalCode;
import com.telco.billing.protocol.http.ErrorResponse;
import java.util.function.BiFunction;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.Location;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;

/**
 * {@code POST /usage}: mediation sends a batch as a JSON array ({@code application/json}) or as
 * NDJSON ({@code application/x-ndjson}); the answer lists every record's outcome. Bodies over
 * {@code billing.usage.max-body-bytes} get 413.
 *
 * <p>{@code POST /usage/batches} takes the same bodies into the durable intake log and answers 202
 * {@code received} once the batch is written; {@code GET /usage/batches/{id}} answers it {@code
 * received} until it is rated, then {@code rated} with every record's outcome (or {@code parked}
 * when its records failed in every attempt); {@code GET /usage/batches} tells how many batches and
 * records wait to be rated. For operations: {@code GET /usage/batches/parked} lists the parked
 * batches ({@code limit}, cursor {@code after}) and {@code POST /usage/batches/{id}/redrive} has a
 * parked batch rated again (202; 409 {@code batch_not_parked}; 404 {@code unknown_batch}).
 */
public final class UsageRoutes extends AllDirectives {
  private final UsageService usage;
  private final IntakeService intake;
  private final long maxBodyBytes;

  public UsageRoutes(UsageService usage, long maxBodyBytes) {
    this(usage, null, maxBodyBytes);
  }

  public UsageRoutes(UsageService usage, IntakeService intake, long maxBodyBytes) {
    this.usage = usage;
    this.intake = intake;
    this.maxBodyBytes = maxBodyBytes;
  }

  public Route routes() {
    Route sync =
        path(
            "usage",
            () ->
                post(
                    () ->
                        body(
                            (mediaType, body) -> {
                              var records =
                                  switch (mediaType) {
                                    case "application/json" -> UsageBodies.fromJsonArray(body);
                                    case "application/x-ndjson" -> UsageBodies.fromNdjson(body);
                                    default -> throw unsupported(mediaType);
                                  };
                              return onSuccess(
                                  usage.ingest(records),
                                  response ->
                                      complete(StatusCodes.OK, response, JsonSupport.marshaller()));
                            })));
    if (intake == null) {
      return sync;
    }
    Route receive =
        path(
            PathMatchers.segment("usage").slash("batches"),
            () ->
                post(
                    () ->
                        body(
                            (mediaType, body) -> {
                              String format =
                                  switch (mediaType) {
                                    case "application/json" -> IntakeService.JSON;
                                    case "application/x-ndjson" -> IntakeService.NDJSON;
                                    default -> throw unsupported(mediaType);
                                  };
                              return onSuccess(
                                  intake.receive(format, body),
                                  response ->
                                      respondWithHeader(
                                          Location.create("/usage/batches/" + response.batchId()),
                                          () ->
                                              complete(
                                                  StatusCodes.ACCEPTED,
                                                  response,
                                                  JsonSupport.marshaller())));
                            })));
    Route status =
        path(
            PathMatchers.segment("usage").slash("batches").slash(PathMatchers.segment()),
            id ->
                get(
                    () ->
                        onSuccess(
                            intake.status(id),
                            found -> {
                              if (found.isEmpty()) {
                                throw Refusal.of(
                                        RefusalCode.UNKNOWN_BATCH,
                                        null,
                                        "no usage batch with this id")
                                    .toException();
                              }
                              return complete(
                                  StatusCodes.OK, found.get(), JsonSupport.marshaller());
                            })));
    Route backlog =
        path(
            PathMatchers.segment("usage").slash("batches"),
            () ->
                get(
                    () ->
                        onSuccess(
                            intake.backlog(),
                            b -> complete(StatusCodes.OK, b, JsonSupport.marshaller()))));
    Route parked =
        path(
            PathMatchers.segment("usage").slash("batches").slash("parked"),
            () ->
                get(
                    () ->
                        parameterOptional(
                            "limit",
                            limit ->
                                parameterOptional(
                                    "cursor",
                                    cursor ->
                                        onSuccess(
                                            intake.parked(limitOf(limit), cursor.orElse(null)),
                                            page ->
                                                complete(
                                                    StatusCodes.OK,
                                                    page,
                                                    JsonSupport.marshaller()))))));
    Route redrive =
        path(
            PathMatchers.segment("usage")
                .slash("batches")
                .slash(PathMatchers.segment())
                .slash("redrive"),
            id ->
                post(
                    () ->
                        onSuccess(
                            intake.redrive(id),
                            response ->
                                complete(
                                    StatusCodes.ACCEPTED, response, JsonSupport.marshaller()))));
    // parked before status: "parked" is not a batch id
    return concat(sync, receive, backlog, parked, redrive, status);
  }

  /** Parked batches a page lists unless the client says otherwise. */
  static final int DEFAULT_PARKED_PAGE = 50;

  private static int limitOf(java.util.Optional<String> limit) {
    if (limit.isEmpty()) {
      return DEFAULT_PARKED_PAGE;
    }
    try {
      return Integer.parseInt(limit.get());
    } catch (NumberFormatException e) {
      throw Refusal.of(
              RefusalCode.INVALID_LIMIT,
              "limit",
              "limit must be a whole number between 1 and " + IntakeService.MAX_PAGE)
          .toException();
    }
  }

  /** The body as text with its media type, at most {@code maxBodyBytes} (else 413). */
  private Route body(BiFunction<String, String, Route> inner) {
    return withSizeLimit(
        maxBodyBytes,
        () ->
            extractRequestEntity(
                requestEntity -> {
                  String mediaType = requestEntity.getContentType().mediaType().toString();
                  return entity(
                      Unmarshaller.entityToString(), body -> inner.apply(mediaType, body));
                }));
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
