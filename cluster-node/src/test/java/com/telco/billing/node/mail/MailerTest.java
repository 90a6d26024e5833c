package com.telco.billing.node.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The mailer against a real SMTP server in this JVM (GreenMail): what arrives, and what fails. */
class MailerTest {
  private static GreenMail smtp;
  private static Mailer mailer;

  @BeforeAll
  static void start() {
    smtp =
        new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    smtp.start();
    mailer = new Mailer(settings(smtp.getSmtp().getPort()));
  }

  @AfterAll
  static void stop() {
    mailer.close();
    smtp.stop();
  }

  @BeforeEach
  void empty() throws Exception {
    smtp.purgeEmailFromAllMailboxes();
  }

  static MailSettings settings(int port) {
    Config config =
        ConfigFactory.parseString(
                """
                billing.mail.enabled = on
                billing.mail.port = %d
                billing.mail.connect-timeout = 2s
                billing.mail.read-timeout = 5s
                """
                    .formatted(port))
            .withFallback(ConfigFactory.parseResources("billing.conf"))
            .resolve();
    return MailSettings.from(config);
  }

  private static final byte[] PDF = "%PDF-1.7 not really".getBytes(StandardCharsets.US_ASCII);

  private static Mailer.Mail mail(String id, String to) {
    return new Mailer.Mail(
        id,
        to,
        "Your invoice Ä-1",
        "<!DOCTYPE html><html><body><p>Grüße</p></body></html>",
        List.of(new Mailer.Attachment("INV-1.pdf", "application/pdf", PDF)));
  }

  @Test
  void anHtmlBodyWithTheAttachmentArrivesWithTheStableMessageId() throws Exception {
    Mailer.Outcome outcome =
        mailer
            .send(mail("invoice:INV-1", "jane@example.com"))
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);
    String expectedId = Mailer.messageIdOf("invoice:INV-1", "billing.telco.example");
    assertEquals(new Mailer.Outcome.Sent(expectedId), outcome);

    assertTrue(smtp.waitForIncomingEmail(10_000, 1));
    MimeMessage received = smtp.getReceivedMessages()[0];
    assertEquals(expectedId, received.getMessageID());
    assertEquals("Your invoice Ä-1", received.getSubject());
    assertEquals("billing@telco.example", received.getFrom()[0].toString().replaceAll(".*<|>", ""));
    assertEquals("jane@example.com", received.getAllRecipients()[0].toString());
    Multipart parts = (Multipart) received.getContent();
    assertEquals(2, parts.getCount());
    BodyPart body = parts.getBodyPart(0);
    assertTrue(body.isMimeType("text/html"), body.getContentType());
    assertTrue(((String) body.getContent()).contains("Grüße"));
    BodyPart pdf = parts.getBodyPart(1);
    assertTrue(pdf.isMimeType("application/pdf"), pdf.getContentType());
    assertEquals(Part.ATTACHMENT, pdf.getDisposition());
    assertEquals("INV-1.pdf", pdf.getFileName());
    assertArrayEquals(PDF, pdf.getInputStream().readAllBytes());
  }

  @Test
  void aResendCarriesTheSameMessageId() throws Exception {
    mailer
        .send(mail("reminder:acc-1:1:0", "a@example.com"))
        .toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
    mailer
        .send(mail("reminder:acc-1:1:0", "a@example.com"))
        .toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
    mailer
        .send(mail("reminder:acc-1:1:1", "a@example.com"))
        .toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
    assertTrue(smtp.waitForIncomingEmail(10_000, 3));
    MimeMessage[] received = smtp.getReceivedMessages();
    assertEquals(received[0].getMessageID(), received[1].getMessageID());
    assertNotEquals(received[0].getMessageID(), received[2].getMessageID());
  }

  @Test
  void anAddressThatIsNoneIsRejectedForGoodWithoutTalkingToTheServer() throws Exception {
    Mailer.Outcome outcome =
        mailer
            .send(mail("invoice:INV-2", "not an address"))
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);
    assertInstanceOf(Mailer.Outcome.Rejected.class, outcome);
    assertEquals(0, smtp.getReceivedMessages().length);
  }

  @Test
  void noServerFailsTheSendSoThatItIsTriedAgain() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    try (Mailer nowhere = new Mailer(settings(closed))) {
      ExecutionException failed =
          assertThrows(
              ExecutionException.class,
              () ->
                  nowhere
                      .send(mail("invoice:INV-3", "a@example.com"))
                      .toCompletableFuture()
                      .get(30, TimeUnit.SECONDS));
      assertInstanceOf(Mailer.MailNotSentException.class, failed.getCause());
    }
  }

  /** RFC 5322 msg-id: {@code <id-left@id-right>} without spaces or further angle brackets. */
  private static final Pattern MSG_ID = Pattern.compile("<[A-Za-z0-9._-]+@[A-Za-z0-9.-]+>");

  @Test
  void messageIdsAreStableWellFormedAndKeepIdsApart() {
    String id = Mailer.messageIdOf("reminder:acc 1/ö:2:3", "billing.example");
    assertEquals(id, Mailer.messageIdOf("reminder:acc 1/ö:2:3", "billing.example"));
    assertTrue(MSG_ID.matcher(id).matches(), id);
    // the same readable part, other ids: the digest keeps them apart
    assertNotEquals(id, Mailer.messageIdOf("reminder:acc_1_ö:2:3", "billing.example"));
    assertNotEquals(
        Mailer.messageIdOf("invoice:INV-1", "billing.example"),
        Mailer.messageIdOf("invoice:INV-2", "billing.example"));
    String longId = Mailer.messageIdOf("x".repeat(500), "billing.example");
    assertTrue(MSG_ID.matcher(longId).matches(), longId);
    assertTrue(longId.length() < 120, longId);
  }

  @Test
  void settingsComeFromTheConfigurationAndHideThePassword() {
    MailSettings defaults = settings(3025);
    assertEquals(MailSettings.Security.NONE, defaults.security());
    assertFalse(defaults.authenticates());
    assertFalse(defaults.toString().contains("DEV-ONLY"), defaults.toString());
    var props =
        Mailer.properties(
            MailSettings.from(
                ConfigFactory.parseString(
                        "billing.mail { security = smtps, username = u, port = 465 }")
                    .withFallback(ConfigFactory.parseResources("billing.conf"))
                    .resolve()));
    assertEquals("smtps", props.getProperty("mail.transport.protocol"));
    assertEquals("465", props.getProperty("mail.smtps.port"));
    assertEquals("true", props.getProperty("mail.smtps.auth"));
    assertEquals("5000", props.getProperty("mail.smtps.connectiontimeout"));
    assertThrows(
        com.typesafe.config.ConfigException.class,
        () ->
            MailSettings.from(
                ConfigFactory.parseString("billing.mail.security = tls")
                    .withFallback(ConfigFactory.parseResources("billing.conf"))
                    .resolve()));
  }
}
