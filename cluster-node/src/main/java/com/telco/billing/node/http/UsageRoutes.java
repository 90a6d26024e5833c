package com.telco.billing.node.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.telco.billing.node.json.UsageBodies;
import com.telco.billing.node.usage.UsageService;
import com.telco.billing.node.usage.intake.IntakeService;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusalCode;
import com.telco.billing.protocol.http.ErrorResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.pekko.http.javadsl.model.HttpCharset;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.Location;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;
import org.apache.pekko.stream.Materializer;

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
  private final Access access;
  private final UsageService usage;
  private final IntakeService intake;
  private final long maxBodyBytes;

  private static final String NDJSON = "application/x-ndjson";

  public UsageRoutes(Access access, UsageService usage, IntakeService intake, long maxBodyBytes) {
    this.access = access;
    this.usage = usage;
    this.intake = intake;
    this.maxBodyBytes = maxBodyBytes;
  }

  public Route routes() {
    Route sync =
        path(
            "usage",
            () ->
                access.endpoint(
                    Endpoints.INGEST_USAGE,
                    caller ->
                        records(
                            records ->
                                onSuccess(
                                    usage.ingest(records, caller.origin()),
                                    response ->
                                        complete(
                                            StatusCodes.OK, response, JsonSupport.marshaller())))));
    if (intake == null) {
      return sync;
    }
    Route receive =
        path(
            PathMatchers.segment("usage").slash("batches"),
            () ->
                access.endpoint(
                    Endpoints.RECEIVE_BATCH,
                    caller ->
                        body(
                            (mediaType, body) -> {
                              String format =
                                  switch (mediaType) {
                                    case "application/json" -> IntakeService.JSON;
                                    case "application/x-ndjson" -> IntakeService.NDJSON;
                                    default -> throw unsupported(mediaType);
                                  };
                              return onSuccess(
                                  intake.receive(format, body, caller.origin()),
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
                access.endpoint(
                    Endpoints.BATCH_STATUS,
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
                access.endpoint(
                    Endpoints.INTAKE_BACKLOG,
                    () ->
                        onSuccess(
                            intake.backlog(),
                            b -> complete(StatusCodes.OK, b, JsonSupport.marshaller()))));
    Route parked =
        path(
            PathMatchers.segment("usage").slash("batches").slash("parked"),
            () ->
                access.endpoint(
                    Endpoints.PARKED_BATCHES,
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
                access.endpoint(
                    Endpoints.REDRIVE_BATCH,
                    caller ->
                        onSuccess(
                            intake.redrive(id, caller.origin()),
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

  /**
   * The records of a body of at most {@code maxBodyBytes} (else 413): NDJSON framed by line as it
   * streams in, a JSON array read whole.
   */
  private Route records(Function<List<JsonNode>, Route> inner) {
    return withSizeLimit(
        maxBodyBytes,
        () ->
            extractRequestEntity(
                requestEntity -> {
                  String mediaType = requestEntity.getContentType().mediaType().toString();
                  if (NDJSON.equals(mediaType)) {
                    return extractMaterializer(
                        materializer -> entity(ndjson(materializer), inner::apply));
                  }
                  return entity(
                      Unmarshaller.entityToString(),
                      body -> {
                        if (!"application/json".equals(mediaType)) {
                          throw unsupported(mediaType);
                        }
                        return inner.apply(UsageBodies.fromJsonArray(body));
                      });
                }));
  }

  /**
   * NDJSON records as the entity's bytes arrive, decoded in its charset (UTF-8 unless it names
   * another, as for text). A refused line fails the unmarshalling; the error handler answers its
   * refusal.
   */
  private Unmarshaller<HttpEntity, List<JsonNode>> ndjson(Materializer materializer) {
    return Unmarshaller.async(
        entity ->
            UsageBodies.fromNdjson(
                entity.getDataBytes(),
                entity
                    .getContentType()
                    .getCharsetOption()
                    .map(HttpCharset::nioCharset)
                    .orElse(StandardCharsets.UTF_8),
                maxBodyBytes,
                materializer));
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
