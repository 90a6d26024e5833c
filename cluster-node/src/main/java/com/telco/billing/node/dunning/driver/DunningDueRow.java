package com.telco.billing.node.dunning.driver;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of {@code dunning_due}: the account {@code accountId} is to be evaluated on {@code
 * evaluateOn} (asked {@code EvaluateDunning} on that date or the first round after it).
 *
 * @param version when the row was last written (Cassandra's write time, in microseconds): the
 *     driver deletes the row only if it was not written again since it read it
 */
public record DunningDueRow(LocalDate evaluateOn, String accountId, long version) {
  public DunningDueRow {
    Objects.requireNonNull(evaluateOn, "evaluateOn");
    Objects.requireNonNull(accountId, "accountId");
  }
}
