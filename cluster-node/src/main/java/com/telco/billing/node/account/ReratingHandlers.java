package com.telco.billing.node.account;

import com.telco.billing.core.rating.RatedUsage;
import com.telco.billing.core.rating.Rater;
import com.telco.billing.core.rating.RatingContext;
import com.telco.billing.core.rerating.RerateAdjustment;
import com.telco.billing.core.rerating.RerateAdjustments;
import com.telco.billing.core.rerating.RerateOutcome;
import com.telco.billing.core.rerating.RerateSelection;
import com.telco.billing.core.rerating.ReratedRecord;
import com.telco.billing.core.rerating.Rerating;
import com.telco.billing.core.subscription.LifecycleDates;
import com.telco.billing.node.catalog.RatingCatalog;
import com.telco.billing.node.util.Replies;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusalCode;
import com.telco.billing.protocol.account.AccountCommand;
import com.telco.billing.protocol.account.AccountCommand.RerateLoaded;
import com.telco.billing.protocol.account.AccountCommand.RerateUsage;
import com.telco.billing.protocol.account.AccountEvent;
import com.telco.billing.protocol.account.AccountEvent.ReceivablesChanged;
import com.telco.billing.protocol.account.AccountEvent.UsageRerated;
import com.telco.billing.protocol.account.journal.ReceivableFact;
import com.telco.billing.protocol.account.journal.ReratedUsageRecord;
import com.telco.billing.protocol.rerating.RerateResult;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.javadsl.EffectFactories;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;

/**
 * The Account entity's re-rating handlers (docs/rerating.md). The account reads its records from
 * its own journal ({@link UsageHistory}) up to its last event, then rates the selected ones again
 * with {@code billing-core}'s {@link Rerating}: when no event was written in between, the result is
 * persisted as one {@link UsageRerated} (and, for invoiced periods, the adjustment lines as one-off
 * charges in the same write); else the journal is read again. Rating again what was just rated
 * again finds no difference and persists nothing, so a job repeated after a crash changes nothing
 * twice.
 */
final class ReratingHandlers {
  /** How often the journal is read again when events keep arriving while it is read. */
  static final int MAX_ATTEMPTS = 5;

  /** The start of the id of every adjustment line re-rating adds. */
  static final String ADJUSTMENT_PREFIX = "RR-";

  private final String accountId;
  private final String persistenceId;
  private final Clock clock;
  private final RatingCatalog catalog;
  private final UsageHistory history;
  private final ActorContext<AccountCommand> context;
  private final LongSupplier lastSequenceNr;
  private final Supplier<EffectFactories<AccountEvent, AccountState>> effects;

  ReratingHandlers(
      String accountId,
      String persistenceId,
      Clock clock,
      RatingCatalog catalog,
      UsageHistory history,
      ActorContext<AccountCommand> context,
      LongSupplier lastSequenceNr,
      Supplier<EffectFactories<AccountEvent, AccountState>> effects) {
    this.accountId = accountId;
    this.persistenceId = persistenceId;
    this.clock = clock;
    this.catalog = catalog;
    this.history = history;
    this.context = context;
    this.lastSequenceNr = lastSequenceNr;
    this.effects = effects;
  }

  ReplyEffect<AccountEvent, AccountState> onRerate(AccountState.Open state, RerateUsage cmd) {
    if (!cmd.to().isAfter(cmd.from())) {
      return Replies.refuse(
          effects.get(),
          cmd.replyTo(),
          Refusal.of(RefusalCode.INVALID_RANGE, "to", "the range ends at or before it starts"));
    }
    if (catalogBehind(catalog.rater(), cmd)) {
      return behind(cmd);
    }
    load(cmd, 1);
    return effects.get().noReply();
  }

  private void load(RerateUsage cmd, int attempt) {
    long through = lastSequenceNr.getAsLong();
    context.pipeToSelf(
        history.read(persistenceId, through, cmd.jobId()),
        (read, failure) ->
            failure == null
                ? new RerateLoaded(
                    cmd,
                    read.records(),
                    read.earlier(),
                    read.earlierAdjustments(),
                    through,
                    attempt,
                    null)
                : new RerateLoaded(
                    cmd, List.of(), List.of(), List.of(), through, attempt, failure.toString()));
  }

  ReplyEffect<AccountEvent, AccountState> onLoaded(AccountState.Open state, RerateLoaded loaded) {
    RerateUsage cmd = loaded.request();
    if (loaded.failure() != null) {
      context
          .getLog()
          .warn("re-rating {}: the journal could not be read: {}", cmd.jobId(), loaded.failure());
      return effects
          .get()
          .reply(cmd.replyTo(), StatusReply.error("the account's journal could not be read"));
    }
    if (lastSequenceNr.getAsLong() != loaded.throughSequenceNr()) {
      if (loaded.attempt() < MAX_ATTEMPTS) {
        load(cmd, loaded.attempt() + 1);
        return effects.get().noReply();
      }
      return Replies.refuse(
          effects.get(),
          cmd.replyTo(),
          Refusal.of(
              RefusalCode.ACCOUNT_BUSY, null, "the account kept changing while it was read"));
    }
    // one catalog for the whole computation, and at least the one the job started with
    Rater rater = catalog.rater();
    if (catalogBehind(rater, cmd)) {
      return behind(cmd);
    }
    RatingContext ratingContext =
        RatingContext.of(
            state.profile(), state.subscriptions().values(), state.billing()::invoiced);
    RerateOutcome outcome =
        Rerating.rerate(
            rater,
            ratingContext,
            new RerateSelection(cmd.from(), cmd.to(), cmd.offeringId()),
            AccountJournal.toRatedUsage(loaded.records()));
    Predicate<LocalDate> billed = billedPeriods(state);
    List<ReratedRecord> invoiced = new ArrayList<>();
    BigDecimal openDifference = BigDecimal.ZERO;
    for (ReratedRecord change : outcome.changed()) {
      if (billed.test(change.before().periodStart())) {
        invoiced.add(change);
      } else {
        openDifference =
            openDifference
                .add(change.after().amount().amount())
                .subtract(change.before().amount().amount());
      }
    }
    int minorUnits = state.profile().currency().getDefaultFractionDigits();
    List<RerateAdjustment> adjustments =
        RerateAdjustments.of(
            ADJUSTMENT_PREFIX + cmd.jobId() + "-" + loaded.throughSequenceNr(),
            cmd.jobId(),
            invoiced,
            rater.catalog(),
            minorUnits);
    RerateResult result = result(state, loaded, outcome, openDifference, adjustments);
    if (outcome.changed().isEmpty()) {
      return effects.get().reply(cmd.replyTo(), StatusReply.success(result));
    }
    Instant now = clock.instant();
    List<AccountEvent> events = new ArrayList<>();
    events.add(
        new UsageRerated(cmd.jobId(), records(billed, outcome, adjustments), now, cmd.origin()));
    if (!adjustments.isEmpty()) {
      LocalDate today = LifecycleDates.dateAt(now, state.profile().timeZone());
      List<ReceivableFact> facts = new ArrayList<>();
      for (RerateAdjustment a : adjustments) {
        facts.add(
            new ReceivableFact.ChargeAdded(
                a.adjustmentId(),
                cmd.jobId(),
                today,
                a.amount(),
                a.description(),
                a.taxCategory(),
                a.glCode()));
      }
      events.add(new ReceivablesChanged(facts, now, cmd.origin()));
    }
    return effects
        .get()
        .persist(events)
        .thenReply(cmd.replyTo(), next -> StatusReply.success(result));
  }

  /**
   * Which bill periods were billed, so that a change of their usage is an adjustment: the period is
   * invoiced, or an invoice billed usage lines of it (late usage of a period before the first
   * invoiced one, e.g. after a backdated activation). Computed once per re-rating.
   */
  private static Predicate<LocalDate> billedPeriods(AccountState.Open state) {
    Set<String> linesBilled = new HashSet<>();
    // a usage line key starts with its period: period|subscription|usageType|...
    state
        .billing()
        .billedUsage()
        .keySet()
        .forEach(k -> linesBilled.add(k.substring(0, k.indexOf('|'))));
    return period -> state.billing().invoiced(period) || linesBilled.contains(period.toString());
  }

  private static boolean catalogBehind(Rater rater, RerateUsage cmd) {
    return rater.catalog().versionCount() < cmd.catalogVersions();
  }

  private ReplyEffect<AccountEvent, AccountState> behind(RerateUsage cmd) {
    return Replies.refuse(
        effects.get(),
        cmd.replyTo(),
        Refusal.of(
            RefusalCode.CATALOG_BEHIND,
            null,
            "this node has not received every catalog version the job started with yet"));
  }

  /** The journal records of the changes, each naming the adjustment that bills it, if any. */
  private static List<ReratedUsageRecord> records(
      Predicate<LocalDate> billed, RerateOutcome outcome, List<RerateAdjustment> adjustments) {
    Map<String, String> adjustmentOf = new HashMap<>();
    for (RerateAdjustment a : adjustments) {
      for (String id : a.recordIds()) {
        adjustmentOf.putIfAbsent(id, a.adjustmentId());
      }
    }
    List<ReratedUsageRecord> records = new ArrayList<>();
    for (ReratedRecord change : outcome.changed()) {
      boolean invoiced = billed.test(change.before().periodStart());
      records.add(
          new ReratedUsageRecord(
              AccountJournal.toRecord(change.before()),
              AccountJournal.toRecord(change.after()),
              invoiced,
              invoiced ? adjustmentOf.get(change.after().recordId()) : null));
    }
    return records;
  }

  /**
   * What the job changed in the account, this time and before (a step repeated after a crash of the
   * job's node gets the whole of it again, so the job's totals miss nothing and count nothing
   * twice).
   */
  private RerateResult result(
      AccountState.Open state,
      RerateLoaded loaded,
      RerateOutcome outcome,
      BigDecimal openDifference,
      List<RerateAdjustment> adjustments) {
    Map<String, Long> unratable = new TreeMap<>();
    outcome.unratable().forEach(u -> unratable.merge(u.reason(), 1L, Long::sum));
    BigDecimal open = openDifference;
    Map<String, List<String>> earlierRecords = new HashMap<>();
    for (ReratedUsageRecord earlier : loaded.earlier()) {
      if (!earlier.invoicedPeriod()) {
        open =
            open.add(earlier.after().amount().amount())
                .subtract(earlier.before().amount().amount());
      } else if (earlier.adjustmentId() != null) {
        earlierRecords
            .computeIfAbsent(earlier.adjustmentId(), id -> new ArrayList<>())
            .add(earlier.after().recordId());
      }
    }
    List<RerateResult.Adjustment> all = new ArrayList<>();
    for (ReceivableFact.ChargeAdded charge : loaded.earlierAdjustments()) {
      all.add(
          new RerateResult.Adjustment(
              charge.chargeId(),
              charge.amount(),
              charge.description(),
              earlierRecords.getOrDefault(charge.chargeId(), List.of())));
    }
    for (RerateAdjustment a : adjustments) {
      all.add(
          new RerateResult.Adjustment(
              a.adjustmentId(), a.amount(), a.description(), a.recordIds()));
    }
    return new RerateResult(
        accountId,
        state.profile().currency().getCurrencyCode(),
        outcome.selected(),
        loaded.earlier().size() + outcome.changed().size(),
        unratable,
        open,
        all);
  }

  /** The state after a {@link UsageRerated}: usage lines of open periods and counters changed. */
  static AccountState apply(AccountState.Open state, UsageRerated event) {
    List<ReratedRecord> changes = new ArrayList<>(event.records().size());
    Set<LocalDate> invoicedPeriods = new HashSet<>();
    for (ReratedUsageRecord record : event.records()) {
      RatedUsage before = AccountJournal.toRatedUsage(record.before());
      changes.add(new ReratedRecord(before, AccountJournal.toRatedUsage(record.after())));
      if (record.invoicedPeriod()) {
        invoicedPeriods.add(before.periodStart());
      }
    }
    return state.withUsage(
        state.usage().rerated(changes, period -> !invoicedPeriods.contains(period)),
        state.dedupe());
  }
}
