package com.telco.billing.node.http;

import com.telco.billing.node.invoice.InvoicingService;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Invoices.
 *
 * <ul>
 *   <li>{@code GET /invoices/{number}}: the issued invoice; 404 for an unknown number.
 *   <li>{@code GET /accounts/{id}/invoices}: the account's invoices, oldest first.
 *   <li>{@code GET /accounts/{id}/invoices/preview}: what the open period's invoice would be now
 *       (computed by the same code as the bill run; nothing is persisted).
 * </ul>
 */
public final class InvoiceRoutes extends AllDirectives {
  private final InvoicingService invoicing;

  public InvoiceRoutes(InvoicingService invoicing) {
    this.invoicing = invoicing;
  }

  public Route routes() {
    return concat(
        path(
            PathMatchers.segment("invoices").slash(PathMatchers.segment()),
            number ->
                get(
                    () ->
                        onSuccess(
                            invoicing.invoice(number),
                            invoice ->
                                complete(StatusCodes.OK, invoice, JsonSupport.marshaller())))),
        path(
            PathMatchers.segment("accounts")
                .slash(PathMatchers.segment())
                .slash("invoices")
                .slash("preview"),
            accountId ->
                get(
                    () ->
                        onSuccess(
                            invoicing.preview(accountId),
                            preview ->
                                complete(StatusCodes.OK, preview, JsonSupport.marshaller())))),
        path(
            PathMatchers.segment("accounts").slash(PathMatchers.segment()).slash("invoices"),
            accountId ->
                get(
                    () ->
                        onSuccess(
                            invoicing.invoices(accountId),
                            list -> complete(StatusCodes.OK, list, JsonSupport.marshaller())))));
  }
}
