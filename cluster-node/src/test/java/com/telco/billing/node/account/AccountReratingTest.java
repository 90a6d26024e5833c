package com.telco.billing.node.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.catalog.Catalog;
import com.telco.billing.core.catalog.CatalogValidator;
import com.telco.billing.core.invoice.InvoiceLine;
import com.telco.billing.core.invoice.LineType;
import com.telco.billing.core.rating.UsageRecord;
import com.telco.billing.core.subscription.ActivateSubscription;
import com.telco.billing.core.subscription.ServiceId;
import com.telco.billing.node.catalog.RatingCatalog;
import com.telco.billing.node.catalog.SampleCatalog;
import com.telco.billing.node.json.StrictJson;
import com.telco.billing.node.payment.PaymentSettings;
import com.telco.billing.protocol.account.AccountCommand;
import com.telco.billing.protocol.account.AccountEvent;
import com.telco.billing.protocol.account.journal.ReceivableFact;
import com.telco.billing.protocol.account.journal.ReratedUsageRecord;
import com.telco.billing.protocol.http.OpenAccountRequest;
import com.telco.billing.protocol.http.UsageRecordDraft;
import com.telco.billing.protocol.invoice.CloseBillPeriodResult;
import com.telco.billing.protocol.invoice.IssuedInvoice;
import com.telco.billing.protocol.rerating.RerateResult;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.query.javadsl.PersistenceTestKitReadJournal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The account entity rates its usage again (docs/rerating.md): after a correction version lowers
 * the national SMS price from 0.09 to 0.05, the records of the invoiced period become one credit
 * adjustment line billed on the next invoice, the record of the open period changes its usage line;
 * the same request again changes nothing, also after a restart.
 */
class AccountReratingTest {
  private static final ActorTestKit testKit =
      ActorTestKit.create(
          EventSourcedBehaviorTestKit.config()
              .withFallback(com.telco.billing.node.testing.TestConfigs.serialization()));

  private static final Catalog SAMPLE =
      Catalog.EMPTY.withVersion(SampleCatalog.validated(SampleCatalog.document()));

  /** The sample with national SMS at 0.05 instead of 0.09, as a correction of November. */
  private static final Catalog CORRECTED = SAMPLE.withVersion(cheaperSms());

  private static com.telco.billing.core.catalog.CatalogVersion cheaperSms() {
    String json =
        SampleCatalog.correctionJson(
            "2026-11-fix", "2026-11-01T00:00:00Z", "2026-12-07T00:00:00Z", "SMS price was wrong");
    int sms = json.indexOf("\"MOBILE_S_SMS\"");
    String national =
        "{ \"zone\": \"NATIONAL\", \"tiers\": [{ \"from\": 0, \"price\": { \"EUR\": 0.09";
    int at = json.indexOf(national, sms);
    String cheaper =
        json.substring(0, at)
            + national.replace("0.09", "0.05")
            + json.substring(at + national.length());
    return CatalogValidator.validate(
            StrictJson.read(cheaper, com.telco.billing.core.catalog.CatalogDocument.class))
        .value();
  }

  private final AtomicReference<Catalog> catalog = new AtomicReference<>(SAMPLE);
  private final AccountDunningTest.DayClock clock = new AccountDunningTest.DayClock();
  private final EventSourcedBehaviorTestKit<AccountCommand, AccountEvent, AccountState> kit =
      EventSourcedBehaviorTestKit.create(
          testKit.system(),
          AccountEntity.create(
              "acc-1",
              clock,
              new RatingCatalog(catalog::get),
              Duration.ofDays(45),
              com.telco.billing.node.invoice.InvoicingSettings.DEFAULTS,
              null,
              PaymentSettings.DEFAULTS,
              AccountDunningTest.SOURCE,
              UsageHistory.over(
                  PersistenceQuery.get(testKit.system())
                      .getReadJournalFor(
                          PersistenceTestKitReadJournal.class,
                          PersistenceTestKitReadJournal.Identifier()),
                  testKit.system())),
          EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyState(false));

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void open() {
    kit.clear();
    var profile =
        new OpenAccountRequest(
                "acc-1", "Jane Doe", "EUR", 5, "Europe/Berlin", "DE", false, 14, null, null)
            .validate()
            .value();
    kit.<StatusReply<com.telco.billing.protocol.account.OpenAccountResult>>runCommand(
        replyTo -> new AccountCommand.OpenAccount(profile, null, replyTo));
    var activation =
        new ActivateSubscription(
            "sub-1",
            "MOBILE_S",
            List.of(ServiceId.msisdn("+4915100000001")),
            LocalDate.of(2026, 11, 20));
    kit.<StatusReply<com.telco.billing.protocol.account.SubscriptionResult>>runCommand(
        replyTo -> new AccountCommand.ActivateSubscription(activation, null, replyTo));
  }

  private static UsageRecord sms(String id, String at) {
    return new UsageRecordDraft(
            id,
            "smsc-1",
            "MSISDN",
            "+4915100000001",
            "SMS",
            at,
            "1",
            "event",
            Map.of("zone", "NATIONAL"),
            null)
        .validate(Instant.parse(at).plusSeconds(3600))
        .value();
  }

  private void rate(LocalDate day, UsageRecord... records) {
    clock.set(day);
    kit.<StatusReply<com.telco.billing.protocol.usage.RateUsageResult>>runCommand(
        replyTo -> new AccountCommand.RateUsage(List.of(records), List.of(), replyTo));
  }

  private IssuedInvoice issue(LocalDate cycle, long sequence) {
    clock.set(cycle);
    var closed =
        kit.<StatusReply<CloseBillPeriodResult>>runCommand(
                replyTo -> new AccountCommand.CloseBillPeriod(cycle, replyTo))
            .reply();
    assertInstanceOf(CloseBillPeriodResult.NumberNeeded.class, closed.getValue());
    return kit.<StatusReply<IssuedInvoice>>runCommand(
            replyTo -> new AccountCommand.IssueInvoice(cycle, sequence, replyTo))
        .reply()
        .getValue();
  }

  private EventSourcedBehaviorTestKit.CommandResultWithReply<
          AccountCommand, AccountEvent, AccountState, StatusReply<RerateResult>>
      rerate(String jobId) {
    return rerate(jobId, 2);
  }

  private EventSourcedBehaviorTestKit.CommandResultWithReply<
          AccountCommand, AccountEvent, AccountState, StatusReply<RerateResult>>
      rerate(String jobId, int versions) {
    return kit.runCommand(
        replyTo ->
            new AccountCommand.RerateUsage(
                jobId,
                Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-12-07T00:00:00Z"),
                null,
                versions,
                null,
                replyTo));
  }

  private static List<InvoiceLine> linesOf(IssuedInvoice invoice, LineType type) {
    return invoice.invoice().lines().stream().filter(l -> l.type() == type).toList();
  }

  @Test
  void anInvoicedPeriodGetsAnAdjustmentAndTheOpenPeriodNewUsageLines() {
    rate(
        LocalDate.of(2026, 11, 27),
        sms("s1", "2026-11-25T10:00:00Z"),
        sms("s2", "2026-11-26T10:00:00Z"));
    IssuedInvoice december = issue(LocalDate.of(2026, 12, 5), 1);
    InvoiceLine billed = linesOf(december, LineType.USAGE).get(0);
    assertEquals(0, new BigDecimal("0.18").compareTo(billed.amount()));
    rate(LocalDate.of(2026, 12, 7), sms("s3", "2026-12-06T10:00:00Z"));

    // a node whose catalog copy lacks a version the job started with refuses, changing nothing
    var behind = rerate("RJ-1", 2);
    assertEquals(
        com.telco.billing.protocol.RefusalCode.CATALOG_BEHIND,
        ((com.telco.billing.protocol.RefusedException) behind.reply().getError()).refusal().code());
    assertTrue(behind.events().isEmpty());

    catalog.set(CORRECTED);
    var first = rerate("RJ-1");
    RerateResult result = first.reply().getValue();
    assertEquals(3, result.selected());
    assertEquals(3, result.changed());
    assertEquals(0, new BigDecimal("-0.04").compareTo(result.openDifference()));
    assertEquals(1, result.adjustments().size());
    RerateResult.Adjustment adjustment = result.adjustments().get(0);
    assertEquals(0, new BigDecimal("-0.08").compareTo(adjustment.amount()));
    assertEquals(List.of("s1", "s2"), adjustment.recordIds());
    assertEquals(
        "Re-rating of [2026-11-05, 2026-12-05): SMS of subscription sub-1, catalog 2026-01 ->"
            + " 2026-11-fix (job RJ-1; 2 records: s1, s2)",
        adjustment.description());

    var rerated = (AccountEvent.UsageRerated) first.events().get(0);
    assertEquals(
        List.of(true, true, false),
        rerated.records().stream().map(ReratedUsageRecord::invoicedPeriod).toList());
    var facts = ((AccountEvent.ReceivablesChanged) first.events().get(1)).facts();
    var charge = (ReceivableFact.ChargeAdded) facts.get(0);
    assertEquals(adjustment.adjustmentId(), charge.chargeId());
    assertEquals("STANDARD", charge.taxCategory());

    // the same job again (a step repeated after a crash): nothing more changes, and the answer is
    // what the job changed, so the job's totals miss nothing
    var again = rerate("RJ-1");
    assertTrue(again.events().isEmpty());
    assertEquals(result, again.reply().getValue());
    // another job over the same range, after a restart: nothing to change
    kit.restart();
    var second = rerate("RJ-2");
    assertTrue(second.events().isEmpty());
    assertEquals(0, second.reply().getValue().changed());
    assertEquals(3, second.reply().getValue().selected());
    assertEquals(List.of(), second.reply().getValue().adjustments());

    // the next invoice: the open period's usage at the new price, the credit of November
    IssuedInvoice january = issue(LocalDate.of(2027, 1, 5), 2);
    List<InvoiceLine> usage = linesOf(january, LineType.USAGE);
    assertEquals(1, usage.size());
    assertEquals(0, new BigDecimal("0.05").compareTo(usage.get(0).amount()));
    List<InvoiceLine> adjustments = linesOf(january, LineType.ADJUSTMENT);
    assertEquals(1, adjustments.size());
    assertEquals(0, new BigDecimal("-0.08").compareTo(adjustments.get(0).amount()));
    assertEquals(adjustment.description(), adjustments.get(0).description());
    assertEquals("4200-MESSAGING", adjustments.get(0).glCode());
  }
}
