package com.telco.billing.node.http;

import com.telco.billing.node.account.SubscriptionService;
import com.telco.billing.protocol.account.SubscriptionResult;
import com.telco.billing.protocol.http.SubscriptionChangeRequest;
import com.telco.billing.protocol.http.SubscriptionDraft;
import com.telco.billing.protocol.http.SubscriptionResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Subscriptions reported by order management and product inventory (TMF622 order completed, TMF637
 * product created / updated).
 *
 * <ul>
 *   <li>{@code POST /accounts/{id}/subscriptions}: activation; 201, or 200 for a repeat.
 *   <li>{@code POST /accounts/{id}/subscriptions/{sid}/change-offering|suspend|resume|terminate}
 *       with {@code {"effectiveDate": "2026-12-01", "offeringId": ...}}: 200; 409 with the rule's
 *       code when the lifecycle refuses it.
 * </ul>
 */
public final class SubscriptionRoutes extends AllDirectives {
  /** The change actions (spelt exactly so: paths are case-sensitive) and their endpoints. */
  private static final Map<String, Endpoint> ACTIONS =
      Map.of(
          "change-offering", Endpoints.CHANGE_OFFERING,
          "suspend", Endpoints.SUSPEND_SUBSCRIPTION,
          "resume", Endpoints.RESUME_SUBSCRIPTION,
          "terminate", Endpoints.TERMINATE_SUBSCRIPTION);

  private final Access access;
  private final SubscriptionService subscriptions;
  private final Clock clock;

  public SubscriptionRoutes(Access access, SubscriptionService subscriptions, Clock clock) {
    this.access = access;
    this.subscriptions = subscriptions;
    this.clock = clock;
  }

  public Route routes() {
    return pathPrefix(
        "accounts",
        () ->
            pathPrefix(
                PathMatchers.segment(),
                accountId ->
                    pathPrefix(
                        "subscriptions",
                        () ->
                            concat(
                                pathEndOrSingleSlash(
                                    () ->
                                        access.endpoint(
                                            Endpoints.ACTIVATE_SUBSCRIPTION,
                                            caller ->
                                                entity(
                                                    JsonSupport.unmarshaller(
                                                        SubscriptionDraft.class),
                                                    draft ->
                                                        onSuccess(
                                                            subscriptions.activate(
                                                                accountId, draft, caller.origin()),
                                                            result ->
                                                                respond(
                                                                    result,
                                                                    StatusCodes.CREATED))))),
                                change(accountId, "change-offering"),
                                change(accountId, "suspend"),
                                change(accountId, "resume"),
                                change(accountId, "terminate")))));
  }

  private Route change(String accountId, String action) {
    return path(
        PathMatchers.segment().slash(action),
        subscriptionId ->
            access.endpoint(
                ACTIONS.get(action),
                caller ->
                    entity(
                        JsonSupport.unmarshaller(SubscriptionChangeRequest.class),
                        request ->
                            onSuccess(
                                subscriptions.change(
                                    accountId,
                                    subscriptionId,
                                    request.toDraft(action),
                                    caller.origin()),
                                result -> respond(result, StatusCodes.OK)))));
  }

  private Route respond(SubscriptionResult result, StatusCode whenChanged) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), result.timeZone());
    return complete(
        result.changed() ? whenChanged : StatusCodes.OK,
        SubscriptionResponse.from(result.subscription(), today),
        JsonSupport.marshaller());
  }
}
