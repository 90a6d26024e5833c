package com.telco.billing.node.mail;

import com.telco.billing.node.ConfigChecks;
import com.typesafe.config.Config;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code billing.mail}: whether and how the node mails invoices and reminder letters
 * (docs/notifications.md, "Email"). Read once at startup.
 *
 * @param enabled whether the mail projections run on this node; off, nothing is mailed
 * @param host the SMTP server
 * @param port its port
 * @param security {@code none}, {@code starttls} (required: a server without it is refused) or
 *     {@code smtps} (TLS from the first byte)
 * @param username the SMTP AUTH user; blank: no AUTH
 * @param password the SMTP AUTH password
 * @param from the sender, e.g. {@code Telco Billing <billing@telco.example>}
 * @param messageIdDomain the right-hand side of every {@code Message-ID} the node makes
 * @param connectTimeout the longest wait for a connection
 * @param readTimeout the longest wait for an answer of the server
 * @param writeTimeout the longest a write to the server may block
 * @param maxAge an issued invoice or a fired reminder step older than this when the projection
 *     meets it is not mailed (a new projection does not mail the whole history)
 * @param parallelism mails sent at once on this node (each blocks a thread of the mailer's pool)
 */
public record MailSettings(
    boolean enabled,
    String host,
    int port,
    Security security,
    String username,
    String password,
    InternetAddress from,
    String messageIdDomain,
    Duration connectTimeout,
    Duration readTimeout,
    Duration writeTimeout,
    Duration maxAge,
    int parallelism) {

  /** How the connection to the SMTP server is secured. */
  public enum Security {
    NONE,
    STARTTLS,
    SMTPS
  }

  public MailSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(security, "security");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(messageIdDomain, "messageIdDomain");
  }

  private static final String PATH = "billing.mail";

  /** Reads {@code billing.mail}; fails naming the key on a bad value. */
  public static MailSettings from(Config config) {
    Config c = config.getConfig(PATH);
    int port = c.getInt("port");
    if (port < 1 || port > 65535) {
      throw ConfigChecks.badValue(PATH + ".port", "must be 1..65535");
    }
    Security security;
    try {
      security = Security.valueOf(c.getString("security").toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ConfigChecks.badValue(PATH + ".security", "must be none, starttls or smtps");
    }
    InternetAddress from;
    try {
      from = new InternetAddress(c.getString("from"), true);
    } catch (AddressException e) {
      throw ConfigChecks.badValue(PATH + ".from", "must be a mail address");
    }
    String domain = c.getString("message-id-domain");
    if (!domain.matches("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?")) {
      throw ConfigChecks.badValue(PATH + ".message-id-domain", "must be a domain name");
    }
    return new MailSettings(
        c.getBoolean("enabled"),
        c.getString("host"),
        port,
        security,
        c.getString("username"),
        c.getString("password"),
        from,
        domain,
        ConfigChecks.positiveDuration(config, PATH + ".connect-timeout"),
        ConfigChecks.positiveDuration(config, PATH + ".read-timeout"),
        ConfigChecks.positiveDuration(config, PATH + ".write-timeout"),
        ConfigChecks.positiveDuration(config, PATH + ".max-age"),
        ConfigChecks.intAtLeast(config, PATH + ".parallelism", 1));
  }

  /** Whether the mailer logs in (SMTP AUTH). */
  public boolean authenticates() {
    return !username.isBlank();
  }

  /** Without the password. */
  @Override
  public String toString() {
    return "MailSettings[enabled="
        + enabled
        + ", host="
        + host
        + ", port="
        + port
        + ", security="
        + security
        + ", username="
        + username
        + ", password=***, from="
        + from
        + ", messageIdDomain="
        + messageIdDomain
        + ", connectTimeout="
        + connectTimeout
        + ", readTimeout="
        + readTimeout
        + ", writeTimeout="
        + writeTimeout
        + ", maxAge="
        + maxAge
        + ", parallelism="
        + parallelism
        + "]";
  }
}
