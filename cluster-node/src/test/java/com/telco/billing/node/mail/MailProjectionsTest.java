package com.telco.billing.node.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.node.invoice.render.InvoiceDocument;
import com.telco.billing.node.invoice.render.InvoiceSamples;
import com.telco.billing.node.invoice.render.ReminderLetterView;
import com.telco.billing.protocol.account.AccountEvent;
import com.telco.billing.protocol.account.journal.DunningFact;
import com.telco.billing.protocol.invoice.InvoiceEntry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.junit.jupiter.api.Test;

/**
 * The mail projections' handlers: which events become which mails, once per mail id across replays,
 * none without an address or for old events, a refused mail recorded and not retried, a failed send
 * failing the event.
 */
class MailProjectionsTest {
  static final Instant NOW = Instant.parse("2026-12-10T08:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final Duration MAX_AGE = Duration.ofDays(7);

  /** The sent log in memory. */
  static final class MemoryLog implements SentLog {
    final Map<String, Entry> entries = new HashMap<>();

    @Override
    public CompletionStage<Optional<Entry>> lookup(String mailId) {
      return CompletableFuture.completedFuture(Optional.ofNullable(entries.get(mailId)));
    }

    @Override
    public CompletionStage<Done> record(Entry entry) {
      entries.put(entry.mailId(), entry);
      return CompletableFuture.completedFuture(Done.getInstance());
    }
  }

  /** Records what it is asked to send and answers as told. */
  static final class Outbox {
    final List<Mailer.Mail> sent = new ArrayList<>();
    Mailer.Outcome answer;
    RuntimeException failure;

    CompletionStage<Mailer.Outcome> send(Mailer.Mail mail) {
      if (failure != null) {
        return CompletableFuture.failedFuture(failure);
      }
      sent.add(mail);
      return CompletableFuture.completedFuture(
          answer != null
              ? answer
              : new Mailer.Outcome.Sent(Mailer.messageIdOf(mail.mailId(), "test")));
    }
  }

  final MemoryLog log = new MemoryLog();
  final Outbox outbox = new Outbox();
  final MailOnce once = new MailOnce(log, outbox::send, CLOCK);

  static AccountProfile withEmail(AccountProfile p, String email) {
    return new AccountProfile(
        p.accountId(),
        p.name(),
        p.currency(),
        p.billCycleDay(),
        p.timeZone(),
        p.taxJurisdiction(),
        p.taxExempt(),
        p.paymentTermsDays(),
        p.paymentMethodRef(),
        p.legalEntity(),
        email,
        p.segment(),
        p.dunningExempt());
  }

  static InvoiceDocument invoice(String email) {
    InvoiceDocument doc = InvoiceSamples.eur();
    return new InvoiceDocument(
        doc.number(),
        doc.invoice(),
        doc.state(),
        doc.issuedAt(),
        withEmail(doc.account(), email),
        doc.settlement());
  }

  /** The account of the sample invoice. */
  static final String ACCOUNT = InvoiceSamples.eur().account().accountId();

  static EventEnvelope<AccountEvent> envelope(AccountEvent event) {
    return EventEnvelope.create(Offset.noOffset(), "Account|" + ACCOUNT, 7, event, 0L);
  }

  static AccountEvent registered(InvoiceDocument doc, Instant at) {
    return new AccountEvent.InvoiceRegistered(
        new InvoiceEntry(
            doc.number(),
            doc.account().accountId(),
            doc.invoice().billingPeriod().start(),
            doc.invoice().issueDate(),
            "EUR",
            doc.invoice().taxIncludedAmount(),
            6),
        at);
  }

  InvoiceMails.MailHandler invoiceHandler(InvoiceDocument doc) {
    return new InvoiceMails.MailHandler(
        (pid, entry) -> {
          assertEquals("Account|" + ACCOUNT, pid);
          assertEquals(doc.number(), entry.number());
          return CompletableFuture.completedFuture(doc);
        },
        once,
        CLOCK,
        MAX_AGE);
  }

  static void await(CompletionStage<Done> stage) throws Exception {
    stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void anIssuedInvoiceIsMailedOnceWithItsPdfThoughItsEventIsReplayed() throws Exception {
    InvoiceDocument doc = invoice("jane@example.com");
    var handler = invoiceHandler(doc);
    var event = envelope(registered(doc, NOW.minusSeconds(60)));
    await(handler.process(event));
    await(handler.process(event));
    await(invoiceHandler(doc).process(event));

    assertEquals(1, outbox.sent.size());
    Mailer.Mail mail = outbox.sent.get(0);
    assertEquals("invoice:" + doc.number(), mail.mailId());
    assertEquals("jane@example.com", mail.to());
    assertEquals("Your invoice " + doc.number(), mail.subject());
    assertTrue(mail.html().contains(doc.number()));
    assertEquals(1, mail.attachments().size());
    assertEquals("application/pdf", mail.attachments().get(0).contentType());
    assertTrue(
        new String(
                mail.attachments().get(0).bytes(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)
            .equals("%PDF-"));
    SentLog.Entry entry = log.entries.get("invoice:" + doc.number());
    assertEquals("sent", entry.outcome());
    assertEquals(NOW, entry.at());
  }

  @Test
  void noAddressNoOldInvoiceAndOtherEventsMailNothing() throws Exception {
    InvoiceDocument none = invoice(null);
    await(invoiceHandler(none).process(envelope(registered(none, NOW))));
    InvoiceDocument old = invoice("jane@example.com");
    await(invoiceHandler(old).process(envelope(registered(old, NOW.minus(Duration.ofDays(8))))));
    await(
        invoiceHandler(old)
            .process(
                envelope(
                    new AccountEvent.CollectionScheduled(
                        "INV-1", LocalDate.of(2026, 12, 1), NOW, null))));
    assertEquals(List.of(), outbox.sent);
    assertEquals(Map.of(), log.entries);
  }

  @Test
  void aRefusedMailIsRecordedAndNotTriedAgainAndAFailedSendFailsTheEvent() throws Exception {
    InvoiceDocument doc = invoice("jane@example.com");
    var event = envelope(registered(doc, NOW));
    outbox.failure = new IllegalStateException("no connection");
    ExecutionException failed =
        assertThrows(
            ExecutionException.class,
            () ->
                invoiceHandler(doc).process(event).toCompletableFuture().get(30, TimeUnit.SECONDS));
    assertEquals("no connection", failed.getCause().getMessage());
    assertEquals(Map.of(), log.entries);

    outbox.failure = null;
    outbox.answer = new Mailer.Outcome.Rejected("<x@test>", "recipient refused: 550");
    await(invoiceHandler(doc).process(event));
    await(invoiceHandler(doc).process(event));
    assertEquals(1, outbox.sent.size());
    assertEquals("rejected", log.entries.get("invoice:" + doc.number()).outcome());
  }

  static DunningFact.StepFired step(int episode, int index, String... actions) {
    return new DunningFact.StepFired(
        episode,
        index,
        "Step " + index,
        3,
        List.of(actions),
        LocalDate.of(2026, 12, 8),
        "INV-1",
        3,
        new BigDecimal("45.05"));
  }

  @Test
  void everyReminderStepOfADunningChangeIsMailedOnceWithItsLetter() throws Exception {
    List<ReminderLetterView.Step> asked = new ArrayList<>();
    AccountProfile account = withEmail(InvoiceSamples.eur().account(), "jane@example.com");
    var handler =
        new ReminderMails.MailHandler(
            (accountId, s) -> {
              assertEquals(account.accountId(), accountId);
              asked.add(s);
              return CompletableFuture.completedFuture(
                  new ReminderLetters.Letter(
                      account, ReminderLetterView.of(account, List.of(), s)));
            },
            once,
            CLOCK,
            MAX_AGE);
    var changed =
        envelope(
            new AccountEvent.DunningChanged(
                List.of(
                    new DunningFact.EpisodeStarted(
                        2, LocalDate.of(2026, 12, 8), "p", 1, "INV-1", new BigDecimal("45.05")),
                    step(2, 0, "reminder"),
                    step(2, 1, "late_fee", "reminder"),
                    step(2, 2, "suspend_service")),
                NOW,
                null));
    await(handler.process(changed));
    await(handler.process(changed));

    assertEquals(
        List.of(
            ReminderMails.mailIdOf(account.accountId(), 2, 0),
            ReminderMails.mailIdOf(account.accountId(), 2, 1)),
        outbox.sent.stream().map(Mailer.Mail::mailId).toList());
    assertEquals(2, asked.size());
    assertEquals("Step 1", asked.get(1).name());
    Mailer.Mail mail = outbox.sent.get(0);
    assertEquals("jane@example.com", mail.to());
    assertTrue(mail.subject().startsWith("Payment reminder"), mail.subject());
    assertTrue(mail.html().contains("Step 0"), mail.html());
    assertEquals(
        "reminder-" + account.accountId() + "-2-0.pdf", mail.attachments().get(0).fileName());
  }

  @Test
  void theAccountIdIsTheWholeEntityIdOfThePersistenceId() {
    assertEquals("acc|1", ReminderMails.accountIdOf("Account|acc|1"));
    assertThrows(IllegalArgumentException.class, () -> ReminderMails.accountIdOf("Other|x"));
  }
}
