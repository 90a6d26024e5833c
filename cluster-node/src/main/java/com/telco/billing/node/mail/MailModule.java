package com.telco.billing.node.mail;

import com.telco.billing.node.BillingSettings;
import com.telco.billing.node.invoice.InvoicingService;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * Mail on a node (docs/notifications.md, "Email"): the {@link Mailer}, the sent log, and, with
 * {@code billing.mail.enabled}, the projections that mail issued invoices ({@link InvoiceMails})
 * and reminder letters ({@link ReminderMails}). The letters themselves ({@link ReminderLetters})
 * are served whether mail is on or not.
 *
 * @param letters reminder letters as the accounts know them now
 */
public record MailModule(ReminderLetters letters) {

  /**
   * Starts mailing on this node. Call it after the account entities and invoicing are started.
   *
   * @param invoicing reads the documents of the invoices to mail
   */
  public static MailModule init(
      ActorSystem<?> system, BillingSettings billing, InvoicingService invoicing, Clock clock) {
    MailSettings settings = billing.mail();
    String keyspace = billing.cassandra().keyspace();
    ReminderLetters letters = new ReminderLetters(system, billing.http().askTimeout());
    if (settings.enabled()) {
      Mailer mailer = new Mailer(settings);
      CoordinatedShutdown.get(system)
          .addTask(
              CoordinatedShutdown.PhaseBeforeActorSystemTerminate(),
              "stop-mailer",
              () -> {
                mailer.close();
                return CompletableFuture.completedFuture(Done.getInstance());
              });
      MailOnce once = new MailOnce(new SentMailStore(system, keyspace), mailer::send, clock);
      InvoiceMails.init(system, invoicing::document, once, clock, settings.maxAge());
      ReminderMails.init(system, letters::letter, once, clock, settings.maxAge());
    }
    return new MailModule(letters);
  }
}
