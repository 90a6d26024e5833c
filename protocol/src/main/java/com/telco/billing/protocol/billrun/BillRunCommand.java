package com.telco.billing.protocol.billrun;

import com.telco.billing.protocol.CborSerializable;
import com.telco.billing.protocol.Origin;
import java.time.LocalDate;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;

/** Commands of the bill-cycle singleton, which starts and drives the bill runs. */
public sealed interface BillRunCommand extends CborSerializable
    permits BillRunCommand.StartRun,
        BillRunCommand.GetRun,
        BillRunCommand.ListRuns,
        BillRunCommand.Internal {

  /**
   * Starts a run (pass) of {@code cycleDate}, or answers the one of that date still going ({@link
   * BillRunView#created()} false). Refused with {@code not_a_cycle_date} (day 29..31) or {@code
   * cycle_date_in_future}.
   *
   * @param trigger {@code manual} (HTTP) or {@code schedule}
   * @param origin the request that starts it (stored on {@link BillRunEvent.RunStarted})
   */
  record StartRun(
      LocalDate cycleDate,
      String trigger,
      Origin origin,
      ActorRef<StatusReply<BillRunView>> replyTo)
      implements BillRunCommand {}

  /** One run; refused with {@code bill_run_not_found}. */
  record GetRun(String runId, ActorRef<StatusReply<BillRunView>> replyTo)
      implements BillRunCommand {}

  /** The runs the singleton remembers, newest first. */
  record ListRuns(ActorRef<StatusReply<BillRunList>> replyTo) implements BillRunCommand {}

  /**
   * The messages the singleton sends only itself (its timer, the ends of its steps): declared
   * privately by the singleton, never sent to it by anyone else and never across nodes.
   */
  non-sealed interface Internal extends BillRunCommand {}
}
