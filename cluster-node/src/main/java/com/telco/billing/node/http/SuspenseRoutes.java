package com.telco.billing.node.http;

import com.telco.billing.core.paging.ListBounds;
import com.telco.billing.core.paging.ListBounds.TimeRange;
import com.telco.billing.core.paging.PageCursor;
import com.telco.billing.node.usage.SuspenseSettings;
import com.telco.billing.node.usage.SuspenseStore;
import com.telco.billing.node.usage.SuspenseStore.Position;
import com.telco.billing.node.usage.UsageService;
import com.telco.billing.node.util.Cursors;
import com.telco.billing.protocol.Origin;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusalCode;
import com.telco.billing.protocol.http.SuspenseList;
import com.telco.billing.protocol.http.SuspenseRecycleRequest;
import com.telco.billing.protocol.http.SuspenseRecycleResponse;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Suspense (docs/usage.md, "Suspense"), both bounded and paged:
 *
 * <ul>
 *   <li>{@code GET /suspense?reason=&from=&to=&limit=&cursor=}: one page of held records suspended
 *       in {@code [from, to)} (default the last 7 days; at most {@code max-range} apart, dates from
 *       2000 to a day after now), at most {@code limit} of them, and {@code nextCursor} for the
 *       next page.
 *   <li>{@code POST /suspense/recycle} with {@code {"reason", "from", "to", "limit", "cursor"}}:
 *       re-submits at most {@code limit} matching records and answers their outcomes and {@code
 *       nextCursor} when the range holds more.
 * </ul>
 *
 * Every refusal is a 400 before any query.
 */
public final class SuspenseRoutes extends AllDirectives {
  private static final Set<String> LIST_PARAMETERS =
      Set.of("reason", "from", "to", "limit", "cursor");
  private static final String LIST_CURSOR = "suspense";
  private static final String RECYCLE_CURSOR = "suspense-recycle";
  private static final int CURSOR_FIELDS = 6;
  private static final Pattern REASON = Pattern.compile("[a-z0-9_-]{1,64}");

  private final Access access;
  private final SuspenseStore suspense;
  private final UsageService usage;
  private final Clock clock;
  private final SuspenseSettings settings;

  /** A validated query: its range and reason, and where the previous page ended (or null). */
  private record Query(TimeRange range, String reason, Position after) {
    List<String> cursorFields(Position next) {
      return List.of(
          range.from().toString(),
          range.to().toString(),
          reason == null ? "" : reason,
          next.suspendedAt().toString(),
          next.source(),
          next.id());
    }
  }

  public SuspenseRoutes(
      Access access,
      SuspenseStore suspense,
      UsageService usage,
      Clock clock,
      SuspenseSettings settings) {
    this.access = access;
    this.suspense = suspense;
    this.usage = usage;
    this.clock = clock;
    this.settings = settings;
  }

  public Route routes() {
    return pathPrefix(
        "suspense",
        () ->
            concat(
                pathEndOrSingleSlash(
                    () ->
                        access.endpoint(
                            Endpoints.LIST_SUSPENSE,
                            () ->
                                parameterMultiMap(
                                    given -> list(ListParameters.only(given, LIST_PARAMETERS))))),
                path(
                    "recycle",
                    () ->
                        access.endpoint(
                            Endpoints.RECYCLE_SUSPENSE,
                            caller ->
                                entity(
                                    JsonSupport.unmarshaller(SuspenseRecycleRequest.class),
                                    request -> recycle(request, caller.origin()))))));
  }

  private Route list(Map<String, String> parameters) {
    int limit =
        ListParameters.valid(
            ListBounds.limit(
                parameters.get("limit"), settings.defaultLimit(), settings.maxLimit()));
    // a second of leeway: a record held on another node whose clock is slightly ahead
    Instant now = clock.instant().plusSeconds(1);
    Query query =
        query(
            parameters.get("reason"),
            parameters.get("from"),
            parameters.get("to"),
            parameters.get("cursor"),
            LIST_CURSOR,
            now);
    return onSuccess(
        suspense.page(
            query.range().from(),
            query.range().to(),
            query.reason(),
            query.after(),
            limit,
            settings.maxScannedRows(),
            false),
        page ->
            complete(
                StatusCodes.OK,
                SuspenseList.of(
                    page.held().stream().map(SuspenseRoutes::entry).toList(),
                    page.next() == null
                        ? null
                        : PageCursor.encode(LIST_CURSOR, query.cursorFields(page.next()))),
                JsonSupport.marshaller()));
  }

  private Route recycle(SuspenseRecycleRequest request, Origin origin) {
    int limit =
        ListParameters.valid(
            ListBounds.limit(
                request.limit(), settings.recycleDefaultLimit(), settings.recycleMaxLimit()));
    // no leeway here: a record still unratable is held again at a later time, and so falls
    // after the range instead of being recycled again by the next call
    Query query =
        query(
            request.reason(),
            request.from(),
            request.to(),
            request.cursor(),
            RECYCLE_CURSOR,
            clock.instant());
    return onSuccess(
        suspense
            .page(
                query.range().from(),
                query.range().to(),
                query.reason(),
                query.after(),
                limit,
                settings.maxScannedRows(),
                true)
            .thenCompose(
                page ->
                    usage
                        .recycle(page.held(), origin)
                        .thenApply(
                            response ->
                                SuspenseRecycleResponse.of(
                                    response,
                                    page.next() == null
                                        ? null
                                        : PageCursor.encode(
                                            RECYCLE_CURSOR, query.cursorFields(page.next()))))),
        response -> complete(StatusCodes.OK, response, JsonSupport.marshaller()));
  }

  /**
   * The query of a first page (from its parameters) or of a next one (from its cursor; parameters
   * sent along with a cursor must be the ones it was made for: 400 {@code invalid_cursor} else).
   */
  private Query query(
      String reason, String from, String to, String cursor, String kind, Instant now) {
    if (reason != null && !REASON.matcher(reason).matches()) {
      throw Refusal.of(
              RefusalCode.INVALID_REASON,
              "reason",
              "reason must be a reason code: 1 to 64 of a-z, 0-9, _ and -")
          .toException();
    }
    if (cursor == null) {
      TimeRange range =
          ListParameters.valid(
              ListBounds.range(from, to, now, settings.defaultRange(), settings.maxRange()));
      return new Query(range, reason, null);
    }
    Query resumed = resume(cursor, kind, now);
    boolean sameQuery =
        (reason == null || reason.equals(resumed.reason()))
            && (from == null || sameInstant(from, resumed.range().from(), now))
            && (to == null || sameInstant(to, resumed.range().to(), now));
    if (!sameQuery) {
      throw Refusal.of(
              RefusalCode.INVALID_CURSOR,
              "cursor",
              "reason, from and to sent with a cursor must be those of the query that gave it")
          .toException();
    }
    return resumed;
  }

  /** A cursor's query, held to the same rules as a fresh one, so that it cannot widen the range. */
  private Query resume(String cursor, String kind, Instant now) {
    List<String> fields = Cursors.fields(cursor, kind, CURSOR_FIELDS);
    try {
      Instant from = Instant.parse(fields.get(0));
      Instant to = Instant.parse(fields.get(1));
      Position after = new Position(Instant.parse(fields.get(3)), fields.get(4), fields.get(5));
      var range = ListBounds.range(from, to, now, settings.maxRange());
      boolean afterInRange =
          !after.suspendedAt().isBefore(from) && after.suspendedAt().isBefore(to);
      String reason = fields.get(2).isEmpty() ? null : fields.get(2);
      if (!range.isValid() || !afterInRange) {
        throw Cursors.invalid();
      }
      return new Query(range.value(), reason, after);
    } catch (DateTimeException e) {
      throw Cursors.invalid();
    }
  }

  private static boolean sameInstant(String text, Instant expected, Instant now) {
    var parsed = ListBounds.instant(text, "from", now);
    return parsed.isValid() && Objects.equals(parsed.value(), expected);
  }

  private static SuspenseList.Entry entry(SuspenseStore.Held h) {
    return new SuspenseList.Entry(
        h.source(),
        h.id(),
        h.serviceId(),
        h.usageDate(),
        h.suspendedAt(),
        h.reason(),
        h.field(),
        h.message());
  }
}
