package com.telco.billing.node.http;

import com.telco.billing.core.paging.ListBounds;
import com.telco.billing.core.paging.PageCursor;
import com.telco.billing.node.dunning.driver.DunningDriverSettings;
import com.telco.billing.node.dunning.worklist.AccountDunning;
import com.telco.billing.node.dunning.worklist.DunningReadSide;
import com.telco.billing.node.dunning.worklist.HandedOver;
import com.telco.billing.node.dunning.worklist.WorkListEntry;
import com.telco.billing.node.dunning.worklist.WorkListFilter;
import com.telco.billing.node.dunning.worklist.WorkListPage;
import com.telco.billing.node.json.StrictJson;
import com.telco.billing.node.util.Cursors;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusalCode;
import com.telco.billing.protocol.http.CollectionsExport;
import com.telco.billing.protocol.http.DunningWorkList;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.pekko.http.javadsl.marshalling.Marshaller;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpCharsets;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.RequestEntity;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The dunning read side (docs/dunning.md, "Work list"):
 *
 * <ul>
 *   <li>{@code GET /dunning/accounts?step=&minDaysPastDue=&limit=&cursor=}: one page of the
 *       accounts in a dunning episode, optionally only those whose last fired step is {@code step}
 *       and that are at least {@code minDaysPastDue} days past due today (UTC), with {@code
 *       nextCursor} for the next page.
 *   <li>{@code GET /dunning/collections-export?from=&to=}: the accounts handed to collections on
 *       the dates {@code from} through {@code to} (default: the last 30 days), as CSV, or as JSON
 *       when the {@code Accept} header prefers it.
 * </ul>
 *
 * Every refusal is a 400 before any query.
 */
public final class DunningWorkRoutes extends AllDirectives {
  private static final Set<String> LIST_PARAMETERS =
      Set.of("step", "minDaysPastDue", "limit", "cursor");
  private static final Set<String> EXPORT_PARAMETERS = Set.of("from", "to");
  private static final String LIST_CURSOR = "dunning-accounts";
  private static final int CURSOR_FIELDS = 4;
  private static final Pattern STEP = Pattern.compile("[\\p{L}\\p{N} _.-]{1,64}");
  private static final int MAX_DAYS_PAST_DUE = 36_500;
  private static final int DEFAULT_EXPORT_DAYS = 30;

  private final Access access;
  private final DunningReadSide readSide;
  private final Clock clock;
  private final DunningDriverSettings settings;

  public DunningWorkRoutes(
      Access access, DunningReadSide readSide, Clock clock, DunningDriverSettings settings) {
    this.access = access;
    this.readSide = readSide;
    this.clock = clock;
    this.settings = settings;
  }

  public Route routes() {
    return pathPrefix(
        "dunning",
        () ->
            concat(
                path(
                    "accounts",
                    () ->
                        access.endpoint(
                            Endpoints.DUNNING_WORK_LIST,
                            () ->
                                parameterMultiMap(
                                    given -> list(ListParameters.only(given, LIST_PARAMETERS))))),
                path(
                    "collections-export",
                    () ->
                        access.endpoint(
                            Endpoints.COLLECTIONS_EXPORT,
                            () ->
                                parameterMultiMap(
                                    given ->
                                        export(ListParameters.only(given, EXPORT_PARAMETERS)))))));
  }

  /** A validated work list query, and where the previous page ended (or null). */
  record Query(WorkListFilter filter, WorkListPage.Position after) {
    List<String> cursorFields(WorkListPage.Position next) {
      return List.of(
          filter.step() == null ? "" : filter.step(),
          filter.minDaysPastDue() == null ? "" : filter.minDaysPastDue().toString(),
          Integer.toString(next.bucket()),
          next.accountId());
    }
  }

  private Route list(Map<String, String> parameters) {
    int limit =
        ListParameters.valid(
            ListBounds.limit(
                parameters.get("limit"), settings.defaultLimit(), settings.maxLimit()));
    Query query = listQuery(parameters);
    LocalDate today = today();
    return onSuccess(
        readSide.page(query.filter(), query.after(), limit, settings.maxScannedRows(), today),
        page ->
            complete(
                StatusCodes.OK,
                DunningWorkList.of(
                    page.entries().stream().map(e -> entry(e, today)).toList(),
                    page.next() == null
                        ? null
                        : PageCursor.encode(LIST_CURSOR, query.cursorFields(page.next()))),
                JsonSupport.marshaller()));
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(ZoneOffset.UTC));
  }

  private static String step(String raw) {
    if (raw == null) {
      return null;
    }
    if (!STEP.matcher(raw).matches()) {
      throw Refusal.of(
              RefusalCode.INVALID_VALUE,
              "step",
              "step must be a step name: 1 to 64 letters, digits, spaces, _, . and -")
          .toException();
    }
    return raw;
  }

  private static Integer minDaysPastDue(String raw) {
    if (raw == null) {
      return null;
    }
    if (raw.isEmpty() || raw.length() > 5 || !raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw Refusal.of(
              RefusalCode.INVALID_VALUE,
              "minDaysPastDue",
              "minDaysPastDue must be a whole number of days from 0 to " + MAX_DAYS_PAST_DUE)
          .toException();
    }
    int days = Integer.parseInt(raw);
    if (days > MAX_DAYS_PAST_DUE) {
      throw Refusal.of(
              RefusalCode.INVALID_VALUE,
              "minDaysPastDue",
              "minDaysPastDue must be a whole number of days from 0 to " + MAX_DAYS_PAST_DUE)
          .toException();
    }
    return days;
  }

  /** The work list query of {@code parameters}, or 400 naming the field. */
  static Query listQuery(Map<String, String> parameters) {
    WorkListFilter given =
        new WorkListFilter(
            step(parameters.get("step")), minDaysPastDue(parameters.get("minDaysPastDue")));
    return query(given, parameters.get("cursor"));
  }

  /**
   * The query of a first page, or of a next one from its cursor (filters sent along with a cursor
   * must be the ones it was made for: 400 {@code invalid_cursor} else).
   */
  private static Query query(WorkListFilter given, String cursor) {
    if (cursor == null) {
      return new Query(given, null);
    }
    List<String> fields = Cursors.fields(cursor, LIST_CURSOR, CURSOR_FIELDS);
    WorkListFilter resumed;
    WorkListPage.Position after;
    try {
      resumed =
          new WorkListFilter(
              fields.get(0).isEmpty() ? null : step(fields.get(0)),
              fields.get(1).isEmpty() ? null : minDaysPastDue(fields.get(1)));
      int bucket = Integer.parseInt(fields.get(2));
      if (bucket < 0 || fields.get(3).isEmpty()) {
        throw Cursors.invalid();
      }
      after = new WorkListPage.Position(bucket, fields.get(3));
    } catch (NumberFormatException | com.telco.billing.protocol.RefusedException e) {
      throw Cursors.invalid();
    }
    boolean sameQuery =
        (given.step() == null || given.step().equals(resumed.step()))
            && (given.minDaysPastDue() == null
                || Objects.equals(given.minDaysPastDue(), resumed.minDaysPastDue()));
    if (!sameQuery) {
      throw Refusal.of(
              RefusalCode.INVALID_CURSOR,
              "cursor",
              "step and minDaysPastDue sent with a cursor must be those of the query that gave it")
          .toException();
    }
    return new Query(resumed, after);
  }

  private static DunningWorkList.Entry entry(WorkListEntry e, LocalDate today) {
    AccountDunning d = e.dunning();
    AccountDunning.Episode episode = d.episode();
    return new DunningWorkList.Entry(
        e.accountId(),
        episode.number(),
        episode.start(),
        episode.stepName(),
        episode.stepIndex(),
        episode.stepDate(),
        WorkListFilter.daysPastDue(d, today),
        episode.daysPastDueAtStep(),
        episode.oldestDue(),
        episode.overdue(),
        d.currency(),
        episode.barred(),
        d.holdUntil(),
        episode.handedToCollections());
  }

  /** The dates of an export, {@code from} through {@code to}. */
  record ExportRange(LocalDate from, LocalDate to) {}

  /** The export range of {@code parameters} on {@code today}, or 400 naming the field. */
  static ExportRange exportRange(Map<String, String> parameters, LocalDate today, int maxDays) {
    LocalDate to = date(parameters.get("to"), "to", today);
    LocalDate from = date(parameters.get("from"), "from", to.minusDays(DEFAULT_EXPORT_DAYS - 1));
    if (from.isAfter(to)) {
      throw Refusal.of(RefusalCode.INVALID_VALUE, "to", "to must not be before from").toException();
    }
    if (ChronoUnit.DAYS.between(from, to) + 1 > maxDays) {
      throw Refusal.of(
              RefusalCode.INVALID_VALUE,
              "to",
              "from and to may span at most "
                  + maxDays
                  + " days; export longer periods one range at a time")
          .toException();
    }
    return new ExportRange(from, to);
  }

  private Route export(Map<String, String> parameters) {
    ExportRange range = exportRange(parameters, today(), settings.exportMaxDays());
    LocalDate from = range.from();
    LocalDate to = range.to();
    return onSuccess(
        readSide.handedOver(from, to),
        handed ->
            complete(
                StatusCodes.OK,
                CollectionsExport.of(
                    from, to, handed.stream().map(DunningWorkRoutes::exportEntry).toList()),
                EXPORT));
  }

  private static LocalDate date(String raw, String field, LocalDate absent) {
    if (raw == null) {
      return absent;
    }
    try {
      if (raw.length() != 10) {
        throw new DateTimeException(field);
      }
      LocalDate date = LocalDate.parse(raw);
      if (date.isBefore(LocalDate.of(2000, 1, 1)) || date.isAfter(LocalDate.of(2999, 12, 31))) {
        throw new DateTimeException(field);
      }
      return date;
    } catch (DateTimeException e) {
      throw Refusal.of(
              RefusalCode.INVALID_VALUE,
              field,
              field + " must be an ISO-8601 date such as 2026-12-01, from 2000 on")
          .toException();
    }
  }

  private static CollectionsExport.Entry exportEntry(HandedOver h) {
    return new CollectionsExport.Entry(
        h.accountId(), h.handedOn(), h.episode(), h.overdue(), h.currency());
  }

  private static final ContentType CSV =
      ContentTypes.create(MediaTypes.TEXT_CSV, HttpCharsets.UTF_8);

  /** CSV without an {@code Accept} header or for {@code *}{@code /*}; JSON when preferred. */
  private static final Marshaller<CollectionsExport, RequestEntity> EXPORT =
      Marshaller.oneOf(
          Marshaller.withFixedContentType(
              CSV, export -> (RequestEntity) HttpEntities.create(CSV, csv(export))),
          Marshaller.withFixedContentType(
              ContentTypes.APPLICATION_JSON,
              export ->
                  (RequestEntity)
                      HttpEntities.create(
                          ContentTypes.APPLICATION_JSON, StrictJson.writeBytes(export))));

  /** The export as CSV: a header line, then one line per account handed over. */
  static byte[] csv(CollectionsExport export) {
    StringBuilder out = new StringBuilder("account_id,handed_on,episode,overdue,currency\r\n");
    for (CollectionsExport.Entry e : export.accounts()) {
      out.append(field(e.accountId()))
          .append(',')
          .append(e.handedOn())
          .append(',')
          .append(e.episode())
          .append(',')
          .append(e.overdue() == null ? "" : e.overdue().toPlainString())
          .append(',')
          .append(e.currency() == null ? "" : field(e.currency()))
          .append("\r\n");
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A CSV field, quoted when it holds a separator, a quote or a line break (RFC 4180). */
  private static String field(String value) {
    if (value.indexOf(',') < 0
        && value.indexOf('"') < 0
        && value.indexOf('\n') < 0
        && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}
