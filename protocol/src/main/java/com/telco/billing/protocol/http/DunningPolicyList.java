package com.telco.billing.protocol.http;

import com.telco.billing.core.dunning.DunningPolicy;
import java.util.List;

/**
 * Body of {@code GET /dunning-policies}: the latest version of every published policy, by policy
 * id.
 */
public record DunningPolicyList(List<DunningPolicyResponse> policies) {

  public static DunningPolicyList from(List<DunningPolicy> latest) {
    return new DunningPolicyList(latest.stream().map(DunningPolicyResponse::from).toList());
  }
}
