package com.telco.billing.node.dunning.policy;

import com.telco.billing.node.BillingSettings;
import com.telco.billing.node.dunning.DunningPolicySource;
import com.telco.billing.sharding.ShardingInit;
import java.time.Clock;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * The dunning policies on a node: the sharded policy store (the one writer), this node's {@link
 * DunningPolicyReplica} (what the account entities evaluate their dunning with) and the {@link
 * DunningPolicyService} the {@code /dunning-policies} routes serve.
 */
public final class DunningPolicyModule {
  private final DunningPolicyReplica replica;
  private final DunningPolicyService service;

  private DunningPolicyModule(DunningPolicyReplica replica, DunningPolicyService service) {
    this.replica = replica;
    this.service = service;
  }

  /**
   * Starts the policy store's sharding and the replica on this node.
   *
   * @param settings the ask timeout of the policy requests
   * @param clock stamps {@code publishedAt}
   */
  public static DunningPolicyModule init(
      ActorSystem<?> system, BillingSettings settings, Clock clock) {
    ShardingInit.initDunningPolicies(
        system, entityContext -> DunningPolicyEntity.create(entityContext.getEntityId(), clock));
    DunningPolicyReplica replica = DunningPolicyReplica.get(system);
    return new DunningPolicyModule(
        replica, new DunningPolicyService(system, replica, settings.http().askTimeout()));
  }

  /** The policies as this node knows them, for the account entities. */
  public DunningPolicySource policies() {
    return replica;
  }

  /** The replica itself (caught up or not), e.g. for a readiness check. */
  public DunningPolicyReplica replica() {
    return replica;
  }

  /** The policy operations the {@code /dunning-policies} routes serve. */
  public DunningPolicyService service() {
    return service;
  }
}
