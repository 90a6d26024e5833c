package com.telco.billing.node.invoice.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The TMF678 v4 definitions ({@code src/test/resources/tmf678/tmf678-v4.schema.json}, written from
 * TM Forum's published swagger) as a JSON Schema validator (Draft 2020-12, formats such as {@code
 * date-time} asserted), to check the JSON the node serves.
 */
public final class Tmf678Schema {
  public static final String CUSTOMER_BILL = "CustomerBill";
  public static final String APPLIED_CUSTOMER_BILLING_RATE = "AppliedCustomerBillingRate";

  private static final String RESOURCE = "/tmf678/tmf678-v4.schema.json";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
  private static final JsonNode DOCUMENT = load();

  private Tmf678Schema() {}

  private static JsonNode load() {
    try (InputStream in = Tmf678Schema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath");
      }
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema document as a tree. */
  public static JsonNode document() {
    return DOCUMENT.deepCopy();
  }

  /** The validator of one definition, e.g. {@link #CUSTOMER_BILL}. */
  static JsonSchema schemaOf(String definition) {
    if (!DOCUMENT.path("$defs").has(definition)) {
      throw new IllegalArgumentException("no definition " + definition);
    }
    ObjectNode root = DOCUMENT.deepCopy();
    root.put("$ref", "#/$defs/" + definition);
    return FACTORY.getSchema(root, CONFIG);
  }

  /** The problems of {@code instance} as a {@code definition}; empty when it is valid. */
  public static List<String> problems(String definition, JsonNode instance) {
    return schemaOf(definition).validate(instance).stream()
        .map(ValidationMessage::toString)
        .toList();
  }

  /** The problems of every item of a JSON array as a {@code definition}, each with its index. */
  public static List<String> problemsOfEach(String definition, JsonNode array) {
    if (!array.isArray()) {
      return List.of("not an array: " + array.getNodeType());
    }
    JsonSchema schema = schemaOf(definition);
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      for (ValidationMessage m : schema.validate(array.get(i))) {
        problems.add("[" + i + "] " + m);
      }
    }
    return problems;
  }
}
