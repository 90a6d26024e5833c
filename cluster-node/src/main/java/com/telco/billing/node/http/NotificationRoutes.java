package com.telco.billing.node.http;

import com.telco.billing.core.paging.ListBounds;
import com.telco.billing.core.paging.PageCursor;
import com.telco.billing.node.notification.NotificationService;
import com.telco.billing.node.util.Cursors;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.http.NotificationDeliveryList;
import com.telco.billing.protocol.http.NotificationSubscriptionRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.Location;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code /notification-subscriptions} and {@code /notifications/deliveries}: the subscribers of the
 * notifications and their deliveries (docs/notifications.md).
 *
 * <ul>
 *   <li>{@code POST /notification-subscriptions}: 201 with the subscriber (never its secret).
 *   <li>{@code GET /notification-subscriptions}: every subscriber.
 *   <li>{@code DELETE /notification-subscriptions/{id}}: 200 with the subscriber removed; 404
 *       {@code notification_subscription_not_found}.
 *   <li>{@code GET /notifications/deliveries?status=failed&limit=&cursor=}: one page of failed
 *       deliveries, by id.
 *   <li>{@code POST /notifications/deliveries/{id}/redeliver}: back to pending, tried at once; 404
 *       {@code notification_delivery_not_found}.
 * </ul>
 */
public final class NotificationRoutes extends AllDirectives {
  static final Set<String> PARAMETERS = Set.of("status", "limit", "cursor");
  private static final String CURSOR = "notification-deliveries";

  private final Access access;
  private final NotificationService notifications;

  public NotificationRoutes(Access access, NotificationService notifications) {
    this.access = access;
    this.notifications = notifications;
  }

  public Route routes() {
    return concat(subscriptions(), deliveries());
  }

  private Route subscriptions() {
    return pathPrefix(
        "notification-subscriptions",
        () ->
            concat(
                pathEndOrSingleSlash(
                    () ->
                        concat(
                            access.endpoint(
                                Endpoints.CREATE_NOTIFICATION_SUBSCRIPTION,
                                caller ->
                                    entity(
                                        JsonSupport.unmarshaller(
                                            NotificationSubscriptionRequest.class),
                                        request ->
                                            onSuccess(
                                                notifications.create(request, caller.subject()),
                                                created ->
                                                    respondWithHeader(
                                                        Location.create(created.href()),
                                                        () ->
                                                            complete(
                                                                StatusCodes.CREATED,
                                                                created,
                                                                JsonSupport.marshaller()))))),
                            access.endpoint(
                                Endpoints.LIST_NOTIFICATION_SUBSCRIPTIONS,
                                () ->
                                    onSuccess(
                                        notifications.list(),
                                        all ->
                                            complete(
                                                StatusCodes.OK, all, JsonSupport.marshaller()))))),
                path(
                    PathMatchers.segment(),
                    id ->
                        access.endpoint(
                            Endpoints.DELETE_NOTIFICATION_SUBSCRIPTION,
                            () ->
                                onSuccess(
                                    notifications.remove(id),
                                    removed ->
                                        complete(
                                            StatusCodes.OK, removed, JsonSupport.marshaller()))))));
  }

  private Route deliveries() {
    return pathPrefix(
        PathMatchers.segment("notifications").slash("deliveries"),
        () ->
            concat(
                pathEndOrSingleSlash(
                    () ->
                        access.endpoint(
                            Endpoints.LIST_NOTIFICATION_DELIVERIES,
                            () ->
                                parameterMultiMap(
                                    given -> list(ListParameters.only(given, PARAMETERS))))),
                path(
                    PathMatchers.segment().slash("redeliver"),
                    id ->
                        access.endpoint(
                            Endpoints.REDELIVER_NOTIFICATION,
                            () ->
                                onSuccess(
                                    notifications.redeliver(id),
                                    delivery ->
                                        complete(
                                            StatusCodes.OK,
                                            delivery,
                                            JsonSupport.marshaller()))))));
  }

  private Route list(Map<String, String> parameters) {
    String status = parameters.getOrDefault("status", "failed");
    if (!status.equals("failed")) {
      throw Refusal.fieldRule(
              "invalid_value",
              "status",
              "status must be failed (only failed deliveries are listed)")
          .toException();
    }
    int limit =
        ListParameters.valid(
            ListBounds.limit(
                parameters.get("limit"),
                notifications.settings().defaultLimit(),
                notifications.settings().maxLimit()));
    String cursor = parameters.get("cursor");
    String after = cursor == null ? "" : Cursors.fields(cursor, CURSOR, 1).get(0);
    return onSuccess(
        notifications.failed(after, limit),
        page ->
            complete(
                StatusCodes.OK,
                NotificationDeliveryList.of(
                    page.deliveries(),
                    page.last() == null ? null : PageCursor.encode(CURSOR, List.of(page.last()))),
                JsonSupport.marshaller()));
  }
}
