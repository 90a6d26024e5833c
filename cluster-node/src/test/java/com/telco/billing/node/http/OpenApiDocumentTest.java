package com.telco.billing.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.telco.billing.node.security.Role;
import com.telco.billing.protocol.RefusalCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document of the API ({@code openapi.json}) is a well-formed OpenAPI 3.1 document
 * whose every operation says who may call it and what it answers, and whose every example is valid
 * by its own schema.
 */
class OpenApiDocumentTest {
  private static final JsonNode DOC = OpenApiSchemas.document();
  private static final OpenApiSchemas SCHEMAS = new OpenApiSchemas(DOC);
  private static final Set<String> ROLES =
      java.util.Arrays.stream(Role.values())
          .map(Role::wireName)
          .collect(java.util.stream.Collectors.toSet());
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
  private static final String ERROR_RESPONSE = "#/components/schemas/ErrorResponse";

  /** Calls {@code each} with every operation of the document and its {@code "METHOD path"}. */
  static void forEachOperation(JsonNode doc, BiConsumer<String, JsonNode> each) {
    doc.get("paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fields()
                    .forEachRemaining(
                        op -> {
                          if (METHODS.contains(op.getKey())) {
                            each.accept(
                                op.getKey().toUpperCase() + " " + path.getKey(), op.getValue());
                          }
                        }));
  }

  /** A node, or the node its {@code $ref} points at. */
  private static JsonNode resolved(JsonNode node) {
    JsonNode current = node;
    while (current.has("$ref")) {
      current = DOC.at(pointer(current.get("$ref").asText()));
    }
    return current;
  }

  private static JsonPointer pointer(String ref) {
    assertTrue(ref.startsWith("#/"), "only references within the document: " + ref);
    return JsonPointer.compile(ref.substring(1));
  }

  @Test
  void isAnOpenApi31Document() {
    assertTrue(DOC.path("openapi").asText().startsWith("3.1."), DOC.path("openapi").asText());
    assertFalse(DOC.path("info").path("title").asText().isBlank());
    assertTrue(DOC.path("paths").size() > 0);
    JsonNode schemes = DOC.path("components").path("securitySchemes");
    assertEquals("http", schemes.path("bearerAuth").path("type").asText());
    assertEquals("bearer", schemes.path("bearerAuth").path("scheme").asText());
    assertEquals("JWT", schemes.path("bearerAuth").path("bearerFormat").asText());
    assertEquals("apiKey", schemes.path("apiKey").path("type").asText());
    assertEquals("header", schemes.path("apiKey").path("in").asText());
    assertEquals("Authorization", schemes.path("apiKey").path("name").asText());
  }

  @Test
  void everyReferenceResolves() {
    List<String> refs = new ArrayList<>();
    collectRefs(DOC, refs);
    assertTrue(refs.size() > 50, "the document refers to its components: " + refs.size());
    List<String> dangling =
        refs.stream().filter(ref -> DOC.at(pointer(ref)).isMissingNode()).toList();
    assertEquals(List.of(), dangling);
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null && ref.isTextual()) {
        refs.add(ref.asText());
      }
      // discriminator mappings name schemas too
      JsonNode mapping = node.path("discriminator").path("mapping");
      mapping.forEach(target -> refs.add(target.asText()));
    }
    node.forEach(child -> collectRefs(child, refs));
  }

  @Test
  void everyOperationSaysWhoMayCallItAndWhatItAnswers() {
    List<String> problems = new ArrayList<>();
    forEachOperation(
        DOC,
        (operation, op) -> {
          JsonNode responses = op.path("responses");
          if (responses.size() == 0) {
            problems.add(operation + ": no responses");
          }
          if (op.path("x-public").asBoolean(false)) {
            if (!op.path("security").isArray() || op.path("security").size() != 0) {
              problems.add(operation + ": public but not `security: []`");
            }
            if (op.has("x-roles")) {
              problems.add(operation + ": public and with roles");
            }
            return;
          }
          JsonNode roles = op.path("x-roles");
          if (!roles.isArray() || roles.size() == 0) {
            problems.add(operation + ": no x-roles and not public");
          }
          roles.forEach(
              role -> {
                if (!ROLES.contains(role.asText())) {
                  problems.add(operation + ": unknown role " + role);
                }
              });
          for (String status : List.of("401", "403")) {
            if (!responses.has(status)) {
              problems.add(operation + ": no " + status);
            }
          }
        });
    assertEquals(List.of(), problems);
  }

  @Test
  void everyErrorAnswerHasTheErrorBody() {
    List<String> problems = new ArrayList<>();
    forEachOperation(
        DOC,
        (operation, op) ->
            op.path("responses")
                .fields()
                .forEachRemaining(
                    response -> {
                      if (Integer.parseInt(response.getKey()) < 400) {
                        return;
                      }
                      JsonNode schema =
                          resolved(response.getValue())
                              .path("content")
                              .path("application/json")
                              .path("schema");
                      if (!ERROR_RESPONSE.equals(schema.path("$ref").asText())) {
                        problems.add(operation + " " + response.getKey() + ": not ErrorResponse");
                      }
                    }));
    assertEquals(List.of(), problems);
  }

  /** Every request and response body with its place in the document. */
  private static Map<String, JsonNode> bodies() {
    Map<String, JsonNode> bodies = new java.util.LinkedHashMap<>();
    forEachOperation(
        DOC,
        (operation, op) -> {
          op.path("requestBody")
              .path("content")
              .fields()
              .forEachRemaining(
                  media -> bodies.put(operation + " request " + media.getKey(), media.getValue()));
          op.path("responses")
              .fields()
              .forEachRemaining(
                  response ->
                      resolved(response.getValue())
                          .path("content")
                          .fields()
                          .forEachRemaining(
                              media ->
                                  bodies.put(
                                      operation + " " + response.getKey() + " " + media.getKey(),
                                      media.getValue())));
        });
    return bodies;
  }

  @Test
  void everyBodyHasASchemaAndAnExample() {
    List<String> missing = new ArrayList<>();
    bodies()
        .forEach(
            (where, media) -> {
              if (!media.has("schema")) {
                missing.add(where + ": no schema");
              }
              // a PDF's bytes are no JSON value to show
              if (!media.has("example") && !where.endsWith("application/pdf")) {
                missing.add(where + ": no example");
              }
            });
    assertEquals(List.of(), missing);
  }

  @Test
  void everyExampleIsValidByItsSchema() {
    List<String> invalid = new ArrayList<>();
    Map<String, JsonNode> bodies = bodies();
    bodies.forEach(
        (where, media) -> {
          if (media.has("example")) {
            SCHEMAS
                .problems(media.get("schema"), media.get("example"))
                .forEach(problem -> invalid.add(where + ": " + problem));
          }
        });
    assertTrue(bodies.size() > 100, "bodies checked: " + bodies.size());
    assertEquals(List.of(), invalid);
  }

  @Test
  void theValidatorRefusesAnExampleThatBreaksItsSchema() {
    JsonNode account =
        resolved(DOC.at("/paths/~1accounts~1{id}/get/responses/200"))
            .at("/content/application~1json/example");
    assertEquals(List.of(), SCHEMAS.problemsAgainst("AccountResponse", account));

    ObjectNode wrongType = account.deepCopy();
    wrongType.put("billCycleDay", "5");
    assertFalse(SCHEMAS.problemsAgainst("AccountResponse", wrongType).isEmpty());

    ObjectNode wrongDate = account.deepCopy();
    wrongDate.put("openedAt", "yesterday");
    assertFalse(SCHEMAS.problemsAgainst("AccountResponse", wrongDate).isEmpty());

    ObjectNode unknownField = account.deepCopy();
    unknownField.put("colour", "blue");
    assertFalse(SCHEMAS.problemsAgainst("AccountResponse", unknownField).isEmpty());

    ObjectNode wrongNested = account.deepCopy();
    ((ObjectNode) wrongNested.get("subscriptions").get(0)).put("status", "ASLEEP");
    assertFalse(SCHEMAS.problemsAgainst("AccountResponse", wrongNested).isEmpty());

    ObjectNode noCode = OpenApiSchemas.MAPPER.createObjectNode();
    noCode.put("message", "no such account").putNull("field");
    assertFalse(SCHEMAS.problemsAgainst("ErrorResponse", noCode).isEmpty());
  }

  @Test
  void everyRefusalCodeIsListedWithTheStatusItIsAnsweredWith() {
    JsonNode codes = DOC.path("x-error-codes");
    List<String> problems = new ArrayList<>();
    for (RefusalCode code : RefusalCode.values()) {
      JsonNode listed = codes.path(code.wire());
      int status = ApiErrors.status(code.kind()).intValue();
      if (listed.isMissingNode()) {
        problems.add(code.wire() + " is not listed");
      } else if (listed.path("status").asInt() != status) {
        problems.add(code.wire() + " is answered with " + status);
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void everyErrorExampleHasAListedCodeOfItsStatus() {
    JsonNode codes = DOC.path("x-error-codes");
    List<String> problems = new ArrayList<>();
    forEachOperation(
        DOC,
        (operation, op) ->
            op.path("responses")
                .fields()
                .forEachRemaining(
                    response -> {
                      int status = Integer.parseInt(response.getKey());
                      if (status < 400) {
                        return;
                      }
                      String code =
                          resolved(response.getValue())
                              .at("/content/application~1json/example/code")
                              .asText();
                      JsonNode listed = codes.path(code);
                      if (listed.path("status").asInt() != status) {
                        problems.add(operation + " " + status + ": example code " + code);
                      }
                    }));
    assertEquals(List.of(), problems);
  }
}
