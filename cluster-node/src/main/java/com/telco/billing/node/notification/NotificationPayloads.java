package com.telco.billing.node.notification;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.telco.billing.protocol.account.AccountEvent;
import com.telco.billing.protocol.account.AccountEvent.DunningChanged;
import com.telco.billing.protocol.account.AccountEvent.InvoiceRegistered;
import com.telco.billing.protocol.account.AccountEvent.ReceivablesChanged;
import com.telco.billing.protocol.account.journal.DunningFact;
import com.telco.billing.protocol.account.journal.ReceivableFact;
import com.telco.billing.protocol.invoice.InvoiceEntry;
import com.telco.billing.sharding.EntityKeys;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.apache.pekko.persistence.typed.PersistenceId;

/**
 * The notifications of an account event, and their JSON (docs/notifications.md, "Events"): {@code
 * {"id","type","createdAt","accountId","data":{...}}}, {@code data} holding the fact's own fields,
 * amounts as {@code {"unit": "EUR", "value": 12.50}} (the exact decimal, like the payment
 * responses). Nothing a payment method is made of (token, IBAN, mandate, card data, gateway
 * references) is ever written. A field without a value is left out.
 *
 * <p>Only what comes from the event goes in, so a replayed event gives the same notifications,
 * character for character.
 */
public final class NotificationPayloads {
  private NotificationPayloads() {}

  private static final JsonFactory JSON = new JsonFactory();

  /**
   * Whether the notifications of {@code event} show amounts in the account's currency, which the
   * event does not carry (payments, dunning).
   */
  public static boolean needsCurrency(AccountEvent event) {
    return event instanceof ReceivablesChanged || event instanceof DunningChanged;
  }

  /**
   * The notifications of the event at {@code sequenceNr} of {@code persistenceId}, in the order of
   * its facts.
   *
   * @param currency the account's ISO 4217 code, or {@code null} when unknown (amounts then have no
   *     unit)
   */
  public static List<Notification> of(
      String persistenceId, long sequenceNr, AccountEvent event, String currency) {
    String accountId = accountIdOf(persistenceId);
    List<Notification> notifications = new ArrayList<>();
    if (event instanceof InvoiceRegistered registered) {
      InvoiceEntry entry = registered.entry();
      notifications.add(
          notification(
              persistenceId,
              sequenceNr,
              0,
              NotificationType.INVOICE_ISSUED,
              entry.accountId(),
              registered.recordedAt(),
              data -> invoiceIssued(data, entry)));
    } else if (event instanceof ReceivablesChanged changed) {
      List<ReceivableFact> facts = changed.facts();
      for (int i = 0; i < facts.size(); i++) {
        ReceivableFact fact = facts.get(i);
        if (fact instanceof ReceivableFact.PaymentReceived payment) {
          notifications.add(
              notification(
                  persistenceId,
                  sequenceNr,
                  i,
                  NotificationType.PAYMENT_SUCCEEDED,
                  accountId,
                  changed.recordedAt(),
                  data -> paymentSucceeded(data, payment, currency)));
        } else if (fact instanceof ReceivableFact.AttemptAnswered answered
            && isFailure(answered.status())) {
          notifications.add(
              notification(
                  persistenceId,
                  sequenceNr,
                  i,
                  NotificationType.PAYMENT_FAILED,
                  accountId,
                  changed.recordedAt(),
                  data -> paymentFailed(data, answered)));
        }
      }
    } else if (event instanceof DunningChanged changed) {
      List<DunningFact> facts = changed.facts();
      for (int i = 0; i < facts.size(); i++) {
        DunningFact fact = facts.get(i);
        NotificationType type = null;
        Writer writer = null;
        if (fact instanceof DunningFact.StepFired step) {
          type = NotificationType.DUNNING_STEP;
          writer = data -> dunningStep(data, step, currency);
        } else if (fact instanceof DunningFact.ServiceBarred barred) {
          type = NotificationType.SERVICE_BARRED;
          writer = data -> serviceBarred(data, barred);
        } else if (fact instanceof DunningFact.ServiceUnbarred unbarred) {
          type = NotificationType.SERVICE_UNBARRED;
          writer = data -> serviceUnbarred(data, unbarred);
        }
        if (type != null) {
          notifications.add(
              notification(
                  persistenceId, sequenceNr, i, type, accountId, changed.recordedAt(), writer));
        }
      }
    }
    return notifications;
  }

  /** A declined (or failed) collection attempt; {@code PROCESSING} and successes are not. */
  static boolean isFailure(String status) {
    String s = status == null ? "" : status.toUpperCase(Locale.ROOT);
    return s.equals("DECLINED") || s.equals("FAILED");
  }

  /**
   * The stable id of the fact at {@code index} of the event at {@code sequenceNr} of {@code
   * persistenceId}: {@code evt_} and the first 32 hex digits of SHA-256 of the three.
   */
  public static String notificationId(String persistenceId, long sequenceNr, int index) {
    return "evt_" + digest(persistenceId + "|" + sequenceNr + "|" + index);
  }

  static String digest(String text) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }

  /** The entity id of an account's persistence id. */
  static String accountIdOf(String persistenceId) {
    String prefix = EntityKeys.ACCOUNT.name() + PersistenceId.DefaultSeparator();
    if (!persistenceId.startsWith(prefix)) {
      throw new IllegalArgumentException("not an account's persistence id: " + persistenceId);
    }
    return persistenceId.substring(prefix.length());
  }

  /** Writes the fields of {@code data}. */
  private interface Writer {
    void write(JsonGenerator data) throws IOException;
  }

  private static Notification notification(
      String persistenceId,
      long sequenceNr,
      int index,
      NotificationType type,
      String accountId,
      Instant createdAt,
      Writer data) {
    String id = notificationId(persistenceId, sequenceNr, index);
    StringWriter out = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("id", id);
      json.writeStringField("type", type.wireName());
      json.writeStringField("createdAt", createdAt.toString());
      json.writeStringField("accountId", accountId);
      json.writeObjectFieldStart("data");
      data.write(json);
      json.writeEndObject();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Notification(id, type, accountId, createdAt, out.toString());
  }

  private static void invoiceIssued(JsonGenerator data, InvoiceEntry entry) throws IOException {
    text(data, "invoiceNumber", entry.number());
    text(data, "href", "/invoices/" + entry.number());
    date(data, "periodStart", entry.periodStart());
    date(data, "issueDate", entry.issueDate());
    money(data, "total", entry.total(), entry.currency());
  }

  private static void paymentSucceeded(
      JsonGenerator data, ReceivableFact.PaymentReceived payment, String currency)
      throws IOException {
    text(data, "paymentId", payment.paymentId());
    text(data, "href", "/payments/" + payment.paymentId());
    text(data, "method", payment.method());
    text(data, "invoiceNumber", payment.invoiceNumber());
    date(data, "date", payment.date());
    money(data, "amount", payment.amount(), currency);
  }

  private static void paymentFailed(JsonGenerator data, ReceivableFact.AttemptAnswered answered)
      throws IOException {
    text(data, "paymentId", answered.paymentId());
    text(data, "invoiceNumber", answered.invoiceNumber());
    text(data, "code", answered.code());
    date(data, "date", answered.date());
    date(data, "nextAttemptOn", answered.nextAttemptOn());
    data.writeBooleanField("finalAttempt", answered.stopped());
  }

  private static void dunningStep(JsonGenerator data, DunningFact.StepFired step, String currency)
      throws IOException {
    data.writeNumberField("episode", step.episode());
    data.writeNumberField("stepIndex", step.stepIndex());
    text(data, "stepName", step.stepName());
    data.writeNumberField("day", step.day());
    strings(data, "actions", step.actions());
    date(data, "date", step.date());
    text(data, "oldestInvoice", step.oldestInvoice());
    data.writeNumberField("daysPastDue", step.daysPastDue());
    money(data, "overdue", step.overdue(), currency);
  }

  private static void serviceBarred(JsonGenerator data, DunningFact.ServiceBarred barred)
      throws IOException {
    data.writeNumberField("episode", barred.episode());
    date(data, "date", barred.date());
    strings(data, "subscriptionIds", barred.subscriptionIds());
  }

  private static void serviceUnbarred(JsonGenerator data, DunningFact.ServiceUnbarred unbarred)
      throws IOException {
    data.writeNumberField("episode", unbarred.episode());
    date(data, "date", unbarred.date());
    strings(data, "subscriptionIds", unbarred.subscriptionIds());
    text(data, "reason", unbarred.reason());
  }

  private static void text(JsonGenerator data, String field, String value) throws IOException {
    if (value != null) {
      data.writeStringField(field, value);
    }
  }

  private static void date(JsonGenerator data, String field, LocalDate value) throws IOException {
    if (value != null) {
      data.writeStringField(field, value.toString());
    }
  }

  private static void strings(JsonGenerator data, String field, List<String> values)
      throws IOException {
    data.writeArrayFieldStart(field);
    for (String value : values) {
      data.writeString(value);
    }
    data.writeEndArray();
  }

  /** {@code amount} with at least the currency's minor units (12.5 EUR as 12.50), never rounded. */
  static BigDecimal withMinorUnits(BigDecimal amount, String currency) {
    if (currency == null) {
      return amount;
    }
    try {
      int digits = java.util.Currency.getInstance(currency).getDefaultFractionDigits();
      return digits > amount.scale() ? amount.setScale(digits) : amount;
    } catch (IllegalArgumentException e) {
      return amount;
    }
  }

  /** {@code {"unit": "EUR", "value": 12.50}}: the exact decimal, in plain notation. */
  private static void money(JsonGenerator data, String field, BigDecimal amount, String currency)
      throws IOException {
    if (amount == null) {
      return;
    }
    data.writeObjectFieldStart(field);
    text(data, "unit", currency);
    data.writeFieldName("value");
    data.writeNumber(withMinorUnits(amount, currency).toPlainString());
    data.writeEndObject();
  }
}
