package com.telco.billing.node.dunning;

import com.telco.billing.core.dunning.DunningPolicy;
import java.util.Optional;

/**
 * The published dunning policies as this node knows them (a local read, no remote call): what the
 * account entity evaluates its dunning with.
 */
public interface DunningPolicySource {

  /**
   * The latest version of the policy for accounts of {@code legalEntity} in {@code segment}: the
   * segment's policy when one is published, else the legal entity's policy without segment.
   */
  Optional<DunningPolicy> policyFor(String legalEntity, String segment);

  /**
   * Whether this node has read every published policy: until then an empty answer may only mean
   * "not read yet", and no account is evaluated (an episode must not end for want of its policy).
   */
  default boolean isReady() {
    return true;
  }

  /** The published version {@code version} of {@code policyId}. */
  Optional<DunningPolicy> version(String policyId, int version);

  /** A source without any policy: no account is dunned. */
  DunningPolicySource NONE =
      new DunningPolicySource() {
        @Override
        public Optional<DunningPolicy> policyFor(String legalEntity, String segment) {
          return Optional.empty();
        }

        @Override
        public Optional<DunningPolicy> version(String policyId, int version) {
          return Optional.empty();
        }
      };
}
