package com.telco.billing.node.http;

import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /openapi.json}: the OpenAPI 3.1 document of the API ({@link OpenApiDocument}), as
 * {@code application/json}. A public endpoint ({@link Endpoints#OPENAPI}): it tells what the API
 * is, nothing of its data.
 */
public final class OpenApiRoutes extends AllDirectives {
  private final Access access;
  private final OpenApiDocument document;

  public OpenApiRoutes(Access access, OpenApiDocument document) {
    this.access = access;
    this.document = document;
  }

  public Route routes() {
    return path(
        "openapi.json",
        () -> access.endpoint(Endpoints.OPENAPI, () -> complete(document.entity())));
  }
}
