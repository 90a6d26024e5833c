package com.telco.billing.node.mail;

import com.telco.billing.core.dunning.DunningAction;
import com.telco.billing.node.invoice.render.ReminderLetter;
import com.telco.billing.node.invoice.render.ReminderLetterView;
import com.telco.billing.node.projection.AccountEventProjections;
import com.telco.billing.protocol.account.AccountEvent;
import com.telco.billing.protocol.account.AccountEvent.DunningChanged;
import com.telco.billing.protocol.account.journal.DunningFact;
import com.telco.billing.sharding.AccountTags;
import com.telco.billing.sharding.EntityKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.javadsl.Handler;

/**
 * Mails a reminder letter for every dunning step that fired with the {@code reminder} action: a
 * projection over the account tags, one event at a time, at-least-once. The letter is made when it
 * is sent, from what the account answers then ({@link ReminderLetters}): its HTML is the mail's
 * body, its PDF is attached; mail id {@code reminder:<account>:<episode>:<stepIndex>}, sent once
 * through {@link MailOnce}. Accounts without {@code email} get none; a step recorded longer than
 * {@code maxAge} ago is not mailed.
 */
public final class ReminderMails {

  /** The projection's name; with the tag it is the offset's key. */
  public static final String NAME = "reminder-mails";

  /** The kind of mail in the sent log. */
  static final String KIND = "reminder";

  private ReminderMails() {}

  /**
   * @param letters the letter of a step of an account, with the account's profile
   */
  public static void init(
      ActorSystem<?> system,
      BiFunction<String, ReminderLetterView.Step, CompletionStage<ReminderLetters.Letter>> letters,
      MailOnce mail,
      Clock clock,
      Duration maxAge) {
    AccountEventProjections.init(
        system, NAME, AccountTags.ALL, () -> new MailHandler(letters, mail, clock, maxAge));
  }

  /** The mail id of the reminder of a step. */
  static String mailIdOf(String accountId, int episode, int stepIndex) {
    return KIND + ":" + accountId + ":" + episode + ":" + stepIndex;
  }

  /** The steps of a {@code DunningChanged} that send a reminder. */
  static List<DunningFact.StepFired> reminders(DunningChanged changed) {
    return changed.facts().stream()
        .filter(DunningFact.StepFired.class::isInstance)
        .map(DunningFact.StepFired.class::cast)
        .filter(step -> step.actions().contains(DunningAction.REMINDER.wireName()))
        .toList();
  }

  /** Mails the reminders of a {@code DunningChanged}, one after the other. */
  static final class MailHandler extends Handler<EventEnvelope<AccountEvent>> {
    private final BiFunction<
            String, ReminderLetterView.Step, CompletionStage<ReminderLetters.Letter>>
        letters;
    private final MailOnce mail;
    private final Clock clock;
    private final Duration maxAge;

    MailHandler(
        BiFunction<String, ReminderLetterView.Step, CompletionStage<ReminderLetters.Letter>>
            letters,
        MailOnce mail,
        Clock clock,
        Duration maxAge) {
      this.letters = letters;
      this.mail = mail;
      this.clock = clock;
      this.maxAge = maxAge;
    }

    @Override
    public CompletionStage<Done> process(EventEnvelope<AccountEvent> envelope) {
      CompletionStage<Done> done = CompletableFuture.completedFuture(Done.getInstance());
      if (!(envelope.event() instanceof DunningChanged changed)
          || changed.recordedAt().isBefore(clock.instant().minus(maxAge))) {
        return done;
      }
      String accountId = accountIdOf(envelope.persistenceId());
      for (DunningFact.StepFired fired : reminders(changed)) {
        ReminderLetterView.Step step =
            new ReminderLetterView.Step(
                fired.episode(), fired.stepIndex(), fired.stepName(), fired.date());
        done =
            done.thenCompose(
                previous ->
                    mail.mail(
                        KIND,
                        mailIdOf(accountId, step.episode(), step.stepIndex()),
                        () -> letters.apply(accountId, step).thenApply(ReminderMails::mailOf)));
      }
      return done;
    }
  }

  /** The account id of an account's persistence id. */
  static String accountIdOf(String persistenceId) {
    String prefix = EntityKeys.ACCOUNT.name() + PersistenceId.DefaultSeparator();
    if (!persistenceId.startsWith(prefix)) {
      throw new IllegalArgumentException("not an account's persistence id: " + persistenceId);
    }
    return persistenceId.substring(prefix.length());
  }

  /** The mail of a letter; none when its account has no address. */
  static Optional<Mailer.Mail> mailOf(ReminderLetters.Letter letter) {
    String to = letter.account().email();
    if (to == null || to.isBlank()) {
      return Optional.empty();
    }
    ReminderLetterView view = letter.view();
    return Optional.of(
        new Mailer.Mail(
            mailIdOf(view.accountId(), view.episode(), view.stepIndex()),
            to,
            ReminderLetter.subject(view),
            ReminderLetter.html(view),
            List.of(
                new Mailer.Attachment(
                    ReminderLetter.fileName(view), "application/pdf", ReminderLetter.pdf(view)))));
  }
}
