package com.telco.billing.node;

import com.telco.billing.protocol.Origin;
import com.telco.billing.protocol.account.AccountCommand;
import com.telco.billing.protocol.account.AccountEvent;
import com.telco.billing.protocol.account.journal.DunningFact;
import com.telco.billing.protocol.dunning.DunningOutcome;
import com.telco.billing.protocol.dunning.DunningView;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;

/** Samples of the dunning messages, events and facts (round trip test, golden journal). */
public final class DunningSamples {
  private DunningSamples() {}

  static final LocalDate DAY = LocalDate.of(2026, 12, 18);
  static final Instant AT = Instant.parse("2026-12-18T02:00:00.123456Z");
  static final String INVOICE = "INV-ENT-1-2026-000001";

  /** One fact of every kind, in an order an account could record them. */
  public static List<DunningFact> facts() {
    BigDecimal overdue = new BigDecimal("45.05");
    return List.of(
        new DunningFact.NextEvaluation(DAY),
        new DunningFact.EpisodeStarted(1, DAY, "standard", 2, INVOICE, overdue),
        new DunningFact.StepFired(
            1, 0, "reminder-1", 3, List.of("reminder"), DAY, INVOICE, 3, overdue),
        new DunningFact.HoldPlaced(
            "HOLD-0123456789abcdef", DAY, DAY.plusDays(5), "customer promised", "ops-1"),
        new DunningFact.HoldReleased("HOLD-0123456789abcdef", DAY.plusDays(1)),
        new DunningFact.StepFired(
            1,
            1,
            "reminder-2",
            10,
            List.of("reminder", "late_fee"),
            DAY.plusDays(7),
            INVOICE,
            10,
            overdue),
        new DunningFact.LateFeeCharged(
            "LF-acc-1-1", 1, DAY.plusDays(7), new BigDecimal("5.00"), "standard", "Late fee"),
        new DunningFact.ServiceBarred(1, DAY.plusDays(18), List.of("sub-1")),
        new DunningFact.HandedToCollections(1, DAY.plusDays(42), overdue),
        new DunningFact.LateFeesBilled("INV-ENT-1-2026-000002", List.of("LF-acc-1-1")),
        new DunningFact.ServiceUnbarred(1, DAY.plusDays(43), List.of("sub-1"), "paid"),
        new DunningFact.EpisodeEnded(1, DAY.plusDays(43), "paid"),
        new DunningFact.NextEvaluation(null));
  }

  /** Facts that leave an episode under way, with a hold, a barring and a pending fee. */
  public static List<DunningFact> underWay() {
    return facts().subList(0, 8);
  }

  public static AccountEvent.DunningChanged dunningChanged(Origin origin) {
    return new AccountEvent.DunningChanged(facts(), AT, origin);
  }

  static DunningView view() {
    return new DunningView(
        "acc-1",
        "in_dunning",
        "EUR",
        "standard",
        2,
        1,
        DAY,
        new BigDecimal("45.05"),
        10,
        INVOICE,
        List.of(new DunningView.FiredStep(1, 0, "reminder-1", 3, List.of("reminder"), DAY)),
        new DunningView.NextStep(
            1, "reminder-2", 10, List.of("reminder", "late_fee"), DAY.plusDays(7)),
        List.of(new DunningView.Hold("HOLD-0123456789abcdef", DAY, DAY.plusDays(5), "promise")),
        List.of("sub-1"),
        List.of(new DunningView.PendingFee("LF-acc-1-1", DAY, new BigDecimal("5.00"), "Late fee")),
        DAY.plusDays(7));
  }

  /** A sample of every dunning message type, by class. */
  static Map<Class<?>, Object> all(ActorRef<Object> probe, Origin origin) {
    Map<Class<?>, Object> samples = new HashMap<>();
    samples.put(
        AccountCommand.EvaluateDunning.class,
        new AccountCommand.EvaluateDunning(DAY, probe.unsafeUpcast()));
    samples.put(
        AccountCommand.PlaceDunningHold.class,
        new AccountCommand.PlaceDunningHold(
            "HOLD-0123456789abcdef", DAY.plusDays(5), "promise", origin, probe.unsafeUpcast()));
    samples.put(
        AccountCommand.ReleaseDunningHold.class,
        new AccountCommand.ReleaseDunningHold(
            "HOLD-0123456789abcdef", origin, probe.unsafeUpcast()));
    samples.put(
        AccountCommand.GetDunning.class, new AccountCommand.GetDunning(probe.unsafeUpcast()));
    samples.put(AccountEvent.DunningChanged.class, dunningChanged(origin));
    samples.put(DunningView.class, view());
    samples.put(
        DunningOutcome.class, new DunningOutcome(view().stepsFired(), false, DAY.plusDays(7)));
    return samples;
  }
}
