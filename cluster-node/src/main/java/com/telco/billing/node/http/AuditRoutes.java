package com.telco.billing.node.http;

import com.telco.billing.core.paging.ListBounds;
import com.telco.billing.core.paging.ListBounds.TimeRange;
import com.telco.billing.core.paging.PageCursor;
import com.telco.billing.node.audit.AuditEntry;
import com.telco.billing.node.audit.AuditSettings;
import com.telco.billing.node.audit.AuditStore.Filter;
import com.telco.billing.node.audit.AuditStore.Position;
import com.telco.billing.node.audit.AuditTrail;
import com.telco.billing.node.util.Cursors;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusalCode;
import com.telco.billing.protocol.http.AuditList;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /audit?resource=&subject=&from=&to=&limit=&cursor=} (auditors): one page of the audit
 * trail (docs/security.md, "Audit trail"), the entries that arrived in {@code [from, to)} (default
 * the last day; at most {@code max-range} apart), optionally only those naming a resource id and/or
 * made by a subject, by arrival time, at most {@code limit} of them, and {@code nextCursor} for the
 * next page. Every refusal is a 400 naming the field, before any query.
 */
public final class AuditRoutes extends AllDirectives {
  static final Set<String> PARAMETERS =
      Set.of("resource", "subject", "from", "to", "limit", "cursor");
  private static final String CURSOR = "audit";
  private static final int CURSOR_FIELDS = 6;

  /** Subjects and resource ids are at most this long (longer ones are not indexed). */
  private static final int MAX_KEY_LENGTH = AuditEntry.MAX_INDEXED_ID_LENGTH;

  private final Access access;
  private final AuditTrail trail;
  private final Clock clock;
  private final AuditSettings settings;

  /** A validated query: its range and filter, and where the previous page ended (or null). */
  record Query(TimeRange range, Filter filter, Position after) {
    List<String> cursorFields(Position next) {
      return List.of(
          range.from().toString(),
          range.to().toString(),
          Objects.requireNonNullElse(filter.subject(), ""),
          Objects.requireNonNullElse(filter.resource(), ""),
          next.at().toString(),
          next.entryId() == null ? "" : next.entryId().toString());
    }
  }

  public AuditRoutes(Access access, AuditTrail trail, Clock clock) {
    this.access = access;
    this.trail = trail;
    this.clock = clock;
    this.settings = trail.settings();
  }

  public Route routes() {
    return path(
        "audit",
        () ->
            access.endpoint(
                Endpoints.AUDIT_TRAIL,
                () -> parameterMultiMap(given -> list(ListParameters.only(given, PARAMETERS)))));
  }

  private Route list(Map<String, String> parameters) {
    int limit = limit(parameters.get("limit"), settings);
    // a second of leeway: an entry written on another node whose clock is slightly ahead
    Query query = query(parameters, clock.instant().plusSeconds(1), settings);
    return onSuccess(
        trail.page(query.range().from(), query.range().to(), query.filter(), query.after(), limit),
        page ->
            complete(
                StatusCodes.OK,
                AuditList.of(
                    page.entries().stream().map(AuditRoutes::entry).toList(),
                    page.next() == null
                        ? null
                        : PageCursor.encode(CURSOR, query.cursorFields(page.next()))),
                JsonSupport.marshaller()));
  }

  static int limit(String raw, AuditSettings settings) {
    return ListParameters.valid(
        ListBounds.limit(raw, settings.defaultLimit(), settings.maxLimit()));
  }

  /**
   * The query of a first page (from its parameters) or of a next one (from its cursor; parameters
   * sent along with a cursor must be the ones it was made for: 400 {@code invalid_cursor} else).
   */
  static Query query(Map<String, String> parameters, Instant now, AuditSettings settings) {
    String subject = key(parameters.get("subject"), "subject");
    String resource = key(parameters.get("resource"), "resource");
    String from = parameters.get("from");
    String to = parameters.get("to");
    String cursor = parameters.get("cursor");
    if (cursor == null) {
      TimeRange range =
          ListParameters.valid(
              ListBounds.range(from, to, now, settings.defaultRange(), settings.maxRange()));
      return new Query(range, new Filter(subject, resource), null);
    }
    Query resumed = resume(cursor, now, settings);
    boolean sameQuery =
        (subject == null || subject.equals(resumed.filter().subject()))
            && (resource == null || resource.equals(resumed.filter().resource()))
            && (from == null || sameInstant(from, resumed.range().from(), now))
            && (to == null || sameInstant(to, resumed.range().to(), now));
    if (!sameQuery) {
      throw Refusal.of(
              RefusalCode.INVALID_CURSOR,
              "cursor",
              "resource, subject, from and to sent with a cursor must be those of the query that"
                  + " gave it")
          .toException();
    }
    return resumed;
  }

  /** A subject or resource id: 1 to 256 printable characters ({@code invalid_value}). */
  private static String key(String raw, String field) {
    if (raw == null) {
      return null;
    }
    boolean printable =
        !raw.isEmpty()
            && raw.length() <= MAX_KEY_LENGTH
            && raw.codePoints().noneMatch(c -> Character.isISOControl(c) || c == 0x7f);
    if (!printable) {
      throw Refusal.of(
              RefusalCode.INVALID_VALUE,
              field,
              field + " must be 1 to " + MAX_KEY_LENGTH + " printable characters")
          .toException();
    }
    return raw;
  }

  /** A cursor's query, held to the same rules as a fresh one, so that it cannot widen the range. */
  private static Query resume(String cursor, Instant now, AuditSettings settings) {
    List<String> fields = Cursors.fields(cursor, CURSOR, CURSOR_FIELDS);
    try {
      Instant from = Instant.parse(fields.get(0));
      Instant to = Instant.parse(fields.get(1));
      Instant at = Instant.parse(fields.get(4));
      UUID entryId = fields.get(5).isEmpty() ? null : UUID.fromString(fields.get(5));
      var range = ListBounds.range(from, to, now, settings.maxRange());
      if (!range.isValid() || at.isBefore(from) || !at.isBefore(to)) {
        throw Cursors.invalid();
      }
      Filter filter =
          new Filter(
              fields.get(2).isEmpty() ? null : key(fields.get(2), "cursor"),
              fields.get(3).isEmpty() ? null : key(fields.get(3), "cursor"));
      return new Query(range.value(), filter, new Position(at, entryId));
    } catch (DateTimeException | IllegalArgumentException e) {
      throw Cursors.invalid();
    }
  }

  private static boolean sameInstant(String text, Instant expected, Instant now) {
    var parsed = ListBounds.instant(text, "from", now);
    return parsed.isValid() && Objects.equals(parsed.value(), expected);
  }

  private static AuditList.Entry entry(AuditEntry e) {
    return new AuditList.Entry(
        e.at(),
        e.subject(),
        e.roles(),
        e.clientAddress(),
        e.method(),
        e.path(),
        e.endpoint(),
        e.resourceIds(),
        e.requestId(),
        e.status(),
        e.errorCode(),
        e.reason());
  }
}
