package com.telco.billing.node.dunning.worklist;

import java.util.List;

/**
 * One page of the work list, in (bucket, account id) order.
 *
 * @param next where the next page starts; null when the list ends here
 */
public record WorkListPage(List<WorkListEntry> entries, Position next) {

  /** A place in the work list: after {@code accountId} of bucket {@code bucket}. */
  public record Position(int bucket, String accountId) {}
}
