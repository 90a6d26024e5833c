package com.telco.billing.protocol.dunning;

import com.telco.billing.protocol.CborSerializable;
import com.telco.billing.protocol.Origin;
import com.telco.billing.protocol.dunning.journal.DunningPolicyRecord;

/**
 * Events of the dunning policy store (a single sharded entity, persistence id {@code
 * DunningPolicy|policies}), followed by the policy replica of every node. Made of the journal
 * records of {@link com.telco.billing.protocol.dunning.journal}.
 */
public sealed interface DunningPolicyEvent extends CborSerializable
    permits DunningPolicyEvent.PolicyPublished {

  /**
   * A version of a dunning policy was published; it never changes afterwards (docs/dunning.md,
   * "Policies").
   *
   * @param policy the version, with its number and publication time
   * @param origin the request that published it
   */
  record PolicyPublished(DunningPolicyRecord policy, Origin origin) implements DunningPolicyEvent {}
}
