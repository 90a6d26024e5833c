package com.telco.billing.node.usage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.telco.billing.node.http.ApiException;
import com.telco.billing.node.http.JsonSupport;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a {@code POST /usage} body into records: a JSON array ({@code application/json}) or one
 * JSON object per line ({@code application/x-ndjson}). A body that is not well-formed is refused
 * whole (400), naming the line for NDJSON; a well-formed record with wrong fields is refused on its
 * own by {@link UsageService}.
 */
public final class UsageBodies {
  private UsageBodies() {}

  public static List<JsonNode> fromJsonArray(String body) {
    JsonNode tree;
    try {
      tree = JsonSupport.MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest(
          "malformed_json", null, "malformed JSON: " + e.getOriginalMessage());
    }
    if (tree == null || !tree.isArray()) {
      throw ApiException.badRequest(
          "invalid_body", null, "the body must be a JSON array of usage records");
    }
    List<JsonNode> records = new ArrayList<>(tree.size());
    tree.forEach(records::add);
    return records;
  }

  public static List<JsonNode> fromNdjson(String body) {
    List<JsonNode> records = new ArrayList<>();
    String[] lines = body.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      try {
        records.add(JsonSupport.MAPPER.readTree(line));
      } catch (JsonProcessingException e) {
        throw ApiException.badRequest(
            "malformed_ndjson",
            "line " + (i + 1),
            "line " + (i + 1) + " is not a JSON object: " + e.getOriginalMessage());
      }
    }
    return records;
  }
}
