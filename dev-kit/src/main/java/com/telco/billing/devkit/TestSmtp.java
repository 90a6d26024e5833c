package com.telco.billing.devkit;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * One SMTP server per test JVM (GreenMail, in this JVM, on free loopback ports), shared by all test
 * classes as {@code TestCassandra.shared()} shares one Cassandra. It keeps every mail it receives:
 * a test reads those of its own recipients (addresses of a domain only it uses). Any user name and
 * password are accepted. A shutdown hook stops it.
 *
 * <pre>{@code
 * GreenMail smtp = TestSmtp.shared();
 * EmbeddedNode node = EmbeddedNode.start(cassandra, keyspace,
 *     EmbeddedNode.mailConfig(TestSmtp.HOST, smtp.getSmtp().getPort()));
 * smtp.getReceivedMessagesForDomain("my-test.example");
 * }</pre>
 */
public final class TestSmtp {
  /** Where the shared server listens. */
  public static final String HOST = "127.0.0.1";

  private static GreenMail shared;

  private TestSmtp() {}

  /** The JVM's shared SMTP server (with IMAP beside it), started on the first call. */
  public static synchronized GreenMail shared() {
    if (shared == null) {
      GreenMail started = start(Ports.freeLoopbackPort(), Ports.freeLoopbackPort());
      Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "smtp-test-stop"));
      shared = started;
    }
    return shared;
  }

  /**
   * Starts an SMTP and an IMAP server on {@link #HOST} that accept any user name and password; IMAP
   * users are the recipients' addresses.
   */
  public static GreenMail start(int smtpPort, int imapPort) {
    GreenMail smtp =
        new GreenMail(
                new ServerSetup[] {
                  new ServerSetup(smtpPort, HOST, ServerSetup.PROTOCOL_SMTP),
                  new ServerSetup(imapPort, HOST, ServerSetup.PROTOCOL_IMAP)
                })
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    smtp.start();
    return smtp;
  }
}
