package com.telco.billing.node.dunning.policy;

import com.telco.billing.core.dunning.DunningPolicy;
import com.telco.billing.protocol.CborSerializable;
import com.telco.billing.protocol.dunning.DunningPolicyEvent.PolicyPublished;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every published dunning policy version, in publication order. Immutable. It is the state of the
 * {@link DunningPolicyEntity} and what each node's {@link DunningPolicyReplica} folds the same
 * events into.
 *
 * <p>A policy covers the accounts of one legal entity and, optionally, one segment (its scope);
 * each scope has at most one policy, and a policy keeps the scope of its first version, so that
 * "the latest version for an account" has one answer.
 *
 * @param published the published versions, oldest first
 */
public record DunningPolicyState(List<DunningPolicy> published) implements CborSerializable {

  /** Nothing published yet. */
  public static final DunningPolicyState EMPTY = new DunningPolicyState(List.of());

  public DunningPolicyState {
    published = List.copyOf(published);
  }

  /** This state after the event. */
  public DunningPolicyState apply(PolicyPublished event) {
    return with(DunningPolicyJournal.toPolicy(event));
  }

  /** This state with {@code policy} published after the others. */
  public DunningPolicyState with(DunningPolicy policy) {
    List<DunningPolicy> next = new ArrayList<>(published);
    next.add(policy);
    return new DunningPolicyState(next);
  }

  /** The latest version of {@code policyId}. */
  public Optional<DunningPolicy> latest(String policyId) {
    DunningPolicy latest = null;
    for (DunningPolicy p : published) {
      if (p.policyId().equals(policyId)) {
        latest = p;
      }
    }
    return Optional.ofNullable(latest);
  }

  /** Version {@code version} of {@code policyId}. */
  public Optional<DunningPolicy> version(String policyId, int version) {
    return published.stream()
        .filter(p -> p.policyId().equals(policyId) && p.version() == version)
        .findFirst();
  }

  /** The number the next version of {@code policyId} gets: 1 for a new policy. */
  public int nextVersion(String policyId) {
    return latest(policyId).map(p -> p.version() + 1).orElse(1);
  }

  /** The latest version of every policy, by policy id. */
  public List<DunningPolicy> latestVersions() {
    Map<String, DunningPolicy> latest = new LinkedHashMap<>();
    published.forEach(p -> latest.put(p.policyId(), p));
    return latest.values().stream().sorted(Comparator.comparing(DunningPolicy::policyId)).toList();
  }

  /**
   * The latest version of the policy for accounts of {@code legalEntity} in {@code segment}: the
   * segment's policy, else the legal entity's policy without segment.
   */
  public Optional<DunningPolicy> policyFor(String legalEntity, String segment) {
    if (segment != null) {
      Optional<DunningPolicy> bySegment = inScope(legalEntity, segment);
      if (bySegment.isPresent()) {
        return bySegment;
      }
    }
    return inScope(legalEntity, null);
  }

  private Optional<DunningPolicy> inScope(String legalEntity, String segment) {
    return latestVersions().stream()
        .filter(p -> p.legalEntity().equals(legalEntity) && Objects.equals(p.segment(), segment))
        .findFirst();
  }

  /**
   * Why {@code policy} may not be published in its scope, if it may not: another policy covers the
   * same legal entity and segment, or its earlier versions cover another scope.
   */
  public Optional<String> scopeConflict(DunningPolicy policy) {
    Optional<DunningPolicy> earlier = latest(policy.policyId());
    if (earlier.isPresent()
        && (!earlier.get().legalEntity().equals(policy.legalEntity())
            || !Objects.equals(earlier.get().segment(), policy.segment()))) {
      return Optional.of(
          "a policy keeps the legal entity and segment of its first version; publish another"
              + " policy id for another scope");
    }
    return inScope(policy.legalEntity(), policy.segment())
        .filter(other -> !other.policyId().equals(policy.policyId()))
        .map(other -> "another policy covers this legal entity and segment: " + other.policyId());
  }
}
