package com.telco.billing.protocol.http;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Body of {@code GET /audit}: one page of the audit trail, by arrival time.
 *
 * @param count the entries on this page
 * @param entries the entries
 * @param nextCursor the {@code cursor} of the next page; null on the last page
 */
public record AuditList(int count, List<Entry> entries, String nextCursor) {

  /**
   * One recorded request.
   *
   * @param at when it arrived
   * @param subject the verified caller; null when the request was not authenticated
   * @param roles the caller's roles
   * @param clientAddress the client's address
   * @param method the HTTP method
   * @param path the path requested
   * @param endpoint the endpoint's path template; null when the request reached none
   * @param resourceIds the ids the request names, by parameter name
   * @param requestId its {@code X-Request-Id}
   * @param status the status answered
   * @param code the error code answered; null on success
   * @param reason the caller's {@code X-Reason}; null when none was given
   */
  public record Entry(
      Instant at,
      String subject,
      Set<String> roles,
      String clientAddress,
      String method,
      String path,
      String endpoint,
      Map<String, String> resourceIds,
      String requestId,
      int status,
      String code,
      String reason) {}

  public static AuditList of(List<Entry> entries, String nextCursor) {
    return new AuditList(entries.size(), entries, nextCursor);
  }
}
