package com.telco.billing.node.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Sends mail over SMTP with Jakarta Mail (Eclipse Angus Mail) as {@link MailSettings} say: host,
 * port, STARTTLS or SMTPS, AUTH, timeouts. A mail is an HTML body with attachments, and it has a
 * {@code Message-ID} made from its mail id alone ({@link #messageIdOf}): a mail sent again after a
 * crash (at-least-once) carries the same one, so the receiving side can recognise the resend.
 *
 * <p>SMTP is blocking I/O: mails are sent on the mailer's own pool of {@code parallelism} threads.
 */
public final class Mailer implements AutoCloseable {

  /** A file attached to a mail. */
  public record Attachment(String fileName, String contentType, byte[] bytes) {
    public Attachment {
      Objects.requireNonNull(fileName, "fileName");
      Objects.requireNonNull(contentType, "contentType");
      Objects.requireNonNull(bytes, "bytes");
    }
  }

  /**
   * One mail to send.
   *
   * @param mailId what the mail is about, stable across resends (e.g. {@code invoice:INV-...}); its
   *     {@code Message-ID} is made from it
   * @param to the recipient's address
   * @param subject the subject
   * @param html the body, a standalone HTML page
   */
  public record Mail(
      String mailId, String to, String subject, String html, List<Attachment> attachments) {
    public Mail {
      Objects.requireNonNull(mailId, "mailId");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(html, "html");
      attachments = List.copyOf(attachments);
    }
  }

  /** What became of a mail. */
  public sealed interface Outcome {
    /** The server took the mail. */
    record Sent(String messageId) implements Outcome {}

    /**
     * The mail can never be delivered as it is: the address is not one, or the server refused it
     * for good (5xx). Sending it again would change nothing.
     */
    record Rejected(String messageId, String reason) implements Outcome {}
  }

  private final MailSettings settings;
  private final Session session;
  private final ExecutorService pool;

  public Mailer(MailSettings settings) {
    this.settings = settings;
    this.session = Session.getInstance(properties(settings));
    AtomicInteger threads = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            settings.parallelism(),
            task -> {
              Thread thread = new Thread(task, "mailer-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  /** The protocol's session properties: where, how secured, the timeouts, the envelope sender. */
  static Properties properties(MailSettings settings) {
    String protocol = protocol(settings);
    String p = "mail." + protocol + ".";
    Properties props = new Properties();
    props.setProperty("mail.transport.protocol", protocol);
    props.setProperty(p + "host", settings.host());
    props.setProperty(p + "port", String.valueOf(settings.port()));
    props.setProperty(p + "connectiontimeout", millis(settings.connectTimeout()));
    props.setProperty(p + "timeout", millis(settings.readTimeout()));
    props.setProperty(p + "writetimeout", millis(settings.writeTimeout()));
    props.setProperty(p + "auth", String.valueOf(settings.authenticates()));
    props.setProperty(p + "from", settings.from().getAddress());
    if (settings.security() == MailSettings.Security.STARTTLS) {
      props.setProperty(p + "starttls.enable", "true");
      props.setProperty(p + "starttls.required", "true");
    }
    if (settings.security() != MailSettings.Security.NONE) {
      props.setProperty(p + "ssl.checkserveridentity", "true");
    }
    return props;
  }

  private static String protocol(MailSettings settings) {
    return settings.security() == MailSettings.Security.SMTPS ? "smtps" : "smtp";
  }

  private static String millis(java.time.Duration d) {
    return String.valueOf(d.toMillis());
  }

  /** Sends {@code mail} on the mailer's pool; fails when it may be delivered on another try. */
  public CompletionStage<Outcome> send(Mail mail) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return sendNow(mail);
          } catch (MessagingException e) {
            throw new MailNotSentException(mail.mailId(), e);
          }
        },
        pool);
  }

  /** Sends {@code mail} on this thread. */
  Outcome sendNow(Mail mail) throws MessagingException {
    String messageId = messageIdOf(mail.mailId(), settings.messageIdDomain());
    InternetAddress to;
    try {
      to = new InternetAddress(mail.to(), true);
    } catch (AddressException e) {
      return new Outcome.Rejected(messageId, "not a mail address");
    }
    MimeMessage message = message(mail, to, messageId);
    try (Transport transport = session.getTransport(protocol(settings))) {
      if (settings.authenticates()) {
        transport.connect(
            settings.host(), settings.port(), settings.username(), settings.password());
      } else {
        transport.connect();
      }
      transport.sendMessage(message, new Address[] {to});
      return new Outcome.Sent(messageId);
    } catch (SendFailedException e) {
      String refusal = permanentRefusal(e);
      if (refusal != null) {
        return new Outcome.Rejected(messageId, refusal);
      }
      throw e;
    }
  }

  /** The server's 5xx answer to the recipient or the message, or null for anything else. */
  private static String permanentRefusal(SendFailedException e) {
    for (Exception next = e; next != null; ) {
      if (next instanceof SMTPAddressFailedException failed && failed.getReturnCode() >= 500) {
        return "recipient refused: " + failed.getReturnCode();
      }
      if (next instanceof SMTPSendFailedException failed && failed.getReturnCode() >= 500) {
        return "message refused: " + failed.getReturnCode();
      }
      next = next instanceof MessagingException m ? m.getNextException() : null;
    }
    return null;
  }

  /** The message of {@code mail}: the HTML body, then the attachments; its Message-ID fixed. */
  MimeMessage message(Mail mail, InternetAddress to, String messageId) throws MessagingException {
    MimeMessage message = new StableIdMessage(session, messageId);
    message.setFrom(settings.from());
    message.setRecipient(MimeMessage.RecipientType.TO, to);
    message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
    message.setSentDate(new Date());
    MimeMultipart parts = new MimeMultipart("mixed");
    MimeBodyPart body = new MimeBodyPart();
    body.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
    parts.addBodyPart(body);
    for (Attachment a : mail.attachments()) {
      MimeBodyPart part = new MimeBodyPart();
      part.setDataHandler(new DataHandler(new ByteArrayDataSource(a.bytes(), a.contentType())));
      part.setFileName(a.fileName());
      part.setDisposition(MimeBodyPart.ATTACHMENT);
      parts.addBodyPart(part);
    }
    message.setContent(parts);
    message.saveChanges();
    return message;
  }

  /**
   * The {@code Message-ID} of the mail {@code mailId}: the same on every node and every resend. The
   * id's safe characters keep it readable; a digest of the whole id keeps two ids that differ only
   * in other characters apart.
   */
  public static String messageIdOf(String mailId, String domain) {
    String readable = mailId.replaceAll("[^A-Za-z0-9.-]", "_");
    if (readable.length() > 64) {
      readable = readable.substring(0, 64);
    }
    return "<" + readable + "." + digest(mailId) + "@" + domain + ">";
  }

  private static String digest(String mailId) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(mailId.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  /** A message whose {@code Message-ID} is the one given, not a new random one on each save. */
  private static final class StableIdMessage extends MimeMessage {
    private final String messageId;

    StableIdMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }

  /** A mail that was not sent and may be on another try (no connection, a 4xx, a timeout). */
  public static final class MailNotSentException extends RuntimeException {
    MailNotSentException(String mailId, MessagingException cause) {
      super("mail " + mailId + " not sent: " + cause.getMessage(), cause);
    }
  }

  @Override
  public void close() {
    pool.shutdown();
  }
}
