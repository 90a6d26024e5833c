package com.telco.billing.node.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.telco.billing.core.catalog.CatalogDocument;
import com.telco.billing.core.paging.ListBounds;
import com.telco.billing.node.catalog.CatalogService;
import com.telco.billing.node.json.StrictJson;
import com.telco.billing.protocol.catalog.http.CatalogVersionSummary;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.http.javadsl.marshallers.jackson.Jackson;
import org.apache.pekko.http.javadsl.marshalling.Marshaller;
import org.apache.pekko.http.javadsl.model.RequestEntity;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code /catalog}: product management publishes catalog versions; everyone reads them.
 *
 * <ul>
 *   <li>{@code POST /catalog/versions} (the document, docs/catalog.md): 201 with the version
 *       summary, 200 when the same version was published before, 400 with every problem of the
 *       document, 409 when the publication rules refuse it.
 *   <li>{@code GET /catalog/versions?limit=&cursor=}: the published versions in short, oldest
 *       first, a page at a time ({@code limit} default 100, at most 1000; {@code nextCursor}).
 *   <li>{@code GET /catalog/versions/{id}}: the version with its document; 404 {@code
 *       catalog_version_not_found}.
 *   <li>{@code GET /catalog/offerings?at=<ISO instant>}: the offerings in effect then (default
 *       now); 400 {@code invalid_instant}, 404 {@code no_catalog_in_effect}.
 * </ul>
 *
 * <p>Answers leave out absent (null) fields, so a document reads back as it was posted.
 */
public final class CatalogRoutes extends AllDirectives {
  // versions are published a few times a year: the default answers all of them in one page
  private static final int DEFAULT_LIMIT = 100;
  private static final int MAX_LIMIT = 1000;
  private static final Set<String> LIST_PARAMETERS = Set.of("limit", "cursor");
  private static final ObjectMapper WRITER =
      StrictJson.MAPPER.copy().setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);

  private final Access access;
  private final CatalogService catalog;

  public CatalogRoutes(Access access, CatalogService catalog) {
    this.access = access;
    this.catalog = catalog;
  }

  private static <T> Marshaller<T, RequestEntity> json() {
    return Jackson.marshaller(WRITER);
  }

  public Route routes() {
    return pathPrefix(
        "catalog",
        () ->
            concat(
                pathPrefix(
                    "versions",
                    () ->
                        concat(
                            pathEndOrSingleSlash(() -> concat(publish(), list())),
                            path(PathMatchers.segment(), this::version))),
                path("offerings", this::offerings)));
  }

  private Route publish() {
    return access.endpoint(
        Endpoints.PUBLISH_CATALOG,
        caller ->
            entity(
                JsonSupport.unmarshaller(CatalogDocument.class),
                document ->
                    onSuccess(
                        catalog.publish(document, caller.origin()),
                        result ->
                            complete(
                                result.created() ? StatusCodes.CREATED : StatusCodes.OK,
                                CatalogVersionSummary.from(result.published()),
                                json()))));
  }

  private Route list() {
    return access.endpoint(
        Endpoints.LIST_CATALOG_VERSIONS,
        () ->
            parameterMultiMap(
                given -> {
                  Map<String, String> parameters = ListParameters.only(given, LIST_PARAMETERS);
                  int limit =
                      ListParameters.valid(
                          ListBounds.limit(parameters.get("limit"), DEFAULT_LIMIT, MAX_LIMIT));
                  return complete(
                      StatusCodes.OK, catalog.versions(limit, parameters.get("cursor")), json());
                }));
  }

  private Route version(String versionId) {
    return access.endpoint(
        Endpoints.GET_CATALOG_VERSION,
        () -> complete(StatusCodes.OK, catalog.version(versionId), json()));
  }

  private Route offerings() {
    return access.endpoint(
        Endpoints.OFFERINGS,
        () ->
            parameterOptional(
                "at", at -> complete(StatusCodes.OK, catalog.offeringsAt(at), json())));
  }
}
