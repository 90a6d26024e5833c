package com.telco.billing.node.http;

import com.telco.billing.core.account.AccountProfileRules;
import com.telco.billing.core.paging.ListBounds;
import com.telco.billing.core.paging.PageCursor;
import com.telco.billing.node.payment.directdebit.DirectDebitFiles;
import com.telco.billing.node.payment.directdebit.DirectDebitReturns;
import com.telco.billing.node.payment.directdebit.DirectDebitStore.RecordedReturn;
import com.telco.billing.node.payment.directdebit.FileSummary;
import com.telco.billing.node.util.Cursors;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusalCode;
import com.telco.billing.protocol.RefusalKind;
import com.telco.billing.protocol.RefusedException;
import com.telco.billing.protocol.http.DirectDebitFileList;
import com.telco.billing.protocol.http.DirectDebitReturnsRequest;
import com.telco.billing.protocol.http.DirectDebitReturnsResponse;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpCharsets;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.ContentDisposition;
import org.apache.pekko.http.javadsl.model.headers.ContentDispositionTypes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code /direct-debits}: the SEPA direct debit files (docs/api.md, "Direct debits").
 *
 * <ul>
 *   <li>{@code GET /direct-debits?legalEntity=&from=&to=&limit=&cursor=}: one page of files, by
 *       legal entity, collection date ({@code from}, {@code to}: ISO dates, inclusive) and
 *       sequence.
 *   <li>{@code GET /direct-debits/{fileId}}: the pain.008.001.02 XML ({@code application/xml}); 404
 *       {@code direct_debit_file_not_found}.
 *   <li>{@code POST /direct-debits/{fileId}/returns}: the bank's returns; the whole request is
 *       checked before any is applied (422 listing every problem); each return goes to the {@link
 *       DirectDebitReturns} once.
 * </ul>
 */
public final class DirectDebitRoutes extends AllDirectives {
  static final Set<String> PARAMETERS = Set.of("legalEntity", "from", "to", "limit", "cursor");
  private static final String CURSOR = "direct-debits";
  private static final int CURSOR_FIELDS = 6;
  private static final LocalDate EARLIEST = LocalDate.parse("2000-01-01");
  private static final LocalDate LATEST = LocalDate.parse("2999-12-31");

  private final Access access;
  private final DirectDebitFiles files;
  private final DirectDebitReturns returns;

  /**
   * @param returns where each valid bank return goes (the accounts reverse the payments)
   */
  public DirectDebitRoutes(Access access, DirectDebitFiles files, DirectDebitReturns returns) {
    this.access = access;
    this.files = files;
    this.returns = returns;
  }

  public Route routes() {
    return pathPrefix(
        "direct-debits",
        () ->
            concat(
                pathEndOrSingleSlash(
                    () ->
                        access.endpoint(
                            Endpoints.LIST_DIRECT_DEBITS,
                            () ->
                                parameterMultiMap(
                                    given -> list(ListParameters.only(given, PARAMETERS))))),
                path(
                    PathMatchers.segment().slash("returns"),
                    fileId ->
                        access.endpoint(
                            Endpoints.RETURN_DIRECT_DEBITS,
                            () ->
                                entity(
                                    JsonSupport.unmarshaller(DirectDebitReturnsRequest.class),
                                    request -> returns(fileId, request)))),
                path(
                    PathMatchers.segment(),
                    fileId ->
                        access.endpoint(
                            Endpoints.GET_DIRECT_DEBIT,
                            () -> onSuccess(files.content(fileId), xml -> xml(fileId, xml))))));
  }

  private Route xml(String fileId, byte[] xml) {
    return complete(
        HttpResponse.create()
            .withStatus(StatusCodes.OK)
            .withEntity(
                HttpEntities.create(
                    ContentTypes.create(MediaTypes.APPLICATION_XML, HttpCharsets.UTF_8), xml))
            .addHeader(
                ContentDisposition.create(
                    ContentDispositionTypes.ATTACHMENT, Map.of("filename", fileId + ".xml"))));
  }

  private Route list(Map<String, String> parameters) {
    int limit =
        ListParameters.valid(
            ListBounds.limit(
                parameters.get("limit"),
                files.settings().defaultLimit(),
                files.settings().maxLimit()));
    Query query = query(parameters);
    return onSuccess(
        files.list(query.legalEntity(), query.from(), query.to(), query.after(), limit),
        page ->
            complete(
                StatusCodes.OK,
                DirectDebitFileList.of(
                    page.files().stream().map(DirectDebitRoutes::file).toList(),
                    page.next() == null
                        ? null
                        : PageCursor.encode(CURSOR, query.cursorFields(page.next()))),
                JsonSupport.marshaller()));
  }

  private Route returns(String fileId, DirectDebitReturnsRequest request) {
    List<DirectDebitFiles.Return> requested =
        request.returns() == null
            ? List.of()
            : request.returns().stream()
                .map(
                    r ->
                        r == null
                            ? null
                            : new DirectDebitFiles.Return(r.endToEndId(), r.reasonCode()))
                .toList();
    return onSuccess(
        unprocessable(files.applyReturns(fileId, requested, returns)),
        recorded ->
            complete(
                StatusCodes.OK,
                DirectDebitReturnsResponse.of(
                    fileId, recorded.stream().map(DirectDebitRoutes::recorded).toList()),
                JsonSupport.marshaller()));
  }

  /**
   * A body that parses but cannot be applied (an unknown reason, a transaction not in the file) is
   * answered 422 with every problem, not 400.
   */
  private static <T> CompletionStage<T> unprocessable(CompletionStage<T> stage) {
    return stage.exceptionally(
        failure -> {
          Throwable t =
              failure instanceof CompletionException && failure.getCause() != null
                  ? failure.getCause()
                  : failure;
          if (t instanceof RefusedException refused
              && refused.refusal().kind() == RefusalKind.INVALID_INPUT) {
            throw new ApiException(
                StatusCodes.UNPROCESSABLE_ENTITY, ApiErrors.body(refused.refusal()));
          }
          throw t instanceof RuntimeException e ? e : new CompletionException(t);
        });
  }

  private static DirectDebitReturnsResponse.Item recorded(RecordedReturn r) {
    return new DirectDebitReturnsResponse.Item(
        r.endToEndId(),
        r.reasonCode(),
        r.outcome().status().name().toLowerCase(Locale.ROOT),
        r.recordedAt());
  }

  private static DirectDebitFileList.File file(FileSummary f) {
    return new DirectDebitFileList.File(
        f.fileId(),
        f.legalEntity(),
        f.collectionDate(),
        f.sequence(),
        f.numberOfTransactions(),
        f.controlSum(),
        f.currency(),
        f.createdAt(),
        f.complete() ? "complete" : "building");
  }

  /** A validated list query: its filter and range, and where the previous page ended (or null). */
  record Query(String legalEntity, LocalDate from, LocalDate to, FileSummary after) {
    List<String> cursorFields(FileSummary next) {
      return List.of(
          Objects.requireNonNullElse(legalEntity, ""),
          from.toString(),
          to.toString(),
          next.legalEntity(),
          next.collectionDate().toString(),
          String.valueOf(next.sequence()));
    }
  }

  /**
   * The query of a first page (from its parameters) or of a next one (from its cursor; parameters
   * sent with a cursor must be those it was made for: 400 {@code invalid_cursor} else).
   */
  static Query query(Map<String, String> parameters) {
    String legalEntity = legalEntity(parameters.get("legalEntity"), "legalEntity");
    LocalDate from = date(parameters.get("from"), "from", EARLIEST);
    LocalDate to = date(parameters.get("to"), "to", LATEST);
    String cursor = parameters.get("cursor");
    if (cursor == null) {
      if (from.isAfter(to)) {
        throw Refusal.fieldRule("out_of_range", "to", "to must not be before from").toException();
      }
      return new Query(legalEntity, from, to, null);
    }
    Query resumed = resume(cursor);
    boolean same =
        (legalEntity == null || legalEntity.equals(resumed.legalEntity()))
            && (parameters.get("from") == null || from.equals(resumed.from()))
            && (parameters.get("to") == null || to.equals(resumed.to()));
    if (!same) {
      throw Refusal.of(
              RefusalCode.INVALID_CURSOR,
              "cursor",
              "legalEntity, from and to sent with a cursor must be those of the query that gave it")
          .toException();
    }
    return resumed;
  }

  private static Query resume(String cursor) {
    List<String> fields = Cursors.fields(cursor, CURSOR, CURSOR_FIELDS);
    try {
      String legalEntity = fields.get(0).isEmpty() ? null : legalEntity(fields.get(0), "cursor");
      LocalDate from = LocalDate.parse(fields.get(1));
      LocalDate to = LocalDate.parse(fields.get(2));
      String lastEntity = legalEntity(fields.get(3), "cursor");
      LocalDate lastDate = LocalDate.parse(fields.get(4));
      int lastSequence = Integer.parseInt(fields.get(5));
      if (from.isAfter(to) || lastDate.isBefore(from) || lastDate.isAfter(to)) {
        throw Cursors.invalid();
      }
      FileSummary after =
          new FileSummary(
              DirectDebitFiles.fileId(lastEntity, lastDate, lastSequence),
              lastEntity,
              lastDate,
              lastSequence,
              0,
              null,
              null,
              Instant.EPOCH,
              true);
      return new Query(legalEntity, from, to, after);
    } catch (DateTimeException | IllegalArgumentException e) {
      throw Cursors.invalid();
    }
  }

  private static String legalEntity(String raw, String field) {
    if (raw == null) {
      return null;
    }
    if (!AccountProfileRules.LEGAL_ENTITY.matcher(raw).matches()) {
      throw Refusal.fieldRule(
              "invalid_format",
              field,
              field + " must be 1..32 upper-case letters, digits, '_' or '-'")
          .toException();
    }
    return raw;
  }

  private static LocalDate date(String raw, String field, LocalDate absent) {
    if (raw == null) {
      return absent;
    }
    try {
      LocalDate date = LocalDate.parse(raw);
      if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
        throw Refusal.fieldRule(
                "out_of_range", field, field + " must be between 2000-01-01 and 2999-12-31")
            .toException();
      }
      return date;
    } catch (DateTimeException e) {
      throw Refusal.fieldRule("invalid_value", field, field + " must be a date (YYYY-MM-DD)")
          .toException();
    }
  }
}
