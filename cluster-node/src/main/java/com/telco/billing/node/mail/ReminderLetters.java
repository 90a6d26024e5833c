package com.telco.billing.node.mail;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.core.dunning.DunningAction;
import com.telco.billing.core.receivable.OpenItem;
import com.telco.billing.node.invoice.render.ReminderLetterView;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusalCode;
import com.telco.billing.protocol.account.AccountCommand;
import com.telco.billing.protocol.dunning.DunningView;
import com.telco.billing.protocol.invoice.AccountInvoices;
import com.telco.billing.protocol.invoice.InvoiceSettlement;
import com.telco.billing.protocol.invoice.IssuedInvoice;
import com.telco.billing.sharding.EntityKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;

/**
 * Reminder letters as the account knows them now: the step from the account's dunning state ({@code
 * GetDunning}), the open items and the profile from its invoices ({@code GetInvoices}). What the
 * reminder mail sends and {@code GET /accounts/{id}/dunning/letters/{episode}/{stepIndex}} serves.
 */
public final class ReminderLetters {
  private final ClusterSharding sharding;
  private final Duration timeout;

  /** A letter with the profile of its account (whose {@code email} it is mailed to). */
  public record Letter(AccountProfile account, ReminderLetterView view) {}

  /**
   * @param timeout how long a read waits for the account
   */
  public ReminderLetters(ActorSystem<?> system, Duration timeout) {
    this.sharding = ClusterSharding.get(system);
    this.timeout = timeout;
  }

  /**
   * The letter of step {@code stepIndex} of dunning episode {@code episode}; 404 {@code
   * letter_not_found} when that step did not fire or sent no reminder.
   */
  public CompletionStage<ReminderLetterView> letter(String accountId, int episode, int stepIndex) {
    return account(accountId)
        .<DunningView>askWithStatus(AccountCommand.GetDunning::new, timeout)
        .thenCompose(
            dunning ->
                reminderStep(dunning, episode, stepIndex)
                    .map(step -> letter(accountId, step).thenApply(Letter::view))
                    .orElseGet(
                        () ->
                            CompletableFuture.failedFuture(
                                Refusal.of(
                                        RefusalCode.LETTER_NOT_FOUND,
                                        "stepIndex",
                                        "no reminder was sent for this step")
                                    .toException())));
  }

  /** The letter of {@code step} of the account, with its profile. */
  public CompletionStage<Letter> letter(String accountId, ReminderLetterView.Step step) {
    return account(accountId)
        .<AccountInvoices.InvoiceList>askWithStatus(AccountCommand.GetInvoices::new, timeout)
        .thenApply(
            list ->
                new Letter(
                    list.account(), ReminderLetterView.of(list.account(), openItems(list), step)));
  }

  /** The fired step {@code stepIndex} of {@code episode} when it sent a reminder. */
  static Optional<ReminderLetterView.Step> reminderStep(
      DunningView dunning, int episode, int stepIndex) {
    return dunning.stepsFired().stream()
        .filter(s -> s.episode() == episode && s.stepIndex() == stepIndex)
        .filter(s -> s.actions().contains(DunningAction.REMINDER.wireName()))
        .findFirst()
        .map(s -> new ReminderLetterView.Step(s.episode(), s.stepIndex(), s.name(), s.date()));
  }

  /** The account's invoices as open items: each with where it stands in receivables. */
  static List<OpenItem> openItems(AccountInvoices.InvoiceList list) {
    List<OpenItem> items = new ArrayList<>(list.invoices().size());
    for (IssuedInvoice issued : list.invoices()) {
      InvoiceSettlement s = list.settlementOf(issued);
      items.add(
          new OpenItem(
              issued.number(),
              issued.invoice().issueDate(),
              issued.invoice().dueDate(),
              issued.invoice().taxIncludedAmount(),
              s.creditApplied(),
              s.remaining()));
    }
    return items;
  }

  private EntityRef<AccountCommand> account(String accountId) {
    return sharding.entityRefFor(EntityKeys.ACCOUNT, accountId);
  }
}
