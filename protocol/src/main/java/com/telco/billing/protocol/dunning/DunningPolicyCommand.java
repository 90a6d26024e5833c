package com.telco.billing.protocol.dunning;

import com.telco.billing.core.dunning.DunningPolicy;
import com.telco.billing.protocol.CborSerializable;
import com.telco.billing.protocol.Origin;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;

/**
 * Commands of the dunning policy store, the one writer of every dunning policy version (a single
 * sharded entity, persistence id {@code DunningPolicy|policies}). Nodes read the policies from
 * their local replica, not from the entity.
 */
public sealed interface DunningPolicyCommand extends CborSerializable
    permits DunningPolicyCommand.PublishPolicy {

  /**
   * Publishes the next version of {@code policy.policyId()}: a policy that {@code
   * DunningPolicyRules.validate} accepted (its version and publication time are given by the
   * store). Publishing what the latest version already says answers that version with {@code
   * created = false} and records nothing. Refused with {@code policy_scope_conflict} when another
   * policy covers the same legal entity and segment, or when the policy's legal entity or segment
   * differs from its first version's.
   */
  record PublishPolicy(
      DunningPolicy policy, Origin origin, ActorRef<StatusReply<PublishPolicyResult>> replyTo)
      implements DunningPolicyCommand {}
}
