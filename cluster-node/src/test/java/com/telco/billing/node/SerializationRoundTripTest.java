package com.telco.billing.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.telco.billing.core.dedupe.DatedKey;
import com.telco.billing.core.dedupe.DedupeWindow;
import com.telco.billing.core.rating.RatedUsage;
import com.telco.billing.core.rating.UsageRecord;
import com.telco.billing.core.subscription.ActivateSubscription;
import com.telco.billing.core.subscription.Decision;
import com.telco.billing.core.subscription.ServiceClaim;
import com.telco.billing.core.subscription.ServiceHoldings;
import com.telco.billing.core.subscription.ServiceId;
import com.telco.billing.core.subscription.ServiceRelease;
import com.telco.billing.core.subscription.Subscription;
import com.telco.billing.core.subscription.SubscriptionChange;
import com.telco.billing.core.usage.UsageBook;
import com.telco.billing.node.account.AccountJournal;
import com.telco.billing.node.account.AccountState;
import com.telco.billing.node.catalog.CatalogJournal;
import com.telco.billing.node.catalog.CatalogState;
import com.telco.billing.node.catalog.SampleCatalog;
import com.telco.billing.node.guiding.GuidingJournal;
import com.telco.billing.node.guiding.ServiceGuideState;
import com.telco.billing.protocol.CborSerializable;
import com.telco.billing.protocol.Origin;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusalCode;
import com.telco.billing.protocol.RefusedException;
import com.telco.billing.protocol.account.AccountCommand;
import com.telco.billing.protocol.account.AccountEvent;
import com.telco.billing.protocol.account.AccountView;
import com.telco.billing.protocol.account.ActivationPlan;
import com.telco.billing.protocol.account.OpenAccountResult;
import com.telco.billing.protocol.account.SubscriptionResult;
import com.telco.billing.protocol.account.journal.AccountSnapshot;
import com.telco.billing.protocol.billrun.BillRunCommand;
import com.telco.billing.protocol.billrun.BillRunEvent;
import com.telco.billing.protocol.billrun.BillRunList;
import com.telco.billing.protocol.billrun.BillRunView;
import com.telco.billing.protocol.billrun.journal.BillRunSnapshot;
import com.telco.billing.protocol.catalog.CatalogCommand;
import com.telco.billing.protocol.catalog.CatalogEvent;
import com.telco.billing.protocol.catalog.PublishVersionResult;
import com.telco.billing.protocol.catalog.PublishedVersion;
import com.telco.billing.protocol.guiding.ServiceCommand;
import com.telco.billing.protocol.guiding.ServiceEvent;
import com.telco.billing.protocol.guiding.journal.ServiceGuideSnapshot;
import com.telco.billing.protocol.http.OpenAccountRequest;
import com.telco.billing.protocol.http.UsageRecordDraft;
import com.telco.billing.protocol.invoice.AccountInvoices;
import com.telco.billing.protocol.invoice.CloseBillPeriodResult;
import com.telco.billing.protocol.invoice.IssuedInvoice;
import com.telco.billing.protocol.invoice.SeriesCommand;
import com.telco.billing.protocol.invoice.SeriesEvent;
import com.telco.billing.protocol.invoice.journal.SeriesSnapshot;
import com.telco.billing.protocol.usage.CurrentUsage;
import com.telco.billing.protocol.usage.RateUsageResult;
import com.telco.billing.protocol.usage.UsageOutcome;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializers;
import org.apache.pekko.serialization.jackson.JacksonCborSerializer;
import org.apache.pekko.serialization.jackson.JacksonObjectMapperProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Every concrete type of every message hierarchy (commands, events, replies, state) round-trips
 * through the serializer the node is configured with. A new message type without a sample here
 * fails the test.
 */
class SerializationRoundTripTest {
  private static final ActorTestKit testKit =
      ActorTestKit.create(com.telco.billing.node.testing.TestConfigs.serialization());

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  /**
   * The hierarchies whose every permitted subclass must round-trip, and the other serializable
   * types (replies). Add new hierarchies here and their samples in a {@code sample*} method.
   */
  private static final List<Class<?>> HIERARCHIES =
      List.of(
          AccountCommand.class,
          AccountEvent.class,
          AccountSnapshot.class,
          ServiceCommand.class,
          ServiceEvent.class,
          CatalogCommand.class,
          CatalogEvent.class,
          com.telco.billing.protocol.dunning.DunningPolicyCommand.class,
          com.telco.billing.protocol.dunning.DunningPolicyEvent.class,
          SeriesCommand.class,
          SeriesEvent.class,
          BillRunCommand.class,
          BillRunEvent.class,
          com.telco.billing.protocol.rerating.ReratingEvent.class,
          CloseBillPeriodResult.class,
          com.telco.billing.protocol.payment.CollectionStatus.class,
          com.telco.billing.protocol.invoice.CreditNotePrepared.class);

  private static final List<Class<?>> OTHER_TYPES =
      List.of(
          AccountView.class,
          OpenAccountResult.class,
          com.telco.billing.protocol.payment.PaymentView.class,
          com.telco.billing.protocol.payment.RefundView.class,
          com.telco.billing.protocol.payment.PaymentResult.class,
          com.telco.billing.protocol.payment.RefundResult.class,
          com.telco.billing.protocol.payment.PaymentList.class,
          com.telco.billing.protocol.payment.PaymentMethodView.class,
          com.telco.billing.protocol.payment.BalanceView.class,
          com.telco.billing.protocol.payment.StatementView.class,
          com.telco.billing.protocol.adjustment.ChargeView.class,
          com.telco.billing.protocol.adjustment.ChargeResult.class,
          com.telco.billing.protocol.adjustment.ChargeList.class,
          com.telco.billing.protocol.adjustment.DisputeView.class,
          com.telco.billing.protocol.adjustment.DisputeResult.class,
          com.telco.billing.protocol.adjustment.DisputeList.class,
          com.telco.billing.protocol.adjustment.WriteOffView.class,
          com.telco.billing.protocol.adjustment.WriteOffResult.class,
          com.telco.billing.protocol.invoice.AccountInvoices.Settled.class,
          ActivationPlan.class,
          SubscriptionResult.class,
          RateUsageResult.class,
          CurrentUsage.class,
          ServiceCommand.HoldingResult.class,
          ServiceCommand.ServiceHoldingsView.class,
          ServiceGuideSnapshot.class,
          CatalogState.class,
          PublishedVersion.class,
          PublishVersionResult.class,
          com.telco.billing.node.dunning.policy.DunningPolicyState.class,
          com.telco.billing.protocol.dunning.PublishPolicyResult.class,
          IssuedInvoice.class,
          AccountInvoices.InvoiceList.class,
          AccountInvoices.Preview.class,
          SeriesCommand.AssignedNumbers.class,
          SeriesSnapshot.class,
          BillRunView.class,
          BillRunList.class,
          BillRunSnapshot.class,
          Refusal.class,
          RefusedException.class,
          com.telco.billing.protocol.invoice.CreditNoteResult.class,
          com.telco.billing.protocol.invoice.CreditNoteList.class,
          com.telco.billing.protocol.rerating.ReratingCommand.StartJob.class,
          com.telco.billing.protocol.rerating.ReratingCommand.GetJob.class,
          com.telco.billing.protocol.rerating.ReratingCommand.ListJobs.class,
          com.telco.billing.protocol.rerating.RerateResult.class,
          com.telco.billing.protocol.rerating.ReratingJobView.class,
          com.telco.billing.protocol.rerating.ReratingJobView.JobList.class,
          com.telco.billing.protocol.rerating.ReratingJobView.Started.class,
          com.telco.billing.node.rerating.ReratingState.class);

  private static Map<Class<?>, Object> samples() {
    TestProbe<Object> probe = testKit.createTestProbe();
    Map<Class<?>, Object> samples = new HashMap<>();
    samples.putAll(accountSamples(probe));
    samples.putAll(subscriptionSamples(probe));
    samples.putAll(usageSamples(probe));
    samples.putAll(catalogSamples(probe));
    samples.putAll(DunningPolicySamples.all(probe.ref()));
    samples.putAll(MessageSamples.all(probe.ref().unsafeUpcast()));
    samples.putAll(refusalSamples());
    samples.putAll(DunningSamples.all(probe.ref(), ORIGIN));
    samples.putAll(AdjustmentSamples.all(probe.ref()));
    samples.putAll(ReratingSamples.all(probe.ref()));
    samples.putAll(
        PaymentSamples.all(
            probe.ref(),
            new OpenAccountRequest(
                    "acc-1", "Jane", "EUR", 28, "Europe/Berlin", "DE", false, 14, null, "ENT-1")
                .validate()
                .value()));
    samples.putAll(
        CreditNoteSamples.all(
            probe.ref(),
            new OpenAccountRequest(
                    "acc-1", "Jane", "EUR", 28, "Europe/Berlin", "DE", false, 14, null, "ENT-1")
                .validate()
                .value()));
    return samples;
  }

  private static final Refusal INVALID =
      Refusal.invalid(
          List.of(
              new com.telco.billing.core.validation.FieldError("required", "name", "required"),
              new com.telco.billing.core.validation.FieldError("too_long", "id", "too long")));

  private static Map<Class<?>, Object> refusalSamples() {
    return Map.of(Refusal.class, INVALID, RefusedException.class, INVALID.toException());
  }

  private static Map<Class<?>, Object> catalogSamples(TestProbe<Object> probe) {
    var document = SampleCatalog.document();
    var version = SampleCatalog.validated(document);
    var published =
        new PublishedVersion(
            version, document, Instant.parse("2026-11-25T10:15:30Z"), ORIGIN.subject());
    Map<Class<?>, Object> samples = new HashMap<>();
    samples.put(
        CatalogCommand.PublishVersion.class,
        new CatalogCommand.PublishVersion(version, document, ORIGIN, probe.ref().unsafeUpcast()));
    samples.put(
        CatalogEvent.CatalogVersionPublished.class,
        CatalogJournal.versionPublished(version, document, published.publishedAt(), ORIGIN));
    samples.put(PublishedVersion.class, published);
    samples.put(PublishVersionResult.class, new PublishVersionResult(published, true));
    samples.put(CatalogState.class, new CatalogState(List.of(published)));
    return samples;
  }

  private static Map<Class<?>, Object> accountSamples(TestProbe<Object> probe) {
    var profile =
        new OpenAccountRequest(
                "acc-1", "Jane", "BHD", 28, "Asia/Bahrain", "BH", true, 0, null, "ENT-1")
            .validate()
            .value();
    Instant at = Instant.parse("2026-11-25T10:15:30.123456Z");
    Map<Class<?>, Object> samples = new HashMap<>();
    samples.put(
        AccountCommand.OpenAccount.class,
        new AccountCommand.OpenAccount(profile, ORIGIN, probe.ref().unsafeUpcast()));
    samples.put(
        AccountCommand.GetAccount.class, new AccountCommand.GetAccount(probe.ref().unsafeUpcast()));
    samples.put(
        AccountEvent.AccountOpened.class, AccountJournal.accountOpened(profile, at, ORIGIN));
    samples.put(AccountSnapshot.Unopened.class, AccountSnapshot.Unopened.INSTANCE);
    Subscription subscription =
        Subscription.activated(activation()).withChange(new SubscriptionChange.Suspend(DATE));
    samples.put(
        AccountSnapshot.Open.class,
        AccountJournal.toSnapshot(
            new AccountState.Open(
                profile,
                at,
                Map.of(subscription.subscriptionId(), subscription),
                UsageBook.EMPTY.with(List.of(ratedUsage()), LocalDate.of(2026, 11, 1)),
                DedupeWindow.empty()
                    .withAccepted(
                        List.of(
                            DatedKey.of("msc-1", "r-1", Instant.parse("2026-12-03T10:00:00Z")))),
                MessageSamples.history(),
                List.of(MessageSamples.issued()))));
    AccountView view = new AccountView(profile, at, List.of(subscription));
    samples.put(AccountView.class, view);
    samples.put(OpenAccountResult.class, new OpenAccountResult(view, true));
    return samples;
  }

  private static final LocalDate DATE = LocalDate.of(2026, 12, 1);
  private static final Instant AT = Instant.parse("2026-11-30T23:00:00Z");
  private static final Origin ORIGIN = new Origin("order-desk", "req-0b1c");

  private static ActivateSubscription activation() {
    return new ActivateSubscription(
        "sub-1",
        "MOBILE_S",
        List.of(ServiceId.msisdn("+4915100000001"), ServiceId.imsi("262011234567890")),
        LocalDate.of(2026, 11, 1));
  }

  private static RatedUsage ratedUsage() {
    return new RatedUsage(
        "r-1",
        "msc-1",
        "sub-1",
        "MOBILE_S",
        "2026-01",
        "MOBILE_S_VOICE",
        "VOICE",
        "NATIONAL",
        "PEAK",
        Instant.parse("2026-12-03T10:00:00Z"),
        LocalDate.of(2026, 11, 28),
        120,
        60,
        60,
        com.telco.billing.core.money.Money.of("0.090000", "BHD"),
        false);
  }

  private static UsageRecord usageRecord() {
    return new UsageRecordDraft(
            "r-1",
            "msc-1",
            "MSISDN",
            "+4915100000001",
            "VOICE",
            "2026-12-03T10:00:00Z",
            "61.5",
            "s",
            Map.of("zone", "NATIONAL"),
            null)
        .validate(Instant.parse("2026-12-03T12:00:00Z"))
        .value();
  }

  private static Map<Class<?>, Object> usageSamples(TestProbe<Object> probe) {
    Map<Class<?>, Object> samples = new HashMap<>();
    samples.put(
        AccountCommand.RateUsage.class,
        new AccountCommand.RateUsage(
            List.of(usageRecord()),
            List.of(new Origin.Span(ORIGIN, 1)),
            probe.ref().unsafeUpcast()));
    samples.put(
        AccountCommand.GetCurrentUsage.class,
        new AccountCommand.GetCurrentUsage(probe.ref().unsafeUpcast()));
    samples.put(
        AccountEvent.UsageRated.class,
        AccountJournal.usageRated(
            List.of(ratedUsage()),
            AT.minusSeconds(86400 * 45),
            AT,
            List.of(new Origin.Span(ORIGIN, 1))));
    samples.put(
        RateUsageResult.class,
        new RateUsageResult(
            List.of(
                UsageOutcome.accepted(ratedUsage()),
                UsageOutcome.duplicate("r-2", "msc-1"),
                UsageOutcome.rejected(
                    "r-3",
                    "msc-1",
                    new com.telco.billing.core.validation.FieldError(
                        "too_old", "usageDate", "old")),
                UsageOutcome.suspended(
                    "r-4",
                    "msc-1",
                    new com.telco.billing.core.validation.FieldError(
                        "unguided", "serviceId", "none")))));
    samples.put(
        CurrentUsage.class,
        new CurrentUsage(
            "acc-1",
            LocalDate.of(2026, 11, 28),
            LocalDate.of(2026, 12, 28),
            "BHD",
            List.of(
                new CurrentUsage.Line(
                    "sub-1",
                    "VOICE",
                    "NATIONAL",
                    "PEAK",
                    120,
                    60,
                    1,
                    new java.math.BigDecimal("0.090000"))),
            List.of(new CurrentUsage.Allowance("sub-1", "VOICE", 6000, 60, 5940)),
            new java.math.BigDecimal("0.090000")));
    return samples;
  }

  private static Map<Class<?>, Object> subscriptionSamples(TestProbe<Object> probe) {
    ServiceId msisdn = ServiceId.msisdn("+4915100000001");
    ServiceClaim claim = new ServiceClaim(msisdn, "acc-1", "sub-1", AT);
    ServiceRelease release = new ServiceRelease(msisdn, "acc-1", "sub-1", AT.plusSeconds(86400));
    Subscription subscription = Subscription.activated(activation());
    ServiceHoldings holdings =
        ((Decision.Applied<ServiceHoldings>) ServiceHoldings.none(msisdn).claim(claim)).state();
    Map<Class<?>, Object> samples = new HashMap<>();
    samples.put(
        AccountCommand.PlanActivation.class,
        new AccountCommand.PlanActivation(activation(), probe.ref().unsafeUpcast()));
    samples.put(
        AccountCommand.ActivateSubscription.class,
        new AccountCommand.ActivateSubscription(activation(), ORIGIN, probe.ref().unsafeUpcast()));
    samples.put(
        AccountCommand.ChangeSubscription.class,
        new AccountCommand.ChangeSubscription(
            "sub-1",
            new SubscriptionChange.ChangeOffering("MOBILE_L", DATE),
            ORIGIN,
            probe.ref().unsafeUpcast()));
    samples.put(
        AccountEvent.SubscriptionActivated.class,
        AccountJournal.subscriptionActivated(activation(), List.of(claim), AT, ORIGIN));
    samples.put(
        AccountEvent.SubscriptionChanged.class,
        AccountJournal.subscriptionChanged(
            "sub-1", new SubscriptionChange.Terminate(DATE), List.of(release), AT, ORIGIN));
    samples.put(ActivationPlan.class, new ActivationPlan(List.of(claim), false));
    samples.put(
        SubscriptionResult.class,
        new SubscriptionResult(subscription, true, List.of(release), ZoneId.of("Europe/Berlin")));
    samples.put(
        ServiceCommand.Claim.class, new ServiceCommand.Claim(claim, probe.ref().unsafeUpcast()));
    samples.put(
        ServiceCommand.Release.class,
        new ServiceCommand.Release(release, probe.ref().unsafeUpcast()));
    samples.put(
        ServiceCommand.GetHoldings.class,
        new ServiceCommand.GetHoldings(probe.ref().unsafeUpcast()));
    samples.put(
        ServiceCommand.HoldingResult.class,
        new ServiceCommand.HoldingResult(holdings.holdings().get(0), true));
    samples.put(
        ServiceCommand.ServiceHoldingsView.class, new ServiceCommand.ServiceHoldingsView(holdings));
    samples.put(ServiceEvent.ServiceClaimed.class, GuidingJournal.serviceClaimed(claim));
    samples.put(ServiceEvent.ServiceReleased.class, GuidingJournal.serviceReleased(release));
    samples.put(
        ServiceGuideSnapshot.class, GuidingJournal.toSnapshot(new ServiceGuideState(holdings)));
    return samples;
  }

  @Test
  void everyPermittedSubclassRoundTrips() {
    Map<Class<?>, Object> samples = samples();
    List<Class<?>> concrete = new ArrayList<>();
    for (Class<?> hierarchy : HIERARCHIES) {
      collectConcrete(hierarchy, concrete);
    }
    concrete.addAll(OTHER_TYPES);
    Serialization serialization = SerializationExtension.get(testKit.system());
    for (Class<?> type : concrete) {
      Object sample = samples.get(type);
      assertTrue(sample != null, "no sample for " + type.getName() + ": add one to this test");
      assertTrue(sample instanceof CborSerializable, type + " must implement CborSerializable");
      var serializer = serialization.findSerializerFor(sample);
      assertTrue(
          serializer instanceof JacksonCborSerializer, type + " is not bound to jackson-cbor");
      byte[] bytes = serialization.serialize(sample).get();
      String manifest = Serializers.manifestFor(serializer, sample);
      Object back = serialization.deserialize(bytes, serializer.identifier(), manifest).get();
      assertEquals(sample, back, type.getName());
    }
  }

  /**
   * A correction version (docs/catalog.md, "Correction versions") crosses nodes and the journal
   * with its correction: in the command, the event, the reply and the state.
   */
  @Test
  void aCorrectionVersionRoundTrips() {
    var document =
        SampleCatalog.correction(
            "2026-03-fix", "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z", "wrong SMS rate");
    var version = SampleCatalog.validated(document);
    assertTrue(version.isCorrection());
    var published = new PublishedVersion(version, document, AT, ORIGIN.subject());
    TestProbe<Object> probe = testKit.createTestProbe();
    Serialization serialization = SerializationExtension.get(testKit.system());
    for (Object sample :
        List.of(
            new CatalogCommand.PublishVersion(
                version, document, ORIGIN, probe.ref().unsafeUpcast()),
            CatalogJournal.versionPublished(version, document, AT, ORIGIN),
            published,
            new PublishVersionResult(published, true),
            new CatalogState(List.of(published)))) {
      var serializer = serialization.findSerializerFor(sample);
      byte[] bytes = serialization.serialize(sample).get();
      String manifest = Serializers.manifestFor(serializer, sample);
      Object back = serialization.deserialize(bytes, serializer.identifier(), manifest).get();
      assertEquals(sample, back, sample.getClass().getName());
    }
  }

  /**
   * The settings of {@code BillingJacksonModule} that make reading events back cheaper hold in the
   * node's own CBOR serializer: the module comes after jsr310 (its date reader is used) and invoice
   * lines are written without their empty fields.
   */
  @Test
  void theNodesCborMapperUsesTheBillingDateReaderAndLeavesOutEmptyLineFields() throws Exception {
    var mapper =
        JacksonObjectMapperProvider.get(testKit.system())
            .getOrCreate("jackson-cbor", Optional.empty());
    var context =
        ((DefaultDeserializationContext) mapper.getDeserializationContext())
            .createInstance(mapper.getDeserializationConfig(), null, null);
    assertEquals(
        "IsoDateDeserializer",
        context
            .findRootValueDeserializer(mapper.constructType(LocalDate.class))
            .getClass()
            .getSimpleName());

    IssuedInvoice issued = MessageSamples.issued();
    byte[] bytes = SerializationExtension.get(testKit.system()).serialize(issued).get();
    JsonNode lines = mapper.readTree(bytes).get("invoice").get("lines");
    assertTrue(lines.size() > 0);
    for (JsonNode line : lines) {
      line.fields()
          .forEachRemaining(
              field -> assertFalse(field.getValue().isNull(), field.getKey() + " in " + line));
    }
  }

  /**
   * An entity refuses with {@code StatusReply.error(RefusedException)}: Pekko's {@code StatusReply}
   * serializer writes the exception with the serializer of its class (jackson-cbor), and the asking
   * node reads back the same refusal, of any code and with every problem.
   */
  @Test
  void aRefusalInAStatusReplyCrossesNodesWhole() {
    Serialization serialization = SerializationExtension.get(testKit.system());
    for (Refusal refusal :
        List.of(
            INVALID,
            Refusal.of(RefusalCode.ACCOUNT_CONFLICT, "id", "already open with different data"),
            Refusal.of(RefusalCode.ACCOUNT_NOT_FOUND, null, "no account with this id"))) {
      StatusReply<Object> reply = StatusReply.error(refusal.toException());
      var serializer = serialization.findSerializerFor(reply);
      assertFalse(
          serializer instanceof JacksonCborSerializer, "StatusReply has its own serializer");
      byte[] bytes = serialization.serialize(reply).get();
      String manifest = Serializers.manifestFor(serializer, reply);
      Object back = serialization.deserialize(bytes, serializer.identifier(), manifest).get();
      assertTrue(back instanceof StatusReply<?>, String.valueOf(back));
      Throwable error = ((StatusReply<?>) back).getError();
      assertTrue(error instanceof RefusedException, String.valueOf(error));
      assertEquals(refusal, ((RefusedException) error).refusal());
      assertEquals(refusal.toException().getMessage(), error.getMessage());
    }
  }

  private static void collectConcrete(Class<?> type, List<Class<?>> into) {
    if (type == BillRunCommand.Internal.class) {
      // messages the singleton sends only itself, declared privately: they never cross nodes
      return;
    }
    if (type.isSealed()) {
      for (Class<?> sub : type.getPermittedSubclasses()) {
        collectConcrete(sub, into);
      }
    } else {
      into.add(type);
    }
  }
}
