package com.telco.billing.node.guiding;

import com.telco.billing.core.subscription.Holding;
import com.telco.billing.core.subscription.ServiceClaim;
import com.telco.billing.core.subscription.ServiceHoldings;
import com.telco.billing.core.subscription.ServiceId;
import com.telco.billing.core.subscription.ServiceRelease;
import com.telco.billing.core.validation.Validated;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusalCode;
import com.telco.billing.protocol.guiding.ServiceCommand;
import com.telco.billing.protocol.guiding.ServiceCommand.HoldingResult;
import com.telco.billing.sharding.EntityKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;

/**
 * Guiding: which subscription held a service identifier at an instant. Asks the identifier's
 * guiding entity through sharding.
 */
public final class GuidingService {
  private final ClusterSharding sharding;
  private final Duration askTimeout;

  /**
   * @param askTimeout how long a look-up or claim waits for the service's guide
   */
  public GuidingService(ActorSystem<?> system, Duration askTimeout) {
    this.sharding = ClusterSharding.get(system);
    this.askTimeout = askTimeout;
  }

  public CompletionStage<HoldingResult> claim(ServiceClaim claim) {
    return entity(claim.serviceId())
        .askWithStatus(replyTo -> new ServiceCommand.Claim(claim, replyTo), askTimeout);
  }

  public CompletionStage<HoldingResult> release(ServiceRelease release) {
    return entity(release.serviceId())
        .askWithStatus(replyTo -> new ServiceCommand.Release(release, replyTo), askTimeout);
  }

  /** Every holding the identifier ever had. */
  public CompletionStage<ServiceHoldings> holdings(ServiceId serviceId) {
    return entity(serviceId)
        .<ServiceCommand.ServiceHoldingsView>ask(ServiceCommand.GetHoldings::new, askTimeout)
        .thenApply(ServiceCommand.ServiceHoldingsView::holdings);
  }

  /**
   * Who held the identifier at {@code at}: 400 for an invalid identifier, 404 {@code
   * service_not_guided} when nobody did.
   */
  public CompletionStage<Holding> holderAt(String type, String rawServiceId, Instant at) {
    Validated<ServiceId> serviceId = ServiceId.parse(type, rawServiceId, "serviceId");
    if (!serviceId.isValid()) {
      return CompletableFuture.failedFuture(Refusal.invalid(serviceId.errors()).toException());
    }
    return holdings(serviceId.value())
        .thenApply(
            holdings -> {
              Optional<Holding> holder = holdings.holderAt(at);
              return holder.orElseThrow(
                  () ->
                      Refusal.of(
                              RefusalCode.SERVICE_NOT_GUIDED,
                              "serviceId",
                              "the service identifier was held by no subscription at that instant")
                          .toException());
            });
  }

  private EntityRef<ServiceCommand> entity(ServiceId serviceId) {
    return sharding.entityRefFor(EntityKeys.SERVICE, serviceId.toKey());
  }
}
