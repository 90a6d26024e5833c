package com.telco.billing.node.http;

import com.telco.billing.node.dunning.policy.DunningPolicyService;
import com.telco.billing.protocol.http.DunningPolicyRequest;
import com.telco.billing.protocol.http.DunningPolicyResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code /dunning-policies}: finance publishes dunning policy versions (docs/dunning.md,
 * "Policies"); finance, collections, operations and auditors read them.
 *
 * <ul>
 *   <li>{@code POST /dunning-policies}: 201 with the new version, 200 with the latest version when
 *       it says the same, 400 with every problem of the document, 409 {@code
 *       policy_scope_conflict}.
 *   <li>{@code GET /dunning-policies}: the latest version of every policy.
 *   <li>{@code GET /dunning-policies/{policyId}}: its latest version; 404 {@code
 *       dunning_policy_not_found}.
 *   <li>{@code GET /dunning-policies/{policyId}/versions/{version}}: one version; 404 {@code
 *       dunning_policy_not_found}.
 * </ul>
 */
public final class DunningPolicyRoutes extends AllDirectives {
  private final Access access;
  private final DunningPolicyService policies;

  public DunningPolicyRoutes(Access access, DunningPolicyService policies) {
    this.access = access;
    this.policies = policies;
  }

  public Route routes() {
    return pathPrefix(
        "dunning-policies",
        () ->
            concat(
                pathEndOrSingleSlash(() -> concat(publish(), list())),
                pathPrefix(
                    PathMatchers.segment(),
                    policyId ->
                        concat(
                            pathEndOrSingleSlash(() -> latest(policyId)),
                            path(
                                PathMatchers.segment("versions").slash(PathMatchers.segment()),
                                version -> version(policyId, version))))));
  }

  private Route publish() {
    return access.endpoint(
        Endpoints.PUBLISH_DUNNING_POLICY,
        caller ->
            entity(
                JsonSupport.unmarshaller(DunningPolicyRequest.class),
                request ->
                    onSuccess(
                        policies.publish(request, caller.origin()),
                        result ->
                            complete(
                                result.created() ? StatusCodes.CREATED : StatusCodes.OK,
                                DunningPolicyResponse.from(result.policy()),
                                JsonSupport.marshaller()))));
  }

  private Route list() {
    return access.endpoint(
        Endpoints.LIST_DUNNING_POLICIES,
        () -> complete(StatusCodes.OK, policies.latestVersions(), JsonSupport.marshaller()));
  }

  private Route latest(String policyId) {
    return access.endpoint(
        Endpoints.GET_DUNNING_POLICY,
        () -> complete(StatusCodes.OK, policies.latest(policyId), JsonSupport.marshaller()));
  }

  private Route version(String policyId, String version) {
    return access.endpoint(
        Endpoints.GET_DUNNING_POLICY_VERSION,
        () ->
            complete(
                StatusCodes.OK, policies.version(policyId, version), JsonSupport.marshaller()));
  }
}
