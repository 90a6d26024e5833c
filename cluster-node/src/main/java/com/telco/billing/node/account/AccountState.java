package com.telco.billing.node.account;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.core.dedupe.DedupeWindow;
import com.telco.billing.core.dunning.DunningState;
import com.telco.billing.core.invoice.BillingHistory;
import com.telco.billing.core.payment.PaymentBook;
import com.telco.billing.core.subscription.Subscription;
import com.telco.billing.core.usage.UsageBook;
import com.telco.billing.protocol.account.AccountView;
import com.telco.billing.protocol.account.journal.ReceivableFact;
import com.telco.billing.protocol.invoice.IssuedInvoice;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * State of an Account entity, one type per lifecycle stage. Persisted in snapshots as an {@code
 * AccountSnapshot} ({@link AccountJournal}).
 */
public sealed interface AccountState permits AccountState.Unopened, AccountState.Open {

  /** No account has been opened under this id. */
  enum Unopened implements AccountState {
    INSTANCE
  }

  /**
   * The account is open.
   *
   * @param subscriptions by subscription id, in activation order
   */
  record Open(
      AccountProfile profile,
      Instant openedAt,
      Map<String, Subscription> subscriptions,
      UsageBook usage,
      DedupeWindow dedupe,
      BillingHistory billing,
      List<IssuedInvoice> invoices,
      PaymentBook payments,
      List<ReceivableFact> receivableHistory,
      DunningState dunning)
      implements AccountState {

    /** Invoices kept in the state (older ones are in the invoice read side). */
    static final int KEEP_INVOICES = 24;

    public Open {
      subscriptions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(subscriptions));
      java.util.Objects.requireNonNull(billing, "billing");
      invoices = List.copyOf(invoices);
      java.util.Objects.requireNonNull(payments, "payments");
      receivableHistory = List.copyOf(receivableHistory);
      java.util.Objects.requireNonNull(dunning, "dunning");
    }

    /**
     * An open account whose kept invoices are its whole receivable history, all unpaid (how
     * snapshots written before receivables were kept are read).
     */
    public Open(
        AccountProfile profile,
        Instant openedAt,
        Map<String, Subscription> subscriptions,
        UsageBook usage,
        DedupeWindow dedupe,
        BillingHistory billing,
        List<IssuedInvoice> invoices) {
      this(
          profile,
          openedAt,
          subscriptions,
          usage,
          dedupe,
          billing,
          invoices,
          PaymentJournal.bookOf(profile, PaymentJournal.invoicesOpened(invoices)),
          PaymentJournal.invoicesOpened(invoices),
          DunningState.NONE);
    }

    static Open opened(AccountProfile profile, Instant openedAt) {
      return new Open(
          profile,
          openedAt,
          Map.of(),
          UsageBook.EMPTY,
          DedupeWindow.empty(),
          BillingHistory.EMPTY,
          List.of(),
          PaymentJournal.initialBook(profile),
          List.of(),
          DunningState.NONE);
    }

    Open withSubscription(Subscription subscription) {
      Map<String, Subscription> next = new LinkedHashMap<>(subscriptions);
      next.put(subscription.subscriptionId(), subscription);
      return new Open(
          profile,
          openedAt,
          next,
          usage,
          dedupe,
          billing,
          invoices,
          payments,
          receivableHistory,
          dunning);
    }

    Open withUsage(UsageBook nextUsage, DedupeWindow nextDedupe) {
      return new Open(
          profile,
          openedAt,
          subscriptions,
          nextUsage,
          nextDedupe,
          billing,
          invoices,
          payments,
          receivableHistory,
          dunning);
    }

    Open withBilling(BillingHistory next) {
      return new Open(
          profile,
          openedAt,
          subscriptions,
          usage,
          dedupe,
          next,
          invoices,
          payments,
          receivableHistory,
          dunning);
    }

    Open withInvoice(IssuedInvoice invoice) {
      List<IssuedInvoice> all = new ArrayList<>(invoices);
      all.add(invoice);
      if (all.size() > KEEP_INVOICES) {
        all = all.subList(all.size() - KEEP_INVOICES, all.size());
      }
      return new Open(
          profile,
          openedAt,
          subscriptions,
          usage,
          dedupe,
          billing,
          all,
          payments,
          receivableHistory,
          dunning);
    }

    /**
     * The receivables after {@code facts}: the payment book they lead to, and the facts kept as the
     * account's receivable history (snapshots replay it).
     */
    public Open withReceivables(List<ReceivableFact> facts) {
      PaymentBook next = payments;
      for (ReceivableFact fact : facts) {
        next = PaymentJournal.apply(next, fact);
      }
      List<ReceivableFact> history = new ArrayList<>(receivableHistory);
      history.addAll(facts);
      return new Open(
          profile,
          openedAt,
          subscriptions,
          usage,
          dedupe,
          billing,
          invoices,
          next,
          history,
          dunning);
    }

    /** The dunning state after {@code next}. */
    public Open withDunning(DunningState next) {
      return new Open(
          profile,
          openedAt,
          subscriptions,
          usage,
          dedupe,
          billing,
          invoices,
          payments,
          receivableHistory,
          next);
    }

    /** The invoice issued on {@code cycleDate}, if any. */
    Optional<IssuedInvoice> invoiceIssuedOn(LocalDate cycleDate) {
      for (IssuedInvoice invoice : invoices) {
        if (invoice.invoice().issueDate().equals(cycleDate)) {
          return Optional.of(invoice);
        }
      }
      return Optional.empty();
    }

    public AccountView toView() {
      return new AccountView(
          profile, openedAt, List.copyOf(subscriptions.values()), dunning.barredSubscriptions());
    }
  }
}
