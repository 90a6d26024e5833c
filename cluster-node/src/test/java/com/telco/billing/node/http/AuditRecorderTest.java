package com.telco.billing.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.telco.billing.node.audit.AuditEntry;
import com.telco.billing.node.security.Principal;
import com.telco.billing.node.security.Role;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;
import org.junit.jupiter.api.Test;

/** The entry of a served request: caller, endpoint, resource ids, outcome and reason. */
class AuditRecorderTest {
  private static final Instant AT = Instant.parse("2026-12-07T10:15:30Z");
  private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-000000000001");

  private static Exchange exchange(Endpoint endpoint, Principal principal) {
    Exchange exchange = new Exchange("req-7", "192.0.2.4");
    if (endpoint != null) {
      exchange.reached(endpoint);
      exchange.authenticated(principal);
    }
    return exchange;
  }

  private static HttpResponse json(int status, String body) {
    return HttpResponse.create().withStatus(status).withEntity(ContentTypes.APPLICATION_JSON, body);
  }

  private static AuditEntry entry(Exchange exchange, HttpRequest request, HttpResponse response) {
    return AuditRecorder.entry(AT, ID, exchange, request, response, 500);
  }

  @Test
  void aServedRequestNamesItsCallerEndpointAndIds() {
    Principal jane = new Principal("jane", Set.of(Role.ORDER_MANAGEMENT, Role.OPS), null);
    HttpRequest request =
        HttpRequest.POST("/accounts/acc-1/subscriptions/sub-9/suspend")
            .addHeader(RawHeader.create("X-Reason", "ticket INC-42\u0007"));
    AuditEntry entry =
        entry(
            exchange(Endpoints.SUSPEND_SUBSCRIPTION, jane),
            request,
            json(200, "{\"subscriptionId\": \"sub-9\", \"status\": \"SUSPENDED\"}"));

    assertEquals(
        new AuditEntry(
            AT,
            ID,
            "jane",
            Set.of("order-management", "ops"),
            "192.0.2.4",
            "POST",
            "/accounts/acc-1/subscriptions/sub-9/suspend",
            "/accounts/{id}/subscriptions/{subscriptionId}/suspend",
            Map.of("id", "acc-1", "subscriptionId", "sub-9"),
            "req-7",
            200,
            null,
            "ticket INC-42"),
        entry);
  }

  @Test
  void aCreationNamesTheIdItsAnswerNames() {
    Principal om = new Principal("om", Set.of(Role.ORDER_MANAGEMENT), null);
    AuditEntry opened =
        entry(
            exchange(Endpoints.OPEN_ACCOUNT, om),
            HttpRequest.POST("/accounts"),
            json(201, "{\"id\": \"acc-2\", \"currency\": \"EUR\"}"));
    assertEquals(Map.of("id", "acc-2"), opened.resourceIds());

    AuditEntry activated =
        entry(
            exchange(Endpoints.ACTIVATE_SUBSCRIPTION, om),
            HttpRequest.POST("/accounts/acc-2/subscriptions"),
            json(201, "{\"subscriptionId\": \"sub-1\"}"));
    assertEquals(Map.of("id", "acc-2", "subscriptionId", "sub-1"), activated.resourceIds());

    AuditEntry refused =
        entry(
            exchange(Endpoints.OPEN_ACCOUNT, om),
            HttpRequest.POST("/accounts"),
            json(400, "{\"code\": \"out_of_range\", \"id\": \"acc-3\"}"));
    assertEquals(Map.of(), refused.resourceIds(), "a refused creation created nothing");
    assertEquals("out_of_range", refused.errorCode());
  }

  @Test
  void aRefusalKeepsItsStatusAndCode() {
    Principal mediation = new Principal("feed", Set.of(Role.MEDIATION), "key-1");
    AuditEntry forbidden =
        entry(
            exchange(Endpoints.OPEN_ACCOUNT, mediation),
            HttpRequest.POST("/accounts"),
            json(403, "{\"code\": \"forbidden\", \"message\": \"...\"}"));
    assertEquals(403, forbidden.status());
    assertEquals("forbidden", forbidden.errorCode());
    assertEquals("feed", forbidden.subject());
    assertEquals(Set.of("mediation"), forbidden.roles());
    assertEquals("/accounts", forbidden.endpoint());
  }

  @Test
  void anUnauthenticatedRequestHasNoSubject() {
    // Access matched the endpoint, then authentication failed: no principal
    AuditEntry entry =
        entry(
            exchange(Endpoints.REVOKE_API_KEY, null),
            HttpRequest.DELETE("/admin/api-keys/k-1"),
            json(401, "{\"code\": \"unauthenticated\"}"));
    assertNull(entry.subject());
    assertEquals(Set.of(), entry.roles());
    assertEquals("/admin/api-keys/{id}", entry.endpoint());
    assertEquals(Map.of("id", "k-1"), entry.resourceIds());
    assertEquals("unauthenticated", entry.errorCode());
    assertNull(entry.reason());
  }

  @Test
  void aRequestThatReachedNoEndpointKeepsItsPath() {
    AuditEntry entry =
        entry(
            exchange(null, null),
            HttpRequest.PUT("/no/such/thing"),
            json(404, "{\"code\": \"not_found\"}"));
    assertNull(entry.endpoint());
    assertEquals("/no/such/thing", entry.path());
    assertEquals(Map.of(), entry.resourceIds());
    assertEquals("not_found", entry.errorCode());
  }

  @Test
  void aBodyThatIsNotSmallJsonIsNotRead() {
    Principal om = new Principal("om", Set.of(Role.ORDER_MANAGEMENT), null);
    HttpResponse streamed =
        HttpResponse.create()
            .withStatus(StatusCodes.INTERNAL_SERVER_ERROR)
            .withEntity(
                HttpEntities.create(
                    ContentTypes.APPLICATION_JSON,
                    Source.single(ByteString.fromString("{\"code\": \"internal_error\"}"))));
    assertNull(
        entry(exchange(Endpoints.OPEN_ACCOUNT, om), HttpRequest.POST("/accounts"), streamed)
            .errorCode());
    assertNull(
        entry(
                exchange(Endpoints.OPEN_ACCOUNT, om),
                HttpRequest.POST("/accounts"),
                HttpResponse.create()
                    .withStatus(500)
                    .withEntity(ContentTypes.TEXT_PLAIN_UTF8, "{\"code\": \"x\"}"))
            .errorCode());
    assertNull(
        entry(exchange(Endpoints.OPEN_ACCOUNT, om), HttpRequest.POST("/accounts"), json(500, "{"))
            .errorCode());
  }

  @Test
  void failClosedAnswersAJsonError() {
    HttpResponse response = AuditRecorder.auditUnavailable();
    assertEquals(503, response.status().intValue());
    assertEquals(ContentTypes.APPLICATION_JSON, response.entity().getContentType());
  }
}
