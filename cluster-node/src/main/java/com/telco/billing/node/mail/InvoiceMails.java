package com.telco.billing.node.mail;

import com.telco.billing.node.invoice.render.InvoiceDocument;
import com.telco.billing.node.invoice.render.InvoiceMail;
import com.telco.billing.node.invoice.render.InvoicePdf;
import com.telco.billing.node.projection.AccountEventProjections;
import com.telco.billing.protocol.account.AccountEvent;
import com.telco.billing.protocol.account.AccountEvent.InvoiceRegistered;
import com.telco.billing.protocol.invoice.InvoiceEntry;
import com.telco.billing.sharding.AccountTags;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.javadsl.Handler;

/**
 * Mails every issued invoice to its account's {@code email} (accounts without one get none): a
 * projection over the invoice tags, one event at a time, at-least-once; each {@code
 * InvoiceRegistered} becomes a mail with an HTML body ({@link InvoiceMail}) and the invoice's PDF
 * ({@link InvoicePdf}) attached, mail id {@code invoice:<number>}, sent once through {@link
 * MailOnce}. An invoice registered longer than {@code maxAge} ago is not mailed.
 */
public final class InvoiceMails {

  /** The projection's name; with the tag it is the offset's key. */
  public static final String NAME = "invoice-mails";

  /** The kind of mail in the sent log. */
  static final String KIND = "invoice";

  private InvoiceMails() {}

  /**
   * @param documents the document of a register entry in the journal of a persistence id
   */
  public static void init(
      ActorSystem<?> system,
      BiFunction<String, InvoiceEntry, CompletionStage<InvoiceDocument>> documents,
      MailOnce mail,
      Clock clock,
      Duration maxAge) {
    AccountEventProjections.init(
        system, NAME, AccountTags.INVOICES, () -> new MailHandler(documents, mail, clock, maxAge));
  }

  /** The mail id of an invoice. */
  static String mailIdOf(String invoiceNumber) {
    return KIND + ":" + invoiceNumber;
  }

  /** Mails the invoice of an {@code InvoiceRegistered}; ignores every other event. */
  static final class MailHandler extends Handler<EventEnvelope<AccountEvent>> {
    private final BiFunction<String, InvoiceEntry, CompletionStage<InvoiceDocument>> documents;
    private final MailOnce mail;
    private final Clock clock;
    private final Duration maxAge;

    MailHandler(
        BiFunction<String, InvoiceEntry, CompletionStage<InvoiceDocument>> documents,
        MailOnce mail,
        Clock clock,
        Duration maxAge) {
      this.documents = documents;
      this.mail = mail;
      this.clock = clock;
      this.maxAge = maxAge;
    }

    @Override
    public CompletionStage<Done> process(EventEnvelope<AccountEvent> envelope) {
      if (!(envelope.event() instanceof InvoiceRegistered registered)
          || registered.recordedAt().isBefore(clock.instant().minus(maxAge))) {
        return CompletableFuture.completedFuture(Done.getInstance());
      }
      InvoiceEntry entry = registered.entry();
      return mail.mail(
          KIND,
          mailIdOf(entry.number()),
          () -> documents.apply(envelope.persistenceId(), entry).thenApply(InvoiceMails::mailOf));
    }
  }

  /** The mail of an invoice document; none when its account has no address. */
  static Optional<Mailer.Mail> mailOf(InvoiceDocument doc) {
    String to = doc.account().email();
    if (to == null || to.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(
        new Mailer.Mail(
            mailIdOf(doc.number()),
            to,
            InvoiceMail.subject(doc),
            InvoiceMail.html(doc),
            List.of(
                new Mailer.Attachment(
                    InvoiceMail.fileName(doc), "application/pdf", InvoicePdf.render(doc)))));
  }
}
