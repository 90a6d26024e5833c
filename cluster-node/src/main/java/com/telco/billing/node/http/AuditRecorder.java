package com.telco.billing.node.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.telco.billing.node.audit.AuditEntry;
import com.telco.billing.node.audit.AuditTrail;
import com.telco.billing.node.json.StrictJson;
import com.telco.billing.protocol.http.ErrorResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RetryAfter;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Complete;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.server.RouteResult;
import org.apache.pekko.http.javadsl.server.RouteResults;

/**
 * Records every mutating request (POST, PUT, PATCH, DELETE) in the audit trail, whatever its
 * outcome, once its response is produced and before it is sent: it wraps the sealed routes, so it
 * sees the final status and the error body's code, and the {@link Exchange} tells it the request
 * id, the client's address, the endpoint and the verified caller. Reads are not recorded.
 *
 * <p>The entry is one asynchronous write. When it fails, the failure is logged and counted and the
 * response goes out as produced, unless {@code billing.audit.fail-closed} is on: then the client
 * gets 503 {@code audit_unavailable} (the change the request made stays; a retry of an idempotent
 * request is recorded again).
 */
public final class AuditRecorder extends AllDirectives {
  /** The header a caller says why with (free text, kept cleaned, never logged). */
  static final String REASON_HEADER = "X-Reason";

  /** Error bodies larger than this are not read for their code (ours are far smaller). */
  private static final int MAX_READ_BODY = 16 * 1024;

  private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");

  /** Creations whose answer names the id of what they created, and that answer's field. */
  private static final Map<Endpoint, String> CREATED_ID =
      Map.of(
          Endpoints.OPEN_ACCOUNT, "id",
          Endpoints.ACTIVATE_SUBSCRIPTION, "subscriptionId",
          Endpoints.CREATE_API_KEY, "id",
          Endpoints.RECEIVE_BATCH, "batchId",
          Endpoints.START_BILL_RUN, "runId",
          Endpoints.PUBLISH_CATALOG, "version",
          Endpoints.ISSUE_CREDIT_NOTE, "id");

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(AuditRecorder.class);

  private final AuditTrail trail;
  private final Clock clock;

  public AuditRecorder(AuditTrail trail, Clock clock) {
    this.trail = trail;
    this.clock = clock;
  }

  /** {@code inner}, with its mutating requests recorded. */
  public Route recorded(Exchange exchange, Supplier<Route> inner) {
    return extractRequest(
        request -> {
          if (!MUTATING.contains(request.method().name())) {
            return inner.get();
          }
          Instant at = clock.instant();
          return mapRouteResultWith(result -> record(at, exchange, request, result), inner);
        });
  }

  private CompletionStage<RouteResult> record(
      Instant at, Exchange exchange, HttpRequest request, RouteResult result) {
    if (!(result instanceof Complete complete)) {
      // the routes are sealed: every request completes
      return CompletableFuture.completedFuture(result);
    }
    HttpResponse response = complete.getResponse();
    AuditEntry entry;
    try {
      entry =
          entry(
              at,
              UUID.randomUUID(),
              exchange,
              request,
              response,
              trail.settings().maxReasonLength());
    } catch (RuntimeException e) {
      // a bug here must not turn a served request into a plain-text 500: say so loudly
      log.error("AUDIT ENTRY NOT WRITTEN: the entry could not be built", e);
      return CompletableFuture.completedFuture(
          trail.settings().failClosed() ? RouteResults.complete(auditUnavailable()) : result);
    }
    return trail
        .record(entry)
        .thenApply(
            written ->
                written || !trail.settings().failClosed()
                    ? result
                    : RouteResults.complete(auditUnavailable()));
  }

  /** 503: the request was served, but its audit entry could not be written. */
  static HttpResponse auditUnavailable() {
    return ApiErrors.response(
            StatusCodes.SERVICE_UNAVAILABLE,
            ErrorResponse.of(
                "audit_unavailable",
                "the request was served but could not be recorded in the audit trail; retry later",
                null))
        .addHeader(RetryAfter.create(ApiErrors.RETRY_AFTER_SECONDS));
  }

  /** The entry of a served request. */
  static AuditEntry entry(
      Instant at,
      UUID entryId,
      Exchange exchange,
      HttpRequest request,
      HttpResponse response,
      int maxReasonLength) {
    Endpoint endpoint = exchange.endpoint();
    var principal = exchange.principal();
    List<String> segments = new ArrayList<>();
    request.getUri().pathSegments().forEach(segments::add);
    Map<String, String> ids =
        endpoint == null
            ? new LinkedHashMap<>()
            : new LinkedHashMap<>(AuditEntry.pathParameters(endpoint.path(), segments));
    int status = response.status().intValue();
    String created = endpoint == null ? null : CREATED_ID.get(endpoint);
    if (created != null && status >= 200 && status < 300) {
      JsonNode id = smallJsonBody(response).path(created);
      if (id.isTextual()) {
        ids.putIfAbsent(created, AuditEntry.cut(id.asText(), AuditEntry.MAX_TEXT_LENGTH));
      }
    }
    String code = null;
    if (status >= 400) {
      JsonNode given = smallJsonBody(response).path("code");
      code = given.isTextual() ? AuditEntry.cut(given.asText(), 64) : null;
    }
    String reason =
        request
            .getHeader(REASON_HEADER)
            .map(h -> AuditEntry.cleanReason(h.value(), maxReasonLength))
            .orElse(null);
    return new AuditEntry(
        at,
        entryId,
        principal == null ? null : principal.subject(),
        principal == null
            ? Set.of()
            : principal.roles().stream().map(r -> r.wireName()).collect(Collectors.toSet()),
        exchange.clientAddress(),
        request.method().name(),
        AuditEntry.cut(request.getUri().path(), AuditEntry.MAX_TEXT_LENGTH),
        endpoint == null ? null : endpoint.path(),
        ids,
        exchange.requestId(),
        status,
        code,
        reason);
  }

  /**
   * The response's JSON body when it is already in memory and small (errors, a created resource); a
   * missing node else. A streamed or large body is not read.
   */
  private static JsonNode smallJsonBody(HttpResponse response) {
    HttpEntity entity = response.entity();
    if (!(entity instanceof HttpEntity.Strict strict)
        || !entity.getContentType().mediaType().equals(MediaTypes.APPLICATION_JSON)
        || strict.getData().size() > MAX_READ_BODY) {
      return MissingNode.getInstance();
    }
    try {
      JsonNode tree = StrictJson.MAPPER.readTree(strict.getData().toArray());
      return tree == null ? MissingNode.getInstance() : tree;
    } catch (IOException e) {
      return MissingNode.getInstance();
    }
  }
}
