package com.telco.billing.core.rating;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.core.period.BillPeriods;
import com.telco.billing.core.subscription.ServiceId;
import com.telco.billing.core.subscription.Subscription;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What rating needs to know about one account, indexed once for the hot path: the account (zone,
 * bill cycle day, currency), its subscriptions (for guiding and the offering on the usage date) and
 * which of its bill periods are already invoiced (for the late flag). Immutable in everything it
 * answers (it only memoises the last bill period it computed) and safe to share between threads;
 * build a new one when the account's state changes ({@link #withSubscriptions}, {@link
 * #withPeriodInvoiced}).
 *
 * <p>Guiding (docs/billing-rules.md, "Rating a usage record", step 1): a record is matched to the
 * subscription of the account that holds its service identifier at the usage date, i.e. whose
 * lifetime {@code [activation date, termination date)} contains the usage date in the account's
 * zone. Which account a service belongs to at an instant is the guiding index's job ({@code
 * ServiceHoldings}); the account's rating only looks among its own subscriptions.
 */
public final class RatingContext {
  private final AccountProfile account;
  private final List<Subscription> subscriptions;
  private final Predicate<LocalDate> periodInvoiced;
  private final ZoneOffsets zoneOffsets;
  // never modified after construction, never exposed: plain hash maps for the hot path
  private final Map<ServiceId, GuidedSubscription[]> byService;
  private final Map<String, GuidedSubscription> byId;

  /**
   * The period of the last record rated with this context (records of a batch are mostly of one
   * period). A memo of a pure function, held in an immutable object: a thread that reads a stale or
   * missing value merely recomputes it.
   */
  private Period lastPeriod;

  private RatingContext(
      AccountProfile account,
      List<Subscription> subscriptions,
      Predicate<LocalDate> periodInvoiced,
      Map<ServiceId, GuidedSubscription[]> byService,
      Map<String, GuidedSubscription> byId) {
    this.account = account;
    this.subscriptions = subscriptions;
    this.periodInvoiced = periodInvoiced;
    this.zoneOffsets = ZoneOffsets.of(account.timeZone());
    this.byService = byService;
    this.byId = byId;
  }

  /**
   * A context for an account.
   *
   * @param account the account
   * @param subscriptions the account's subscriptions (ids distinct)
   * @param periodInvoiced whether the bill period starting on a date was already invoiced: records
   *     in such a period are rated {@link RatedUsage#late() late}. It must answer the same for the
   *     life of the context (its answers are memoised): when a period gets invoiced, build a new
   *     context with {@link #withPeriodInvoiced}
   */
  public static RatingContext of(
      AccountProfile account,
      Collection<Subscription> subscriptions,
      Predicate<LocalDate> periodInvoiced) {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(periodInvoiced, "periodInvoiced");
    List<Subscription> list = List.copyOf(subscriptions);
    Map<String, GuidedSubscription> byId = new HashMap<>();
    Map<ServiceId, List<GuidedSubscription>> holders = new HashMap<>();
    for (Subscription s : list) {
      GuidedSubscription guided = new GuidedSubscription(s);
      if (byId.put(s.subscriptionId(), guided) != null) {
        throw new IllegalArgumentException("duplicate subscription id " + s.subscriptionId());
      }
      for (ServiceId serviceId : s.serviceIds()) {
        holders.computeIfAbsent(serviceId, k -> new ArrayList<>()).add(guided);
      }
    }
    Map<ServiceId, GuidedSubscription[]> byService = new HashMap<>();
    holders.forEach((k, v) -> byService.put(k, v.toArray(new GuidedSubscription[0])));
    return new RatingContext(account, list, periodInvoiced, byService, byId);
  }

  /**
   * A context for an account whose invoiced periods are given by their start dates.
   *
   * @param invoicedPeriodStarts the first dates of the bill periods already invoiced
   */
  public static RatingContext of(
      AccountProfile account,
      Collection<Subscription> subscriptions,
      Set<LocalDate> invoicedPeriodStarts) {
    Set<LocalDate> invoiced = Set.copyOf(invoicedPeriodStarts);
    return of(account, subscriptions, invoiced::contains);
  }

  /** This context with other subscriptions. */
  public RatingContext withSubscriptions(Collection<Subscription> subscriptions) {
    return of(account, subscriptions, periodInvoiced);
  }

  /** This context with another answer to "is the period starting on this date invoiced?". */
  public RatingContext withPeriodInvoiced(Predicate<LocalDate> periodInvoiced) {
    return new RatingContext(
        account, subscriptions, Objects.requireNonNull(periodInvoiced), byService, byId);
  }

  /** The account. */
  public AccountProfile account() {
    return account;
  }

  /** The account's subscriptions. */
  public List<Subscription> subscriptions() {
    return subscriptions;
  }

  /** Whether the bill period starting on {@code periodStart} is already invoiced. */
  public boolean periodInvoiced(LocalDate periodStart) {
    return periodInvoiced.test(periodStart);
  }

  /** The account zone's UTC offset in seconds at {@code instant}. */
  int offsetSecondsAt(Instant instant) {
    return zoneOffsets.offsetSecondsAt(instant);
  }

  /**
   * The bill period containing the local date {@code epochDay} (days since 1970-01-01 in the
   * account's zone), and whether it is invoiced.
   */
  Period periodOn(long epochDay) {
    Period period = lastPeriod;
    if (period == null || epochDay < period.firstDay || epochDay >= period.endDay) {
      LocalDate start =
          BillPeriods.periodStartOn(LocalDate.ofEpochDay(epochDay), account.billCycleDay());
      period = new Period(start, periodInvoiced.test(start));
      lastPeriod = period;
    }
    return period;
  }

  /** The subscription the record names, whatever it holds; null if the account has none such. */
  GuidedSubscription subscription(String subscriptionId) {
    return byId.get(subscriptionId);
  }

  /** The subscription holding {@code serviceId} on the epoch day, or null. */
  GuidedSubscription holderOn(ServiceId serviceId, long epochDay) {
    GuidedSubscription[] candidates = byService.get(serviceId);
    if (candidates != null) {
      for (GuidedSubscription s : candidates) {
        if (s.liveOn(epochDay)) {
          return s;
        }
      }
    }
    return null;
  }

  /** A bill period as rating needs it: its start, its dates as epoch days, whether invoiced. */
  static final class Period {
    final LocalDate start;
    final long firstDay;
    final long endDay;
    final boolean invoiced;

    Period(LocalDate start, boolean invoiced) {
      this.start = start;
      this.firstDay = start.toEpochDay();
      this.endDay = start.plusMonths(1).toEpochDay();
      this.invoiced = invoiced;
    }
  }
}
