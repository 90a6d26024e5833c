package com.telco.billing.node.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The schemas of the OpenAPI document as a JSON Schema validator sees them: Draft 2020-12 with the
 * OpenAPI 3.1 dialect, formats ({@code date-time}, {@code date}) asserted. A schema of the document
 * is validated with the document's {@code components.schemas} beside it, so that its {@code $ref}s
 * resolve as they do in the document.
 */
final class OpenApiSchemas {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String COMPONENTS = "#/components/schemas/";
  private static final String DEFS = "#/$defs/";

  private static final JsonMetaSchema DIALECT = OpenApi31.getInstance();
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(
          SpecVersion.VersionFlag.V202012,
          builder -> builder.metaSchema(DIALECT).defaultMetaSchemaIri(DIALECT.getIri()));
  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

  private final JsonNode defs;

  OpenApiSchemas(JsonNode document) {
    this.defs = relocated(document.path("components").path("schemas"));
  }

  /** The document this build serves, as a tree. */
  static JsonNode document() {
    try {
      return MAPPER.readTree(OpenApiDocument.instance().bytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The problems of {@code instance} against {@code schema} (a schema node of the document). */
  List<String> problems(JsonNode schema, JsonNode instance) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("$schema", DIALECT.getIri());
    root.set("$defs", defs);
    root.withArray("allOf").add(relocated(schema));
    return FACTORY.getSchema(root, CONFIG).validate(instance).stream()
        .map(ValidationMessage::toString)
        .toList();
  }

  /** The problems of {@code instance} against the component schema {@code name}. */
  List<String> problemsAgainst(String name, JsonNode instance) {
    return problems(MAPPER.createObjectNode().put("$ref", COMPONENTS + name), instance);
  }

  /** The schema with its references to components pointing at {@code $defs} instead. */
  private static JsonNode relocated(JsonNode schema) {
    try {
      return MAPPER.readTree(MAPPER.writeValueAsString(schema).replace(COMPONENTS, DEFS));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
