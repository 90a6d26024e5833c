package com.telco.billing.node.mail;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.Done;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mails a mail id at most once in the normal case: looks it up in the {@link SentLog}, composes and
 * sends it when it is not there, then records it. A failed send fails the returned stage (the
 * projection tries the event again later); a mail the server refused for good is recorded as
 * rejected and not tried again.
 */
public final class MailOnce {
  private static final Logger log = LoggerFactory.getLogger(MailOnce.class);

  private final SentLog sent;
  private final Function<Mailer.Mail, CompletionStage<Mailer.Outcome>> send;
  private final Clock clock;

  public MailOnce(
      SentLog sent, Function<Mailer.Mail, CompletionStage<Mailer.Outcome>> send, Clock clock) {
    this.sent = sent;
    this.send = send;
    this.clock = clock;
  }

  /**
   * Mails {@code mailId} unless the log has it.
   *
   * @param kind what the mail is, e.g. {@code invoice}, {@code reminder}
   * @param compose the mail, or empty when there is nothing to mail (e.g. no address)
   */
  public CompletionStage<Done> mail(
      String kind, String mailId, Supplier<CompletionStage<Optional<Mailer.Mail>>> compose) {
    return sent.lookup(mailId)
        .thenCompose(
            entry -> {
              if (entry.isPresent()) {
                return CompletableFuture.completedFuture(Done.getInstance());
              }
              return compose
                  .get()
                  .thenCompose(
                      mail ->
                          mail.map(m -> sendAndRecord(kind, m))
                              .orElseGet(
                                  () -> CompletableFuture.completedFuture(Done.getInstance())));
            });
  }

  private CompletionStage<Done> sendAndRecord(String kind, Mailer.Mail mail) {
    return send.apply(mail)
        .thenCompose(
            outcome -> {
              if (outcome instanceof Mailer.Outcome.Rejected rejected) {
                log.warn("{} mail {} refused for good: {}", kind, mail.mailId(), rejected.reason());
                return sent.record(entry(kind, mail, rejected.messageId(), "rejected"));
              }
              return sent.record(
                  entry(kind, mail, ((Mailer.Outcome.Sent) outcome).messageId(), "sent"));
            });
  }

  private SentLog.Entry entry(String kind, Mailer.Mail mail, String messageId, String outcome) {
    return new SentLog.Entry(mail.mailId(), kind, mail.to(), messageId, outcome, clock.instant());
  }
}
