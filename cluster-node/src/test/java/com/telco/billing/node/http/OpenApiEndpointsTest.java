package com.telco.billing.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.telco.billing.node.security.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The document describes the operations of the router, no more and no fewer, with the roles that
 * may call them: every route answers through one {@link Endpoint} of {@link Endpoints#all()}, so
 * the table is the router's set of (method, path) and the roles it admits.
 */
class OpenApiEndpointsTest {
  private static final Map<String, JsonNode> OPERATIONS = operations();

  private static Map<String, JsonNode> operations() {
    Map<String, JsonNode> operations = new TreeMap<>();
    OpenApiDocumentTest.forEachOperation(OpenApiSchemas.document(), operations::put);
    return operations;
  }

  @Test
  void theDocumentHasExactlyTheOperationsOfTheRouter() {
    Set<String> routed = new TreeSet<>();
    Endpoints.all().forEach(endpoint -> routed.add(endpoint.method() + " " + endpoint.path()));
    assertEquals(Endpoints.all().size(), routed.size(), "an endpoint is declared twice");
    assertEquals(routed, OPERATIONS.keySet());
  }

  @Test
  void everyOperationNamesTheRolesTheRouterAdmits() {
    List<String> problems = new ArrayList<>();
    for (Endpoint endpoint : Endpoints.all()) {
      JsonNode op = OPERATIONS.get(endpoint.method() + " " + endpoint.path());
      if (op == null) {
        continue; // reported by the test above
      }
      if (endpoint.isPublic() != op.path("x-public").asBoolean(false)) {
        problems.add(endpoint + ": public " + endpoint.isPublic() + " in the router");
      }
      Set<String> documented = new TreeSet<>();
      op.path("x-roles").forEach(role -> documented.add(role.asText()));
      Set<String> admitted = new TreeSet<>();
      endpoint.roles().forEach(role -> admitted.add(role.wireName()));
      if (!documented.equals(admitted)) {
        problems.add(endpoint + ": documents " + documented + ", admits " + admitted);
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void theDocumentKnowsEveryRole() {
    Set<String> roles = new TreeSet<>();
    for (Role role : Role.values()) {
      roles.add(role.wireName());
    }
    Set<String> documented = new TreeSet<>();
    OpenApiSchemas.document()
        .at("/components/schemas/Role/enum")
        .forEach(role -> documented.add(role.asText()));
    assertEquals(roles, documented);
  }
}
