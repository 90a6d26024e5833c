package com.telco.billing.node.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusalCode;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a usage batch's body into records: a JSON array ({@code application/json}) or one JSON
 * object per line ({@code application/x-ndjson}). Used for a body as it is received and for a batch
 * read back from the intake log. A body that is not well-formed is refused whole (invalid input),
 * naming the line for NDJSON; a well-formed record with wrong fields is refused on its own by the
 * usage service.
 */
public final class UsageBodies {
  private UsageBodies() {}

  public static List<JsonNode> fromJsonArray(String body) {
    JsonNode tree = StrictJson.readTree(body);
    if (!tree.isArray()) {
      throw Refusal.of(
              RefusalCode.INVALID_BODY, null, "the body must be a JSON array of usage records")
          .toException();
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
        records.add(StrictJson.MAPPER.readTree(line));
      } catch (JsonProcessingException e) {
        String where = "line " + (i + 1);
        Refusal malformed = StrictJson.malformed(e, where + ": ").refusal();
        RefusalCode code =
            malformed.code() == RefusalCode.MALFORMED_JSON
                ? RefusalCode.MALFORMED_NDJSON
                : malformed.code();
        throw Refusal.of(code, where, malformed.message()).toException();
      }
    }
    return records;
  }
}
