package com.telco.billing.node.guiding;

import com.telco.billing.core.subscription.Decision;
import com.telco.billing.core.subscription.ServiceHoldings;
import com.telco.billing.core.subscription.ServiceId;
import com.telco.billing.node.util.Replies;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.guiding.ServiceCommand;
import com.telco.billing.protocol.guiding.ServiceCommand.Claim;
import com.telco.billing.protocol.guiding.ServiceCommand.GetHoldings;
import com.telco.billing.protocol.guiding.ServiceCommand.HoldingResult;
import com.telco.billing.protocol.guiding.ServiceCommand.Release;
import com.telco.billing.protocol.guiding.ServiceCommand.ServiceHoldingsView;
import com.telco.billing.protocol.guiding.ServiceEvent;
import com.telco.billing.protocol.guiding.ServiceEvent.ServiceClaimed;
import com.telco.billing.protocol.guiding.ServiceEvent.ServiceReleased;
import com.telco.billing.sharding.EntityKeys;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.SnapshotAdapter;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;

/**
 * The guiding index entry of one service identifier: which (account, subscription) held it over
 * time. One writer per identifier, so two subscriptions can never both claim it; {@code
 * billing-core}'s {@link ServiceHoldings} decides the rules (recycling after release, moves between
 * accounts).
 */
public final class ServiceGuideEntity
    extends EventSourcedBehaviorWithEnforcedReplies<
        ServiceCommand, ServiceEvent, ServiceGuideState> {

  private final ServiceId serviceId;

  private ServiceGuideEntity(ServiceId serviceId) {
    super(PersistenceId.of(EntityKeys.SERVICE.name(), serviceId.toKey()));
    this.serviceId = serviceId;
  }

  /**
   * @param entityId the identifier's key, {@code TYPE:value}
   */
  public static Behavior<ServiceCommand> create(String entityId) {
    ServiceId id =
        ServiceId.fromKey(entityId)
            .orElseThrow(() -> new IllegalArgumentException("not a service key: " + entityId));
    return new ServiceGuideEntity(id);
  }

  @Override
  public ServiceGuideState emptyState() {
    return new ServiceGuideState(ServiceHoldings.none(serviceId));
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(100, 2);
  }

  @Override
  public SnapshotAdapter<ServiceGuideState> snapshotAdapter() {
    return GuidingJournal.SNAPSHOTS;
  }

  @Override
  public CommandHandlerWithReply<ServiceCommand, ServiceEvent, ServiceGuideState> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(Claim.class, this::onClaim)
        .onCommand(Release.class, this::onRelease)
        .onCommand(
            GetHoldings.class,
            (state, cmd) ->
                Effect().reply(cmd.replyTo(), new ServiceHoldingsView(state.holdings())))
        .build();
  }

  private ReplyEffect<ServiceEvent, ServiceGuideState> onClaim(ServiceGuideState state, Claim cmd) {
    return decide(
        state.holdings().claim(cmd.claim()),
        GuidingJournal.serviceClaimed(cmd.claim()),
        cmd.replyTo(),
        cmd.claim().accountId(),
        cmd.claim().subscriptionId());
  }

  private ReplyEffect<ServiceEvent, ServiceGuideState> onRelease(
      ServiceGuideState state, Release cmd) {
    return decide(
        state.holdings().release(cmd.release()),
        GuidingJournal.serviceReleased(cmd.release()),
        cmd.replyTo(),
        cmd.release().accountId(),
        cmd.release().subscriptionId());
  }

  /** Persists {@code event} for an Applied decision; replies the holding of the subscription. */
  private ReplyEffect<ServiceEvent, ServiceGuideState> decide(
      Decision<ServiceHoldings> decision,
      ServiceEvent event,
      ActorRef<StatusReply<HoldingResult>> replyTo,
      String accountId,
      String subscriptionId) {
    if (decision instanceof Decision.Refused<ServiceHoldings> refused) {
      return Replies.refuse(Effect(), replyTo, Refusal.of(refused.toFieldError()));
    }
    if (decision instanceof Decision.AlreadyApplied<ServiceHoldings> same) {
      return Effect()
          .reply(
              replyTo,
              StatusReply.success(
                  new HoldingResult(
                      same.state().holdingOf(accountId, subscriptionId).orElseThrow(), false)));
    }
    return Effect()
        .persist(event)
        .thenReply(
            replyTo,
            next ->
                StatusReply.success(
                    new HoldingResult(
                        next.holdings().holdingOf(accountId, subscriptionId).orElseThrow(), true)));
  }

  @Override
  public EventHandler<ServiceGuideState, ServiceEvent> eventHandler() {
    return newEventHandlerBuilder()
        .forAnyState()
        .onEvent(
            ServiceClaimed.class,
            (state, evt) ->
                new ServiceGuideState(
                    applied(state.holdings().claim(GuidingJournal.toClaim(evt.claim())))))
        .onEvent(
            ServiceReleased.class,
            (state, evt) ->
                new ServiceGuideState(
                    applied(state.holdings().release(GuidingJournal.toRelease(evt.release())))))
        .build();
  }

  /** Events record decisions already taken: replaying one is always Applied. */
  private static ServiceHoldings applied(Decision<ServiceHoldings> decision) {
    if (decision instanceof Decision.Applied<ServiceHoldings> applied) {
      return applied.state();
    }
    throw new IllegalStateException("event does not replay: " + decision);
  }
}
