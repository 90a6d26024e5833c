package com.telco.billing.node.billrun;

import com.telco.billing.protocol.billrun.AccountResult;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** What the bill-cycle singleton needs from the rest of the node. */
public final class BillRunPorts {
  private BillRunPorts() {}

  /** The accounts of each bill cycle day (the read side). */
  public interface CycleDayAccounts {
    /**
     * Up to {@code limit} account ids of {@code cycleDay} after {@code afterAccountId}, ordered.
     */
    CompletionStage<List<String>> accounts(int cycleDay, String afterAccountId, int limit);

    /** How many accounts have {@code cycleDay}. */
    CompletionStage<Long> countAccounts(int cycleDay);
  }

  /** Closes one account's period; a failure completes exceptionally. */
  public interface PeriodCloser {
    CompletionStage<AccountResult> close(String accountId, LocalDate cycleDate);
  }
}
