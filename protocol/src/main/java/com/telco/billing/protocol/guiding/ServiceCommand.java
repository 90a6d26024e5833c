package com.telco.billing.protocol.guiding;

import com.telco.billing.core.subscription.Holding;
import com.telco.billing.core.subscription.ServiceClaim;
import com.telco.billing.core.subscription.ServiceHoldings;
import com.telco.billing.core.subscription.ServiceRelease;
import com.telco.billing.protocol.CborSerializable;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;

/**
 * Commands of the guiding entity of one service identifier (entity id {@code TYPE:value}, e.g.
 * {@code MSISDN:+4915100000001}): who holds it over time.
 */
public sealed interface ServiceCommand extends CborSerializable
    permits ServiceCommand.Claim, ServiceCommand.Release, ServiceCommand.GetHoldings {

  /** A subscription holds the identifier from {@code claim.from()}; refused when another does. */
  record Claim(ServiceClaim claim, ActorRef<StatusReply<HoldingResult>> replyTo)
      implements ServiceCommand {}

  /** A subscription gives the identifier up from {@code release.at()}. */
  record Release(ServiceRelease release, ActorRef<StatusReply<HoldingResult>> replyTo)
      implements ServiceCommand {}

  /** The identifier's whole history. */
  record GetHoldings(ActorRef<ServiceHoldingsView> replyTo) implements ServiceCommand {}

  /**
   * Reply to a claim or release: the subscription's holding after it, and whether this command
   * changed it ({@code false} for an idempotent repeat).
   */
  record HoldingResult(Holding holding, boolean changed) implements CborSerializable {}

  /** Reply to {@link GetHoldings}. */
  record ServiceHoldingsView(ServiceHoldings holdings) implements CborSerializable {}
}
