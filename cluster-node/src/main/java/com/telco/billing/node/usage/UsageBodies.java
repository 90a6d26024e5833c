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
    JsonNode tree = JsonSupport.readTree(body);
    if (!tree.isArray()) {
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
        ApiException refusal = JsonSupport.malformed(e, "line " + (i + 1) + ": ");
        String code =
            refusal.body().code().equals("malformed_json")
                ? "malformed_ndjson"
                : refusal.body().code();
        throw ApiException.badRequest(code, "line " + (i + 1), refusal.body().message());
      }
    }
    return records;
  }
}
