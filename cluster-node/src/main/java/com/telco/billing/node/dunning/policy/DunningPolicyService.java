package com.telco.billing.node.dunning.policy;

import com.telco.billing.core.dunning.DunningPolicy;
import com.telco.billing.core.validation.Validated;
import com.telco.billing.protocol.Origin;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusalCode;
import com.telco.billing.protocol.dunning.DunningPolicyCommand;
import com.telco.billing.protocol.dunning.PublishPolicyResult;
import com.telco.billing.protocol.http.DunningPolicyList;
import com.telco.billing.protocol.http.DunningPolicyRequest;
import com.telco.billing.protocol.http.DunningPolicyResponse;
import com.telco.billing.sharding.EntityKeys;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;

/**
 * The dunning policy operations behind the HTTP API. Publishing validates the document with {@code
 * billing-core}'s {@code DunningPolicyRules} and asks the policy store; a refusal fails the answer
 * with a {@code RefusedException}. Reads come from this node's {@link DunningPolicyReplica} without
 * a remote call: they may lag a publication made through another node by up to the journal's
 * refresh interval, while a publication answered by this node is already visible here.
 */
public final class DunningPolicyService {
  private static final Pattern VERSION = Pattern.compile("[1-9][0-9]{0,8}");

  private final ClusterSharding sharding;
  private final DunningPolicyReplica replica;
  private final Duration askTimeout;

  /**
   * @param askTimeout how long a request waits for the policy store and for this node's replica
   */
  public DunningPolicyService(
      ActorSystem<?> system, DunningPolicyReplica replica, Duration askTimeout) {
    this.sharding = ClusterSharding.get(system);
    this.replica = replica;
    this.askTimeout = askTimeout;
  }

  /**
   * Publishes the next version of a policy: 400 with every problem of the document, 409 {@code
   * policy_scope_conflict}; otherwise the version (the latest one, not created, when it says the
   * same), once this node's replica has it (or the ask timeout passed).
   *
   * @param origin the request that publishes it, stored on the event
   */
  public CompletionStage<PublishPolicyResult> publish(DunningPolicyRequest request, Origin origin) {
    Validated<DunningPolicy> policy = request.validate();
    if (!policy.isValid()) {
      return CompletableFuture.failedFuture(Refusal.invalid(policy.errors()).toException());
    }
    CompletionStage<PublishPolicyResult> published =
        sharding
            .entityRefFor(EntityKeys.DUNNING_POLICY, DunningPolicyEntity.ENTITY_ID)
            .askWithStatus(
                replyTo -> new DunningPolicyCommand.PublishPolicy(policy.value(), origin, replyTo),
                askTimeout);
    return published.thenCompose(
        result ->
            replica
                .awaitVersion(result.policy().policyId(), result.policy().version(), askTimeout)
                .thenApply(arrived -> result));
  }

  /** The latest version of every policy, by policy id. */
  public DunningPolicyList latestVersions() {
    return DunningPolicyList.from(replica.state().latestVersions());
  }

  /** The latest version of a policy; 404 {@code dunning_policy_not_found}. */
  public DunningPolicyResponse latest(String policyId) {
    return replica
        .state()
        .latest(policyId)
        .map(DunningPolicyResponse::from)
        .orElseThrow(DunningPolicyService::notFound);
  }

  /**
   * A version of a policy ({@code version} as the path has it); 404 {@code
   * dunning_policy_not_found}, also for a version that is not a number.
   */
  public DunningPolicyResponse version(String policyId, String version) {
    if (!VERSION.matcher(version).matches()) {
      throw notFound();
    }
    return replica
        .version(policyId, Integer.parseInt(version))
        .map(DunningPolicyResponse::from)
        .orElseThrow(DunningPolicyService::notFound);
  }

  private static RuntimeException notFound() {
    return Refusal.of(
            RefusalCode.DUNNING_POLICY_NOT_FOUND,
            null,
            "no dunning policy version is published under this id")
        .toException();
  }
}
