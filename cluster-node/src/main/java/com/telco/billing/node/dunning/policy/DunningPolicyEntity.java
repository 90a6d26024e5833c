package com.telco.billing.node.dunning.policy;

import com.telco.billing.core.dunning.DunningPolicy;
import com.telco.billing.core.dunning.DunningPolicyRules;
import com.telco.billing.node.util.Replies;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusalCode;
import com.telco.billing.protocol.dunning.DunningPolicyCommand;
import com.telco.billing.protocol.dunning.DunningPolicyCommand.PublishPolicy;
import com.telco.billing.protocol.dunning.DunningPolicyEvent;
import com.telco.billing.protocol.dunning.DunningPolicyEvent.PolicyPublished;
import com.telco.billing.protocol.dunning.PublishPolicyResult;
import com.telco.billing.sharding.EntityKeys;
import java.time.Clock;
import java.util.Optional;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;

/**
 * The dunning policy store: the one writer of every dunning policy version. There is one entity,
 * with entity id {@value #ENTITY_ID} (persistence id {@code DunningPolicy|policies}); it numbers
 * the versions of each policy 1, 2, ... and records them. Nodes read the policies from their {@link
 * DunningPolicyReplica}, never from this entity.
 *
 * <p>Idempotency: publishing what the policy's latest version already says ({@link
 * DunningPolicyRules#sameTerms}) answers that version without a new event.
 *
 * <p>No snapshots: the state is every published version, published a few times a year.
 */
public final class DunningPolicyEntity
    extends EventSourcedBehaviorWithEnforcedReplies<
        DunningPolicyCommand, DunningPolicyEvent, DunningPolicyState> {

  /** The id of the one policy entity. */
  public static final String ENTITY_ID = "policies";

  /** The persistence id of the policies' events: {@code DunningPolicy|policies}. */
  public static final PersistenceId PERSISTENCE_ID =
      PersistenceId.of(EntityKeys.DUNNING_POLICY.name(), ENTITY_ID);

  private final Clock clock;

  private DunningPolicyEntity(String entityId, Clock clock) {
    super(PersistenceId.of(EntityKeys.DUNNING_POLICY.name(), entityId));
    this.clock = clock;
  }

  /**
   * The entity behavior for a sharded entity id; only {@value #ENTITY_ID} is ever addressed.
   *
   * @param clock stamps {@code publishedAt}
   */
  public static Behavior<DunningPolicyCommand> create(String entityId, Clock clock) {
    return new DunningPolicyEntity(entityId, clock);
  }

  @Override
  public DunningPolicyState emptyState() {
    return DunningPolicyState.EMPTY;
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.disabled();
  }

  @Override
  public CommandHandlerWithReply<DunningPolicyCommand, DunningPolicyEvent, DunningPolicyState>
      commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(PublishPolicy.class, this::onPublish)
        .build();
  }

  private ReplyEffect<DunningPolicyEvent, DunningPolicyState> onPublish(
      DunningPolicyState state, PublishPolicy cmd) {
    DunningPolicy draft = cmd.policy();
    Optional<DunningPolicy> latest = state.latest(draft.policyId());
    if (latest.isPresent() && DunningPolicyRules.sameTerms(latest.get(), draft)) {
      return Effect()
          .reply(cmd.replyTo(), StatusReply.success(new PublishPolicyResult(latest.get(), false)));
    }
    Optional<String> conflict = state.scopeConflict(draft);
    if (conflict.isPresent()) {
      return Replies.refuse(
          Effect(),
          cmd.replyTo(),
          Refusal.of(RefusalCode.POLICY_SCOPE_CONFLICT, "$.legalEntity", conflict.get()));
    }
    DunningPolicy published =
        new DunningPolicy(
            draft.policyId(),
            state.nextVersion(draft.policyId()),
            draft.legalEntity(),
            draft.segment(),
            draft.minimumOverdue(),
            draft.steps(),
            draft.lateFee(),
            clock.instant());
    return Effect()
        .persist(DunningPolicyJournal.policyPublished(published, cmd.origin()))
        .thenReply(
            cmd.replyTo(),
            after ->
                StatusReply.success(
                    new PublishPolicyResult(
                        after.version(published.policyId(), published.version()).orElseThrow(),
                        true)));
  }

  @Override
  public EventHandler<DunningPolicyState, DunningPolicyEvent> eventHandler() {
    return newEventHandlerBuilder()
        .forAnyState()
        .onEvent(PolicyPublished.class, DunningPolicyState::apply)
        .build();
  }
}
