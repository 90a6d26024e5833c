package com.telco.billing.node.http;

import com.telco.billing.node.guiding.GuidingService;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusalCode;
import com.telco.billing.protocol.http.ServiceHolderResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /services/{serviceId}?at=<instant>&type=MSISDN|IMSI}: who held a service identifier at
 * an instant (default now, type default MSISDN); 404 {@code service_not_guided} when nobody did.
 */
public final class ServiceRoutes extends AllDirectives {
  private final Access access;
  private final GuidingService guiding;
  private final Clock clock;

  public ServiceRoutes(Access access, GuidingService guiding, Clock clock) {
    this.access = access;
    this.guiding = guiding;
    this.clock = clock;
  }

  public Route routes() {
    return path(
        PathMatchers.segment("services").slash(PathMatchers.segment()),
        serviceId ->
            access.endpoint(
                Endpoints.SERVICE_HOLDER,
                () ->
                    parameterOptional(
                        "at",
                        at ->
                            parameterOptional(
                                "type",
                                type -> {
                                  Instant instant =
                                      at.map(ServiceRoutes::instant).orElse(clock.instant());
                                  return onSuccess(
                                      guiding.holderAt(type.orElse("MSISDN"), serviceId, instant),
                                      holding ->
                                          complete(
                                              StatusCodes.OK,
                                              ServiceHolderResponse.from(
                                                  serviceId, instant, holding),
                                              JsonSupport.marshaller()));
                                }))));
  }

  /** Parses an ISO-8601 instant query parameter {@code at} or fails with 400 naming it. */
  static Instant instant(String value) {
    return instant(value, "at");
  }

  /** Parses an ISO-8601 instant parameter or fails with 400 naming {@code field}. */
  static Instant instant(String value, String field) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw Refusal.of(
              RefusalCode.INVALID_INSTANT,
              field,
              field + " must be an ISO-8601 instant such as 2026-12-01T00:00:00Z")
          .toException();
    }
  }
}
