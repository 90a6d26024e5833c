package com.telco.billing.node.http;

import com.telco.billing.node.account.AccountService;
import com.telco.billing.protocol.http.AccountResponse;
import com.telco.billing.protocol.http.OpenAccountRequest;
import java.time.Clock;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code /accounts}: order management opens billing accounts; operations read them.
 *
 * <ul>
 *   <li>{@code POST /accounts}: 201 with the account when opened, 200 when the same request was
 *       repeated, 400 for invalid input, 409 when the id is taken with different data.
 *   <li>{@code GET /accounts/{id}}: 200, or 404 for an unknown account.
 * </ul>
 */
public final class AccountRoutes extends AllDirectives {
  private final Access access;
  private final AccountService accounts;
  private final Clock clock;

  public AccountRoutes(Access access, AccountService accounts, Clock clock) {
    this.access = access;
    this.accounts = accounts;
    this.clock = clock;
  }

  public Route routes() {
    return pathPrefix(
        "accounts",
        () ->
            concat(
                pathEndOrSingleSlash(
                    () ->
                        access.endpoint(
                            Endpoints.OPEN_ACCOUNT,
                            caller ->
                                entity(
                                    JsonSupport.unmarshaller(OpenAccountRequest.class),
                                    request ->
                                        onSuccess(
                                            accounts.open(request, caller.origin()),
                                            result ->
                                                complete(
                                                    result.created()
                                                        ? StatusCodes.CREATED
                                                        : StatusCodes.OK,
                                                    AccountResponse.from(
                                                        result.account(), clock.instant()),
                                                    JsonSupport.marshaller()))))),
                path(
                    PathMatchers.segment().slash("usage").slash("current"),
                    id ->
                        access.endpoint(
                            Endpoints.CURRENT_USAGE,
                            () ->
                                onSuccess(
                                    accounts.currentUsage(id),
                                    usage ->
                                        complete(
                                            StatusCodes.OK, usage, JsonSupport.marshaller())))),
                path(
                    PathMatchers.segment(),
                    id ->
                        access.endpoint(
                            Endpoints.GET_ACCOUNT,
                            () ->
                                onSuccess(
                                    accounts.get(id),
                                    view ->
                                        complete(
                                            StatusCodes.OK,
                                            AccountResponse.from(view, clock.instant()),
                                            JsonSupport.marshaller()))))));
  }
}
