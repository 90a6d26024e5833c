package com.telco.billing.node.audit;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * One mutating request as the audit trail keeps it (docs/security.md, "Audit trail").
 *
 * @param at when the request arrived
 * @param entryId the entry's own id (request ids are chosen by clients and may repeat)
 * @param subject the verified caller, null when the request was not authenticated
 * @param roles the caller's role names (empty when not authenticated)
 * @param clientAddress the client's address as the edge saw it
 * @param method the HTTP method
 * @param path the request's path, without its query
 * @param endpoint the template of the endpoint it reached (e.g. {@code /accounts/{id}}), null when
 *     it reached none
 * @param resourceIds the ids it names: the path parameters of the endpoint's template, and for a
 *     creation the id its answer names
 * @param requestId the request's {@code X-Request-Id}
 * @param status the HTTP status answered
 * @param errorCode the error body's {@code code}, null on success
 * @param reason the caller's {@code X-Reason}, cleaned ({@link #cleanReason}), or null
 */
public record AuditEntry(
    Instant at,
    UUID entryId,
    String subject,
    Set<String> roles,
    String clientAddress,
    String method,
    String path,
    String endpoint,
    Map<String, String> resourceIds,
    String requestId,
    int status,
    String errorCode,
    String reason) {

  /** Paths and ids longer than this are cut: they come from the client. */
  public static final int MAX_TEXT_LENGTH = 512;

  /** Ids longer than this are kept in the entry but not indexed for {@code resource=}. */
  public static final int MAX_INDEXED_ID_LENGTH = 256;

  public AuditEntry {
    roles = Collections.unmodifiableSet(new TreeSet<>(roles));
    resourceIds = Collections.unmodifiableMap(new LinkedHashMap<>(resourceIds));
  }

  /** The distinct ids the entry can be found by ({@code GET /audit?resource=}). */
  public Set<String> indexedIds() {
    Set<String> ids = new TreeSet<>();
    for (String id : resourceIds.values()) {
      if (!id.isEmpty() && id.length() <= MAX_INDEXED_ID_LENGTH) {
        ids.add(id);
      }
    }
    return ids;
  }

  /**
   * The path parameters of {@code template} (e.g. {@code /accounts/{id}/subscriptions/{sid}}) in a
   * request's decoded path {@code segments}, by name in the template's order: {@code {"id":
   * "acc-1", "sid": "sub-9"}}. Empty when the segments do not fit the template (a trailing slash is
   * allowed).
   */
  public static Map<String, String> pathParameters(String template, List<String> segments) {
    List<String> parts = segments(template);
    List<String> given = segments;
    if (given.size() == parts.size() + 1 && given.get(given.size() - 1).isEmpty()) {
      given = given.subList(0, parts.size());
    }
    if (given.size() != parts.size()) {
      return Map.of();
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    for (int i = 0; i < parts.size(); i++) {
      String part = parts.get(i);
      if (part.length() > 2 && part.startsWith("{") && part.endsWith("}")) {
        parameters.put(part.substring(1, part.length() - 1), cut(given.get(i), MAX_TEXT_LENGTH));
      } else if (!part.equals(given.get(i))) {
        return Map.of();
      }
    }
    return parameters;
  }

  private static List<String> segments(String path) {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("/", -1));
  }

  /**
   * An {@code X-Reason} as the trail keeps it: control, format (e.g. bidirectional overrides) and
   * line-separator characters removed, surrounding blanks trimmed, at most {@code maxLength}
   * characters (never a split surrogate pair); null when nothing is left.
   */
  public static String cleanReason(String raw, int maxLength) {
    if (raw == null) {
      return null;
    }
    StringBuilder kept = new StringBuilder(Math.min(raw.length(), maxLength));
    int i = 0;
    while (i < raw.length()) {
      int c = raw.codePointAt(i);
      i += Character.charCount(c);
      if (hidden(c)) {
        continue;
      }
      if (kept.length() + Character.charCount(c) > maxLength) {
        break;
      }
      kept.appendCodePoint(c);
    }
    String text = kept.toString().strip();
    return text.isEmpty() ? null : text;
  }

  private static boolean hidden(int c) {
    int type = Character.getType(c);
    return type == Character.CONTROL
        || type == Character.FORMAT
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR
        || type == Character.SURROGATE
        || type == Character.UNASSIGNED;
  }

  /** {@code text} cut to at most {@code max} characters, never inside a surrogate pair. */
  public static String cut(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, end);
  }
}
