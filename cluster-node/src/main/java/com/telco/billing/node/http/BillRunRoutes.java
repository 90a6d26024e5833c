package com.telco.billing.node.http;

import com.telco.billing.core.paging.ListBounds;
import com.telco.billing.node.billrun.BillRunService;
import com.telco.billing.protocol.http.BillRunRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code /bill-runs}: finance starts a bill run on demand and follows its progress.
 *
 * <ul>
 *   <li>{@code POST /bill-runs {"cycleDate": "2026-12-01"}}: 202 with the run when started (the
 *       first pass of the date, or the next one once the earlier passes are over), 200 with the
 *       pass of that date that is still going, 400 for a date that is not a cycle date (day 29..31)
 *       or has not begun.
 *   <li>{@code GET /bill-runs/{id}}: counts, amounts, rate, estimated completion, failures; 404.
 *   <li>{@code GET /bill-runs?limit=&cursor=}: one page of the remembered runs, newest first
 *       ({@code limit} default 20, at most 100) with {@code nextCursor} for the next page.
 * </ul>
 */
public final class BillRunRoutes extends AllDirectives {
  private static final int DEFAULT_LIMIT = 20;
  // a run's view carries up to 100 failures: 100 runs make an answer of a few hundred KiB
  private static final int MAX_LIMIT = 100;
  private static final Set<String> PARAMETERS = Set.of("limit", "cursor");

  private final Access access;
  private final BillRunService runs;

  public BillRunRoutes(Access access, BillRunService runs) {
    this.access = access;
    this.runs = runs;
  }

  public Route routes() {
    return pathPrefix(
        "bill-runs",
        () ->
            concat(
                pathEndOrSingleSlash(
                    () ->
                        concat(
                            access.endpoint(
                                Endpoints.START_BILL_RUN,
                                caller ->
                                    entity(
                                        JsonSupport.unmarshaller(BillRunRequest.class),
                                        request ->
                                            onSuccess(
                                                runs.start(request, caller.origin()),
                                                run ->
                                                    complete(
                                                        run.created()
                                                            ? StatusCodes.ACCEPTED
                                                            : StatusCodes.OK,
                                                        run,
                                                        JsonSupport.marshaller())))),
                            access.endpoint(
                                Endpoints.LIST_BILL_RUNS, () -> parameterMultiMap(this::list)))),
                path(
                    PathMatchers.segment(),
                    id ->
                        access.endpoint(
                            Endpoints.GET_BILL_RUN,
                            () ->
                                onSuccess(
                                    runs.get(id),
                                    run ->
                                        complete(
                                            StatusCodes.OK, run, JsonSupport.marshaller()))))));
  }

  private Route list(Map<String, List<String>> given) {
    Map<String, String> parameters = ListParameters.only(given, PARAMETERS);
    int limit =
        ListParameters.valid(ListBounds.limit(parameters.get("limit"), DEFAULT_LIMIT, MAX_LIMIT));
    return onSuccess(
        runs.list(limit, parameters.get("cursor")),
        page -> complete(StatusCodes.OK, page, JsonSupport.marshaller()));
  }
}
