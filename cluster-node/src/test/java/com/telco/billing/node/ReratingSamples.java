package com.telco.billing.node;

import com.telco.billing.node.rerating.ReratingState;
import com.telco.billing.protocol.Origin;
import com.telco.billing.protocol.account.AccountCommand;
import com.telco.billing.protocol.account.AccountEvent;
import com.telco.billing.protocol.account.journal.MoneyRecord;
import com.telco.billing.protocol.account.journal.RatedUsageRecord;
import com.telco.billing.protocol.account.journal.ReratedUsageRecord;
import com.telco.billing.protocol.rerating.RerateResult;
import com.telco.billing.protocol.rerating.ReratingCommand;
import com.telco.billing.protocol.rerating.ReratingEvent;
import com.telco.billing.protocol.rerating.ReratingJobRequest;
import com.telco.billing.protocol.rerating.ReratingJobView;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;

/** Samples of the re-rating messages, events and replies (round trip test). */
public final class ReratingSamples {
  private ReratingSamples() {}

  static final Instant FROM = Instant.parse("2026-11-05T00:00:00Z");
  static final Instant TO = Instant.parse("2026-12-05T00:00:00Z");
  static final Instant AT = Instant.parse("2026-12-07T10:00:00.25Z");
  static final Origin ORIGIN = new Origin("finance-1", "req-7");

  static RatedUsageRecord rated(String version, String amount) {
    return new RatedUsageRecord(
        "r1",
        "smsc-1",
        "sub-1",
        "MOBILE_S",
        version,
        "MOBILE_S_SMS",
        "SMS",
        "NATIONAL",
        null,
        Instant.parse("2026-11-25T10:00:00Z"),
        LocalDate.of(2026, 11, 5),
        1,
        0,
        1,
        new MoneyRecord(new BigDecimal(amount), "EUR"),
        false);
  }

  @SuppressWarnings("unchecked")
  public static Map<Class<?>, Object> all(ActorRef<?> replyTo) {
    Map<Class<?>, Object> samples = new HashMap<>();
    var rerate =
        new AccountCommand.RerateUsage(
            "RJ-1",
            FROM,
            TO,
            "MOBILE_S",
            2,
            ORIGIN,
            (ActorRef<org.apache.pekko.pattern.StatusReply<RerateResult>>) replyTo);
    samples.put(AccountCommand.RerateUsage.class, rerate);
    samples.put(
        AccountCommand.RerateLoaded.class,
        new AccountCommand.RerateLoaded(
            rerate,
            List.of(rated("2026-11-fix", "0.050000")),
            List.of(
                new ReratedUsageRecord(
                    rated("2026-01", "0.090000"),
                    rated("2026-11-fix", "0.050000"),
                    true,
                    "RR-RJ-1-12-1")),
            List.of(
                new com.telco.billing.protocol.account.journal.ReceivableFact.ChargeAdded(
                    "RR-RJ-1-12-1",
                    "RJ-1",
                    LocalDate.of(2026, 12, 7),
                    new BigDecimal("-0.04"),
                    "Re-rating of ...",
                    "STANDARD",
                    "4200-MESSAGING")),
            12,
            1,
            null));
    samples.put(
        AccountEvent.UsageRerated.class,
        new AccountEvent.UsageRerated(
            "RJ-1",
            List.of(
                new ReratedUsageRecord(
                    rated("2026-01", "0.090000"),
                    rated("2026-11-fix", "0.050000"),
                    true,
                    "RR-RJ-1-12-1")),
            AT,
            ORIGIN));
    RerateResult result =
        new RerateResult(
            "acc-1",
            "EUR",
            3,
            2,
            Map.of("no_subscription", 1L),
            new BigDecimal("-0.040000"),
            List.of(
                new RerateResult.Adjustment(
                    "RR-RJ-1-12-1", new BigDecimal("-0.04"), "Re-rating of ...", List.of("r1"))));
    samples.put(RerateResult.class, result);
    samples.put(RerateResult.Adjustment.class, result.adjustments().get(0));
    var request =
        new ReratingJobRequest(
                List.of("acc-1"), null, FROM.toString(), TO.toString(), "SMS price corrected")
            .validate()
            .value();
    samples.put(
        ReratingCommand.StartJob.class,
        new ReratingCommand.StartJob(
            "RJ-1", request.fingerprint(), request, 2, ORIGIN, (ActorRef) replyTo));
    samples.put(
        ReratingCommand.GetJob.class, new ReratingCommand.GetJob("RJ-1", (ActorRef) replyTo));
    samples.put(ReratingCommand.ListJobs.class, new ReratingCommand.ListJobs((ActorRef) replyTo));
    var started =
        new ReratingEvent.JobStarted(
            "RJ-1",
            request.fingerprint(),
            List.of("acc-1"),
            null,
            FROM,
            TO,
            "SMS price corrected",
            ORIGIN,
            AT,
            2);
    var step =
        new ReratingEvent.StepRecorded(
            "RJ-1",
            1,
            1,
            null,
            false,
            1,
            3,
            2,
            1,
            Map.of("EUR", new BigDecimal("-0.040000")),
            Map.of("EUR", new BigDecimal("-0.04")),
            Map.of(),
            List.of(),
            true,
            1L,
            AT.plusSeconds(1));
    samples.put(ReratingEvent.JobStarted.class, started);
    samples.put(ReratingEvent.StepRecorded.class, step);
    ReratingState state = ReratingState.EMPTY.apply(started).apply(step);
    samples.put(ReratingState.class, state);
    ReratingJobView view = state.jobs().get(0).toView(AT.plusSeconds(5));
    samples.put(ReratingJobView.class, view);
    samples.put(ReratingJobView.JobList.class, new ReratingJobView.JobList(List.of(view)));
    samples.put(ReratingJobView.Started.class, new ReratingJobView.Started(view, true));
    samples.put(ReratingJobRequest.Valid.class, request);
    return samples;
  }
}
