package com.telco.billing.node.invoice.render;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.core.receivable.OpenItem;
import com.telco.billing.core.receivable.Receivables;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * What a reminder letter says (docs/notifications.md, "Email"): the account, the dunning step that
 * fired (its episode, index, name and date), the invoices past due on that date that are still
 * open, each with what remains of it and its days past due, the total overdue, the days past due of
 * the oldest, and how to pay. Amounts in the account's currency.
 *
 * @param letterDate the date the step fired, a date of the account's zone
 * @param items the open past-due invoices, oldest first
 * @param totalOverdue the sum of their remaining amounts
 * @param daysPastDue days from the due date of the oldest of them to {@code letterDate}
 */
public record ReminderLetterView(
    String accountId,
    String accountName,
    String legalEntity,
    Currency currency,
    int episode,
    int stepIndex,
    String stepName,
    LocalDate letterDate,
    List<Item> items,
    BigDecimal totalOverdue,
    long daysPastDue) {

  public ReminderLetterView {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(accountName, "accountName");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(letterDate, "letterDate");
    items = List.copyOf(items);
    Objects.requireNonNull(totalOverdue, "totalOverdue");
  }

  /** One open invoice past due. */
  public record Item(
      String number,
      LocalDate issueDate,
      LocalDate dueDate,
      BigDecimal total,
      BigDecimal remaining,
      long daysPastDue) {}

  /** The dunning step a letter is written for. */
  public record Step(int episode, int stepIndex, String name, LocalDate date) {
    public Step {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(date, "date");
    }
  }

  /**
   * The letter of {@code step} for the account with {@code openItems}: those past due on the step's
   * date and still open (what was paid since is not asked for again).
   */
  public static ReminderLetterView of(AccountProfile account, List<OpenItem> openItems, Step step) {
    LocalDate on = step.date();
    List<OpenItem> pastDue =
        openItems.stream()
            .filter(item -> item.isPastDue(on))
            .sorted(Receivables.OLDEST_FIRST)
            .toList();
    BigDecimal total = BigDecimal.ZERO;
    for (OpenItem item : pastDue) {
      total = total.add(item.remaining());
    }
    List<Item> items =
        pastDue.stream()
            .map(
                item ->
                    new Item(
                        item.number(),
                        item.issueDate(),
                        item.dueDate(),
                        item.total(),
                        item.remaining(),
                        ChronoUnit.DAYS.between(item.dueDate(), on)))
            .toList();
    long days =
        pastDue.stream()
            .mapToLong(item -> ChronoUnit.DAYS.between(item.dueDate(), on))
            .max()
            .orElse(0);
    return new ReminderLetterView(
        account.accountId(),
        account.name(),
        account.legalEntity(),
        account.currency(),
        step.episode(),
        step.stepIndex(),
        step.name(),
        on,
        items,
        total,
        days);
  }
}
