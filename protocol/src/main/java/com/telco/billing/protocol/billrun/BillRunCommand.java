package com.telco.billing.protocol.billrun;

import com.telco.billing.protocol.CborSerializable;
import java.time.LocalDate;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;

/** Commands of the bill-cycle singleton, which starts and drives the bill runs. */
public sealed interface BillRunCommand extends CborSerializable
    permits BillRunCommand.StartRun,
        BillRunCommand.GetRun,
        BillRunCommand.ListRuns,
        BillRunCommand.Tick,
        BillRunCommand.StepDone,
        BillRunCommand.StepFailed,
        BillRunCommand.AccountsCounted {

  /**
   * Starts a run (pass) of {@code cycleDate}, or answers the one of that date still going ({@link
   * BillRunView#created()} false). Refused with {@code not_a_cycle_date} (day 29..31) or {@code
   * cycle_date_in_future}.
   *
   * @param trigger {@code manual} (HTTP) or {@code schedule}
   */
  record StartRun(LocalDate cycleDate, String trigger, ActorRef<StatusReply<BillRunView>> replyTo)
      implements BillRunCommand {}

  /** One run; refused with {@code bill_run_not_found}. */
  record GetRun(String runId, ActorRef<StatusReply<BillRunView>> replyTo)
      implements BillRunCommand {}

  /** The runs the singleton remembers, newest first. */
  record ListRuns(ActorRef<StatusReply<BillRunList>> replyTo) implements BillRunCommand {}

  /** The singleton's timer: look at the clock (scheduled runs) and drive the active run. */
  enum Tick implements BillRunCommand {
    INSTANCE
  }

  /**
   * Internal: a step of a run finished. {@code cursor} is the last account id the step read from
   * the cycle-day read side ({@code null} for a retry step); {@code scanEnded} when the read side
   * had no more accounts.
   */
  record StepDone(String runId, String cursor, boolean scanEnded, List<AccountResult> results)
      implements BillRunCommand {}

  /** Internal: a step could not run (e.g. the read side did not answer); it is tried again. */
  record StepFailed(String runId, String error) implements BillRunCommand {}

  /** Internal: the accounts of the run's cycle day were counted. */
  record AccountsCounted(String runId, long count) implements BillRunCommand {}
}
