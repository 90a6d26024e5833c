package com.telco.billing.node.rerating;

import com.telco.billing.protocol.Origin;
import com.telco.billing.protocol.rerating.RerateResult;
import java.time.Instant;
import java.util.concurrent.CompletionStage;

/** What the re-rating singleton needs from the rest of the node. */
public final class ReratingPorts {
  private ReratingPorts() {}

  /** Rates one account's usage again; a failure (refusal, timeout) completes exceptionally. */
  public interface AccountRerater {
    CompletionStage<RerateResult> rerate(
        String accountId,
        String jobId,
        Instant from,
        Instant to,
        String offeringId,
        int catalogVersions,
        Origin origin);
  }
}
