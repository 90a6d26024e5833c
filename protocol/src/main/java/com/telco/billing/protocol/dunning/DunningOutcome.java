package com.telco.billing.protocol.dunning;

import com.telco.billing.protocol.CborSerializable;
import java.time.LocalDate;
import java.util.List;

/**
 * What one {@code EvaluateDunning} did: the steps it fired (none when they had fired before: the
 * evaluation is idempotent per account and date), whether the episode ended, and when the account
 * should be evaluated next ({@code null}: not until its receivables change).
 */
public record DunningOutcome(
    List<DunningView.FiredStep> fired, boolean episodeEnded, LocalDate nextEvaluation)
    implements CborSerializable {
  public DunningOutcome {
    fired = List.copyOf(fired);
  }
}
