package com.telco.billing.node.http;

import com.telco.billing.node.invoice.InvoicingService;
import com.telco.billing.node.invoice.render.CustomerBills;
import com.telco.billing.node.invoice.render.InvoiceDocument;
import com.telco.billing.node.invoice.render.InvoiceHtml;
import com.telco.billing.node.invoice.render.InvoicePdf;
import com.telco.billing.protocol.http.CustomerBillList;
import java.util.Locale;
import java.util.Optional;
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
 *   <li>{@code GET /accounts/{id}/invoices}: the account's invoices, oldest first.
 *   <li>{@code GET /accounts/{id}/invoices/preview}: what the open period's invoice would be now
 *       (computed by the same code as the bill run; nothing is persisted), same formats.
 * </ul>
 */
public final class InvoiceRoutes extends AllDirectives {
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
            accountId ->
                get(
                    () ->
                        onSuccess(
                            invoicing.invoices(accountId),
                            list ->
                                complete(
                                    StatusCodes.OK,
                                    new CustomerBillList(
                                        accountId,
                                        list.invoices().stream()
                                            .map(
                                                issued ->
                                                    CustomerBills.of(
                                                        InvoicingService.documentOf(
                                                            issued, list.account())))
                                            .toList()),
                                    JsonSupport.marshaller())))));
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
        ApiException.badRequest(
            "unsupported_format", "format", "format must be json, html or pdf"));
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
