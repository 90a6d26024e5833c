package com.telco.billing.node;

import com.telco.billing.core.dunning.DunningPolicy;
import com.telco.billing.node.dunning.policy.DunningPolicyJournal;
import com.telco.billing.node.dunning.policy.DunningPolicyState;
import com.telco.billing.node.dunning.policy.SampleDunningPolicy;
import com.telco.billing.protocol.Origin;
import com.telco.billing.protocol.dunning.DunningPolicyCommand;
import com.telco.billing.protocol.dunning.DunningPolicyEvent;
import com.telco.billing.protocol.dunning.PublishPolicyResult;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;

/** Samples of the dunning policy store's messages for {@link SerializationRoundTripTest}. */
final class DunningPolicySamples {
  private DunningPolicySamples() {}

  private static final Instant AT = Instant.parse("2026-12-07T10:15:30.5Z");
  private static final Origin ORIGIN = new Origin("finance-desk", "req-d1");

  static Map<Class<?>, Object> all(ActorRef<Object> replyTo) {
    DunningPolicy published = SampleDunningPolicy.published(1, AT);
    Map<Class<?>, Object> samples = new HashMap<>();
    samples.put(
        DunningPolicyCommand.PublishPolicy.class,
        new DunningPolicyCommand.PublishPolicy(
            SampleDunningPolicy.draft(), ORIGIN, replyTo.unsafeUpcast()));
    samples.put(
        DunningPolicyEvent.PolicyPublished.class,
        DunningPolicyJournal.policyPublished(published, ORIGIN));
    samples.put(PublishPolicyResult.class, new PublishPolicyResult(published, true));
    samples.put(DunningPolicyState.class, new DunningPolicyState(List.of(published)));
    return samples;
  }
}
