package com.telco.billing.node.http;

import com.telco.billing.core.paging.ListBounds;
import com.telco.billing.node.invoice.InvoicingService;
import com.telco.billing.node.invoice.render.CustomerBills;
import com.telco.billing.node.invoice.render.InvoiceDocument;
import com.telco.billing.node.invoice.render.InvoiceHtml;
import com.telco.billing.node.invoice.render.InvoicePdf;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusalCode;
import com.telco.billing.protocol.http.CustomerBillList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Invoices, as TMF678 CustomerBill JSON, HTML or PDF.
 *
 * <ul>
 *   <li>{@code GET /invoices/{number}}: the issued invoice; the format is {@code
 *       ?format=json|html|pdf} or, without it, the {@code Accept} header ({@code text/html}, {@code
 *       application/pdf}, else JSON). 404 for an unknown number, 400 for an unknown format.
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

  private final InvoicingService invoicing;

  public InvoiceRoutes(InvoicingService invoicing) {
    this.invoicing = invoicing;
  }

  /** The formats a document is served in. */
  enum Format {
    JSON,
    HTML,
    PDF
  }

  public Route routes() {
    return concat(
        path(
            PathMatchers.segment("invoices").slash(PathMatchers.segment()),
            number ->
                get(
                    () ->
                        format(
                            format ->
                                onSuccess(
                                    invoicing.document(number), doc -> render(doc, format))))),
        path(
            PathMatchers.segment("accounts")
                .slash(PathMatchers.segment())
                .slash("invoices")
                .slash("preview"),
            accountId ->
                get(
                    () ->
                        format(
                            format ->
                                onSuccess(
                                    invoicing.preview(accountId),
                                    preview ->
                                        render(InvoicingService.documentOf(preview), format))))),
        path(
            PathMatchers.segment("accounts").slash(PathMatchers.segment()).slash("invoices"),
            accountId -> get(() -> parameterMultiMap(given -> invoices(accountId, given)))));
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

  private Route format(java.util.function.Function<Format, Route> inner) {
    return parameterOptional(
        "format",
        asked ->
            optionalHeaderValueByName(
                "Accept", accept -> chosen(asked, accept).map(inner).orElseGet(this::badFormat)));
  }

  private Route badFormat() {
    return failWith(
        Refusal.of(RefusalCode.UNSUPPORTED_FORMAT, "format", "format must be json, html or pdf")
            .toException());
  }

  static Optional<Format> chosen(Optional<String> asked, Optional<String> accept) {
    if (asked.isPresent()) {
      return switch (asked.get().toLowerCase(Locale.ROOT)) {
        case "json" -> Optional.of(Format.JSON);
        case "html" -> Optional.of(Format.HTML);
        case "pdf" -> Optional.of(Format.PDF);
        default -> Optional.empty();
      };
    }
    String header = accept.orElse("").toLowerCase(Locale.ROOT);
    if (header.contains("application/pdf")) {
      return Optional.of(Format.PDF);
    }
    if (header.contains("text/html")) {
      return Optional.of(Format.HTML);
    }
    return Optional.of(Format.JSON);
  }

  private Route render(InvoiceDocument doc, Format format) {
    return switch (format) {
      case JSON -> complete(StatusCodes.OK, CustomerBills.of(doc), JsonSupport.marshaller());
      case HTML ->
          complete(HttpEntities.create(ContentTypes.TEXT_HTML_UTF8, InvoiceHtml.render(doc)));
      case PDF ->
          complete(
              HttpEntities.create(
                  ContentTypes.create(MediaTypes.APPLICATION_PDF), InvoicePdf.render(doc)));
    };
  }
}
