package com.telco.billing.node.usage;

import com.telco.billing.node.BillingSettings;
import com.telco.billing.node.guiding.GuidingModule;
import com.telco.billing.node.usage.intake.IntakeLog;
import com.telco.billing.node.usage.intake.IntakeReader;
import com.telco.billing.node.usage.intake.IntakeService;
import com.telco.billing.node.usage.intake.IntakeSettings;
import java.time.Clock;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * Usage on a node: rating ({@code POST /usage}), the durable intake ({@code POST /usage/batches})
 * with its readers, and suspense. The readers ask accounts: start this module after the accounts.
 *
 * @param usage validates, guides and rates usage records
 * @param intake receives batches into the intake log
 * @param suspense the records held in suspense
 */
public record UsageModule(UsageService usage, IntakeService intake, SuspenseStore suspense) {

  /**
   * Starts the usage services and, where {@code rating} is on, the intake readers on this node.
   *
   * @param guiding where usage finds the subscription that held a service
   * @param clock the clock of "too late" and of the intake's receive times
   */
  public static UsageModule init(
      ActorSystem<?> system, BillingSettings settings, GuidingModule guiding, Clock clock) {
    String keyspace = settings.cassandra().keyspace();
    SuspenseStore suspense = new SuspenseStore(system, keyspace, settings.usage().retention());
    UsageService usage =
        new UsageService(
            system,
            guiding.service(),
            suspense,
            clock,
            settings.usage(),
            settings.http().askTimeout());
    IntakeSettings intakeSettings = settings.intake();
    IntakeLog intakeLog =
        new IntakeLog(system, intakeSettings, keyspace, settings.usage().retention());
    IntakeService intake = new IntakeService(usage, intakeLog, intakeSettings, clock);
    IntakeReader.init(system, intakeLog, usage, intakeSettings, intake::receiving, clock);
    return new UsageModule(usage, intake, suspense);
  }
}
