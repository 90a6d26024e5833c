package com.telco.billing.node.http;

import com.telco.billing.core.paging.ListBounds;
import com.telco.billing.node.invoice.InvoicingService;
import com.telco.billing.node.invoice.render.CustomerBills;
import com.telco.billing.node.invoice.render.InvoiceDocument;
import com.telco.billing.node.invoice.render.InvoiceHtml;
import com.telco.billing.node.invoice.render.InvoicePdf;
import com.telco.billing.node.json.StrictJson;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusalCode;
import com.telco.billing.protocol.http.CustomerBillList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Invoices, as TMF678 CustomerBill JSON, HTML or PDF.
 *
 * <ul>
 *   <li>{@code GET /invoices/{number}}: the issued invoice; the format is {@code
 *       ?format=json|html|pdf} or, without it, negotiated from the {@code Accept} header with its
 *       q-values ({@code application/json}, {@code text/html}, {@code application/pdf}; JSON
 *       without a header). 404 for an unknown number, 400 for an unknown format, 406 for an {@code
 *       Accept} header that takes none of the three.
 *   <li>{@code GET /accounts/{id}/invoices?limit=&cursor=}: one page of the account's invoices,
 *       oldest first ({@code limit} default 24, at most 100), with {@code nextCursor}.
 *   <li>{@code GET /accounts/{id}/invoices/preview}: what the open period's invoice would be now
 *       (computed by the same code as the bill run; nothing is persisted), same formats.
 * </ul>
 */
public final class InvoiceRoutes extends AllDirectives {
  // two years of monthly invoices by default; each is rendered in full, hence the low maximum
  private static final int DEFAULT_LIMIT = 24;
  private static final int MAX_LIMIT = 100;
  private static final Set<String> LIST_PARAMETERS = Set.of("limit", "cursor");

  private final Access access;
  private final InvoicingService invoicing;

  public InvoiceRoutes(Access access, InvoicingService invoicing) {
    this.access = access;
    this.invoicing = invoicing;
  }

  /** The formats a document is served in, each with its content type. */
  enum Format {
    JSON(ContentTypes.APPLICATION_JSON),
    HTML(ContentTypes.TEXT_HTML_UTF8),
    PDF(ContentTypes.create(MediaTypes.APPLICATION_PDF));

    private final ContentType contentType;

    Format(ContentType contentType) {
      this.contentType = contentType;
    }

    /** The format named by {@code ?format=} ({@code json}, {@code html}, {@code pdf}). */
    static Optional<Format> named(String name) {
      return switch (name.toLowerCase(Locale.ROOT)) {
        case "json" -> Optional.of(JSON);
        case "html" -> Optional.of(HTML);
        case "pdf" -> Optional.of(PDF);
        default -> Optional.empty();
      };
    }

    /** The document rendered in this format. */
    HttpEntity.Strict entity(InvoiceDocument doc) {
      return switch (this) {
        case JSON -> HttpEntities.create(contentType, StrictJson.writeBytes(CustomerBills.of(doc)));
        case HTML -> HttpEntities.create(ContentTypes.TEXT_HTML_UTF8, InvoiceHtml.render(doc));
        case PDF -> HttpEntities.create(contentType, InvoicePdf.render(doc));
      };
    }

    Marshaller<InvoiceDocument, RequestEntity> marshaller() {
      return Marshaller.withFixedContentType(contentType, doc -> (RequestEntity) entity(doc));
    }
  }

  /**
   * The formats for the {@code Accept} header, q-values honoured; among equally acceptable ones the
   * first here: JSON without a header or for {@code *}{@code /*}, PDF before HTML (as before
   * q-values were read). Only the chosen format is rendered.
   */
  private static final Marshaller<InvoiceDocument, RequestEntity> NEGOTIATED =
      Marshaller.oneOf(Format.JSON.marshaller(), Format.PDF.marshaller(), Format.HTML.marshaller());

  public Route routes() {
    return concat(
        path(
            PathMatchers.segment("invoices").slash(PathMatchers.segment()),
            number ->
                access.endpoint(
                    Endpoints.INVOICE, () -> document(() -> invoicing.document(number)))),
        path(
            PathMatchers.segment("accounts")
                .slash(PathMatchers.segment())
                .slash("invoices")
                .slash("preview"),
            accountId ->
                access.endpoint(
                    Endpoints.INVOICE_PREVIEW,
                    () ->
                        document(
                            () ->
                                invoicing
                                    .preview(accountId)
                                    .thenApply(InvoicingService::documentOf)))),
        path(
            PathMatchers.segment("accounts").slash(PathMatchers.segment()).slash("invoices"),
            accountId ->
                access.endpoint(
                    Endpoints.ACCOUNT_INVOICES,
                    () -> parameterMultiMap(given -> invoices(accountId, given)))));
  }

  private Route invoices(String accountId, Map<String, List<String>> given) {
    Map<String, String> parameters = ListParameters.only(given, LIST_PARAMETERS);
    int limit =
        ListParameters.valid(ListBounds.limit(parameters.get("limit"), DEFAULT_LIMIT, MAX_LIMIT));
    return onSuccess(
        invoicing.invoices(accountId, limit, parameters.get("cursor")),
        page ->
            complete(
                StatusCodes.OK,
                new CustomerBillList(
                    accountId,
                    page.invoices().stream()
                        .map(
                            issued ->
                                CustomerBills.of(
                                    InvoicingService.documentOf(issued, page.account())))
                        .toList(),
                    page.nextCursor()),
                JsonSupport.marshaller()));
  }

  /**
   * A document in the format {@code ?format=} names (whatever the {@code Accept} header says), else
   * in the best format for the {@code Accept} header: 406 when it accepts none of them. An unknown
   * {@code ?format=} is refused before the document is looked up.
   */
  Route document(Supplier<CompletionStage<InvoiceDocument>> lookup) {
    return parameterOptional(
        "format",
        asked -> {
          if (asked.isEmpty()) {
            return onSuccess(lookup.get(), doc -> complete(StatusCodes.OK, doc, NEGOTIATED));
          }
          return Format.named(asked.get())
              .<Route>map(format -> onSuccess(lookup.get(), doc -> complete(format.entity(doc))))
              .orElseGet(this::badFormat);
        });
  }

  private Route badFormat() {
    return failWith(
        Refusal.of(RefusalCode.UNSUPPORTED_FORMAT, "format", "format must be json, html or pdf")
            .toException());
  }
}
