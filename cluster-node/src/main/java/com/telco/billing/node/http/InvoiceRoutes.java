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
import java.util.ArrayList;
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
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.RequestEntity;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
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
 *
 * <p>The TMF678 paths serve the same JSON:
 *
 * <ul>
 *   <li>{@code GET /customerBill/{id}}: the invoice numbered {@code id} as a CustomerBill (JSON
 *       only).
 *   <li>{@code GET /customerBill?billingAccount.id=&limit=&cursor=}: one page of the account's
 *       invoices as a JSON array of CustomerBills, oldest first, paged like {@code
 *       /accounts/{id}/invoices}; {@code X-Result-Count} says how many are in the page, {@code
 *       X-Next-Cursor} (only when there are more) is the {@code cursor} of the next page.
 *   <li>{@code GET /appliedCustomerBillingRate?bill.id=}: the lines of one invoice as a JSON array
 *       of AppliedCustomerBillingRates, each with its {@code bill}; 404 for an unknown number.
 * </ul>
 */
public final class InvoiceRoutes extends AllDirectives {
  // two years of monthly invoices by default; each is rendered in full, hence the low maximum
  private static final int DEFAULT_LIMIT = 24;
  private static final int MAX_LIMIT = 100;
  private static final Set<String> LIST_PARAMETERS = Set.of("limit", "cursor");
  static final String BILLING_ACCOUNT_ID = "billingAccount.id";
  static final String BILL_ID = "bill.id";
  private static final Set<String> CUSTOMER_BILL_PARAMETERS =
      Set.of(BILLING_ACCOUNT_ID, "limit", "cursor");
  private static final Set<String> APPLIED_RATE_PARAMETERS = Set.of(BILL_ID);
  static final String RESULT_COUNT = "X-Result-Count";
  static final String NEXT_CURSOR = "X-Next-Cursor";

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
                    () -> parameterMultiMap(given -> invoices(accountId, given)))),
        path(
            PathMatchers.segment("customerBill").slash(PathMatchers.segment()),
            id ->
                access.endpoint(
                    Endpoints.CUSTOMER_BILL,
                    () ->
                        onSuccess(
                            invoicing.document(id),
                            doc ->
                                complete(
                                    StatusCodes.OK,
                                    CustomerBills.of(doc),
                                    JsonSupport.marshaller())))),
        path(
            "customerBill",
            () ->
                access.endpoint(
                    Endpoints.CUSTOMER_BILLS, () -> parameterMultiMap(this::customerBills))),
        path(
            "appliedCustomerBillingRate",
            () ->
                access.endpoint(
                    Endpoints.APPLIED_BILLING_RATES,
                    () -> parameterMultiMap(this::appliedBillingRates))));
  }

  private Route invoices(String accountId, Map<String, List<String>> given) {
    Map<String, String> parameters = ListParameters.only(given, LIST_PARAMETERS);
    return onSuccess(
        invoicing.documents(accountId, limit(parameters), parameters.get("cursor")),
        page ->
            complete(
                StatusCodes.OK,
                new CustomerBillList(
                    accountId,
                    page.documents().stream().map(CustomerBills::of).toList(),
                    page.nextCursor()),
                JsonSupport.marshaller()));
  }

  private Route customerBills(Map<String, List<String>> given) {
    Map<String, String> parameters = ListParameters.only(given, CUSTOMER_BILL_PARAMETERS);
    String accountId = required(parameters, BILLING_ACCOUNT_ID);
    return onSuccess(
        invoicing.documents(accountId, limit(parameters), parameters.get("cursor")),
        page -> {
          List<HttpHeader> headers = new ArrayList<>(2);
          headers.add(RawHeader.create(RESULT_COUNT, String.valueOf(page.documents().size())));
          if (page.nextCursor() != null) {
            headers.add(RawHeader.create(NEXT_CURSOR, page.nextCursor()));
          }
          return respondWithHeaders(
              headers,
              () ->
                  complete(
                      StatusCodes.OK,
                      page.documents().stream().map(CustomerBills::of).toList(),
                      JsonSupport.marshaller()));
        });
  }

  private Route appliedBillingRates(Map<String, List<String>> given) {
    Map<String, String> parameters = ListParameters.only(given, APPLIED_RATE_PARAMETERS);
    String billId = required(parameters, BILL_ID);
    return onSuccess(
        invoicing.document(billId),
        doc -> complete(StatusCodes.OK, CustomerBills.lines(doc), JsonSupport.marshaller()));
  }

  private static int limit(Map<String, String> parameters) {
    return ListParameters.valid(
        ListBounds.limit(parameters.get("limit"), DEFAULT_LIMIT, MAX_LIMIT));
  }

  private static String required(Map<String, String> parameters, String name) {
    String value = parameters.get(name);
    if (value == null || value.isEmpty()) {
      throw Refusal.of(RefusalCode.REQUIRED, name, name + " is required").toException();
    }
    return value;
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
