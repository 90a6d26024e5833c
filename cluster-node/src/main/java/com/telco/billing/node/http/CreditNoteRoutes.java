package com.telco.billing.node.http;

import com.telco.billing.node.invoice.CreditNoteService;
import com.telco.billing.node.invoice.render.CreditNotes;
import com.telco.billing.node.json.StrictJson;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusalCode;
import com.telco.billing.protocol.http.CreditNoteRequest;
import com.telco.billing.protocol.http.CreditNoteResponse;
import com.telco.billing.protocol.invoice.CreditNoteResult;
import com.telco.billing.protocol.invoice.CreditNoteView;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.marshalling.Marshaller;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.RequestEntity;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.Location;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Credit notes (docs/credit-notes.md).
 *
 * <ul>
 *   <li>{@code POST /invoices/{number}/credit-notes} with {@code Idempotency-Key}: 201 with the
 *       credit note and its {@code Location}; the same 201 for a replay of the same key and body
 *       ({@code Idempotent-Replayed: true}), 409 {@code idempotency_key_reused} for the same key
 *       with another body.
 *   <li>{@code GET /invoices/{number}/credit-notes}: the invoice's credit notes, oldest first.
 *   <li>{@code GET /credit-notes/{number}}: one credit note as JSON, HTML or PDF, by {@code
 *       ?format=} or the {@code Accept} header, as invoices.
 * </ul>
 */
public final class CreditNoteRoutes extends AllDirectives {
  private final Access access;
  private final CreditNoteService creditNotes;

  public CreditNoteRoutes(Access access, CreditNoteService creditNotes) {
    this.access = access;
    this.creditNotes = creditNotes;
  }

  /** The formats a credit note is served in, each with its content type. */
  enum Format {
    JSON(ContentTypes.APPLICATION_JSON),
    HTML(ContentTypes.TEXT_HTML_UTF8),
    PDF(ContentTypes.create(MediaTypes.APPLICATION_PDF));

    private final ContentType contentType;

    Format(ContentType contentType) {
      this.contentType = contentType;
    }

    static Optional<Format> named(String name) {
      return switch (name.toLowerCase(Locale.ROOT)) {
        case "json" -> Optional.of(JSON);
        case "html" -> Optional.of(HTML);
        case "pdf" -> Optional.of(PDF);
        default -> Optional.empty();
      };
    }

    HttpEntity.Strict entity(CreditNoteView view) {
      return switch (this) {
        case JSON ->
            HttpEntities.create(contentType, StrictJson.writeBytes(CreditNotes.json(view)));
        case HTML -> HttpEntities.create(ContentTypes.TEXT_HTML_UTF8, CreditNotes.html(view));
        case PDF -> HttpEntities.create(contentType, CreditNotes.pdf(view));
      };
    }

    Marshaller<CreditNoteView, RequestEntity> marshaller() {
      return Marshaller.withFixedContentType(contentType, view -> (RequestEntity) entity(view));
    }
  }

  /** As for invoices: JSON without a header or for any type, PDF before HTML. */
  private static final Marshaller<CreditNoteView, RequestEntity> NEGOTIATED =
      Marshaller.oneOf(Format.JSON.marshaller(), Format.PDF.marshaller(), Format.HTML.marshaller());

  public Route routes() {
    return concat(
        path(
            PathMatchers.segment("invoices").slash(PathMatchers.segment()).slash("credit-notes"),
            number ->
                concat(
                    access.endpoint(
                        Endpoints.ISSUE_CREDIT_NOTE,
                        caller ->
                            optionalHeaderValueByName(
                                PaymentRoutes.IDEMPOTENCY_KEY,
                                key ->
                                    entity(
                                        JsonSupport.unmarshaller(CreditNoteRequest.class),
                                        body ->
                                            onSuccess(
                                                creditNotes.issue(
                                                    number,
                                                    key.orElse(null),
                                                    body,
                                                    caller.origin()),
                                                this::created)))),
                    access.endpoint(
                        Endpoints.INVOICE_CREDIT_NOTES,
                        () ->
                            onSuccess(
                                creditNotes.ofInvoice(number),
                                list ->
                                    complete(
                                        StatusCodes.OK,
                                        new CreditNoteResponse.Page(
                                            number, list.stream().map(CreditNotes::json).toList()),
                                        JsonSupport.marshaller()))))),
        path(
            PathMatchers.segment("credit-notes").slash(PathMatchers.segment()),
            number ->
                access.endpoint(
                    Endpoints.CREDIT_NOTE, () -> document(() -> creditNotes.creditNote(number)))));
  }

  /** 201 with the credit note; a replay marked as one. */
  private Route created(CreditNoteResult result) {
    CreditNoteResponse body = CreditNotes.json(result.creditNote());
    Route answer =
        respondWithHeader(
            Location.create(body.href()),
            () -> complete(StatusCodes.CREATED, body, JsonSupport.marshaller()));
    if (result.created()) {
      return answer;
    }
    return respondWithHeader(RawHeader.create(PaymentRoutes.REPLAYED, "true"), () -> answer);
  }

  private Route document(Supplier<CompletionStage<CreditNoteView>> lookup) {
    return parameterOptional(
        "format",
        asked -> {
          if (asked.isEmpty()) {
            return onSuccess(lookup.get(), view -> complete(StatusCodes.OK, view, NEGOTIATED));
          }
          return Format.named(asked.get())
              .<Route>map(format -> onSuccess(lookup.get(), view -> complete(format.entity(view))))
              .orElseGet(
                  () ->
                      failWith(
                          Refusal.of(
                                  RefusalCode.UNSUPPORTED_FORMAT,
                                  "format",
                                  "format must be json, html or pdf")
                              .toException()));
        });
  }
}
