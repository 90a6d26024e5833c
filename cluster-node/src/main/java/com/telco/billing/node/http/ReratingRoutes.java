package com.telco.billing.node.http;

import com.telco.billing.node.rerating.ReratingService;
import com.telco.billing.protocol.rerating.ReratingJobRequest;
import java.util.Optional;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code /rerating-jobs}: finance rates usage again with the catalog in effect (docs/rerating.md).
 *
 * <ul>
 *   <li>{@code POST /rerating-jobs} with {@code Idempotency-Key}: 202 with the job when started; a
 *       replay of the same key and body answers the job as it stands (200, {@code
 *       Idempotent-Replayed: true}), another body 409 {@code idempotency_key_reused}.
 *   <li>{@code GET /rerating-jobs}: the jobs kept, newest first; {@code GET /rerating-jobs/{id}}:
 *       one job with its progress; 404 {@code rerating_job_not_found}.
 * </ul>
 */
public final class ReratingRoutes extends AllDirectives {
  private final Access access;
  private final ReratingService jobs;

  public ReratingRoutes(Access access, ReratingService jobs) {
    this.access = access;
    this.jobs = jobs;
  }

  public Route routes() {
    return pathPrefix(
        "rerating-jobs",
        () ->
            concat(
                pathEndOrSingleSlash(
                    () ->
                        concat(
                            access.endpoint(
                                Endpoints.START_RERATING_JOB,
                                caller ->
                                    optionalHeaderValueByName(
                                        PaymentRoutes.IDEMPOTENCY_KEY,
                                        (Optional<String> key) ->
                                            entity(
                                                JsonSupport.unmarshaller(ReratingJobRequest.class),
                                                request ->
                                                    onSuccess(
                                                        jobs.start(
                                                            key.orElse(null),
                                                            request,
                                                            caller.origin()),
                                                        started ->
                                                            started.created()
                                                                ? complete(
                                                                    StatusCodes.ACCEPTED,
                                                                    started.job(),
                                                                    JsonSupport.marshaller())
                                                                : respondWithHeader(
                                                                    RawHeader.create(
                                                                        PaymentRoutes.REPLAYED,
                                                                        "true"),
                                                                    () ->
                                                                        complete(
                                                                            StatusCodes.OK,
                                                                            started.job(),
                                                                            JsonSupport
                                                                                .marshaller())))))),
                            access.endpoint(
                                Endpoints.LIST_RERATING_JOBS,
                                () ->
                                    onSuccess(
                                        jobs.list(),
                                        list ->
                                            complete(
                                                StatusCodes.OK, list, JsonSupport.marshaller()))))),
                path(
                    PathMatchers.segment(),
                    id ->
                        access.endpoint(
                            Endpoints.GET_RERATING_JOB,
                            () ->
                                onSuccess(
                                    jobs.get(id),
                                    job ->
                                        complete(
                                            StatusCodes.OK, job, JsonSupport.marshaller()))))));
  }
}
