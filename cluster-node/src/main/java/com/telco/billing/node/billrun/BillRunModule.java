package com.telco.billing.node.billrun;

import com.telco.billing.node.BillingSettings;
import com.telco.billing.node.invoice.InvoicingModule;
import com.telco.billing.sharding.ShardingInit;
import java.time.Clock;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * Bill runs on a node: the bill-cycle singleton (one in the cluster, here a proxy to it) and the
 * {@link BillRunService} the {@code /bill-runs} routes serve.
 *
 * @param service starts and reads bill runs
 */
public record BillRunModule(BillRunService service) {

  /**
   * Starts (or joins) the bill-cycle singleton.
   *
   * @param invoicing the read side a run walks and the close of each account's period
   * @param clock the clock of the automatic start of a cycle date's run
   */
  public static BillRunModule init(
      ActorSystem<?> system, BillingSettings settings, InvoicingModule invoicing, Clock clock) {
    var billCycle =
        ShardingInit.initBillCycleSingleton(
            system,
            BillRunCoordinator.create(
                clock, settings.billRun(), invoicing.tables(), invoicing.service()::closeForRun));
    return new BillRunModule(new BillRunService(system, billCycle, settings.http().askTimeout()));
  }
}
