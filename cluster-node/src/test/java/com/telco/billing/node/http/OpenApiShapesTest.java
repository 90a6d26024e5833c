package com.telco.billing.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.telco.billing.core.catalog.CatalogDocument;
import com.telco.billing.core.receivable.Balance;
import com.telco.billing.core.receivable.Statement;
import com.telco.billing.core.subscription.Subscription;
import com.telco.billing.core.validation.FieldError;
import com.telco.billing.node.catalog.SampleCatalog;
import com.telco.billing.node.invoice.render.CustomerBills;
import com.telco.billing.node.invoice.render.InvoiceSamples;
import com.telco.billing.node.json.StrictJson;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusalCode;
import com.telco.billing.protocol.account.AccountView;
import com.telco.billing.protocol.billrun.BillRunView;
import com.telco.billing.protocol.catalog.PublishedVersion;
import com.telco.billing.protocol.catalog.http.CatalogVersionDetail;
import com.telco.billing.protocol.catalog.http.CatalogVersionSummary;
import com.telco.billing.protocol.http.AccountResponse;
import com.telco.billing.protocol.http.ApiKeyList;
import com.telco.billing.protocol.http.ApiKeyResponse;
import com.telco.billing.protocol.http.BalanceResponse;
import com.telco.billing.protocol.http.BillRunPage;
import com.telco.billing.protocol.http.DunningPolicyList;
import com.telco.billing.protocol.http.DunningPolicyResponse;
import com.telco.billing.protocol.http.OpenAccountRequest;
import com.telco.billing.protocol.http.PaymentPage;
import com.telco.billing.protocol.http.PaymentResponse;
import com.telco.billing.protocol.http.RefundResponse;
import com.telco.billing.protocol.http.ServiceHolderResponse;
import com.telco.billing.protocol.http.StatementResponse;
import com.telco.billing.protocol.http.SubscriptionDraft;
import com.telco.billing.protocol.http.SubscriptionResponse;
import com.telco.billing.protocol.http.SuspenseList;
import com.telco.billing.protocol.payment.BalanceView;
import com.telco.billing.protocol.payment.PaymentMethodView;
import com.telco.billing.protocol.payment.PaymentView;
import com.telco.billing.protocol.payment.RefundView;
import com.telco.billing.protocol.payment.StatementView;
import com.telco.billing.protocol.usage.CurrentUsage;
import com.telco.billing.protocol.usage.UsageBatchResponse;
import com.telco.billing.protocol.usage.UsageIntakeBacklog;
import com.telco.billing.protocol.usage.UsageOutcome;
import com.telco.billing.protocol.usage.UsageParkedBatches;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The document's schemas fit what the node really writes: bodies made by the same code as the
 * routes' answers, written by the same mapper, and the golden usage fixtures, are valid by the
 * schema the document gives them.
 */
class OpenApiShapesTest {
  private static final OpenApiSchemas SCHEMAS = new OpenApiSchemas(OpenApiSchemas.document());
  private static final Instant AT = Instant.parse("2026-12-05T10:15:30.5Z");
  private static final String BATCH_ID = "6f1c2e40-d0f1-11f1-8a3b-0242ac120002";

  private static JsonNode written(Object body) {
    return OpenApiSchemas.MAPPER.valueToTree(StrictJson.MAPPER.valueToTree(body));
  }

  private static JsonNode golden(String name) throws IOException {
    try (InputStream in =
        OpenApiShapesTest.class.getResourceAsStream("/golden/usage-outcome/" + name)) {
      return OpenApiSchemas.MAPPER.readTree(in);
    }
  }

  private static void assertValid(String schema, JsonNode body) {
    assertEquals(List.of(), SCHEMAS.problemsAgainst(schema, body), schema + ": " + body);
  }

  private static final List<UsageOutcome> OUTCOMES =
      List.of(
          new UsageOutcome.Accepted("cdr-2", "msc-1", new BigDecimal("0.290000"), "EUR", false),
          new UsageOutcome.Duplicate("r-2", "msc-1"),
          new UsageOutcome.Rejected(
              "r-3", "msc-1", "too_old", "usageDate", "usageDate is older than the window"),
          new UsageOutcome.Rejected(null, null, "invalid_record", null, "not a JSON object"),
          new UsageOutcome.Suspended("r-4", "msc-1", "unguided", "serviceId", "not guided"));

  @Test
  void anAccountWithItsSubscriptions() {
    var profile =
        new OpenAccountRequest(
                "acc-1001", "Jane Doe", "EUR", 5, "Europe/Berlin", "DE", false, null, null, null)
            .validate()
            .value();
    var subscription =
        Subscription.activated(
            new SubscriptionDraft(
                    "sub-1",
                    "MOBILE_S",
                    List.of(
                        new SubscriptionDraft.ServiceIdDraft("MSISDN", "+49 151 00000001"),
                        new SubscriptionDraft.ServiceIdDraft("IMSI", "262011234567890")),
                    "2026-12-01")
                .validate()
                .value());
    var view = new AccountView(profile, AT, List.of(subscription));
    assertValid("AccountResponse", written(AccountResponse.from(view, AT)));
    assertValid(
        "SubscriptionResponse",
        written(SubscriptionResponse.from(subscription, LocalDate.of(2026, 11, 30))));
  }

  @Test
  void usageOutcomesAsTheGoldenFixturesHoldThem() throws IOException {
    assertValid("UsageResponse", golden("usage-response.json"));
    for (String name :
        List.of(
            "accepted.json",
            "accepted-late.json",
            "duplicate.json",
            "rejected.json",
            "rejected-without-field.json",
            "suspended.json")) {
      assertValid("UsageOutcome", golden(name));
    }
  }

  @Test
  void intakeBatchesInEveryState() {
    var rejection =
        new UsageBatchResponse.Rejection(1, "r-9", "msc-1", "required", "usageDate", "required");
    assertValid(
        "UsageBatchResponse",
        written(UsageBatchResponse.received(BATCH_ID, AT, 3, List.of(rejection))));
    assertValid(
        "UsageBatchResponse",
        written(
            UsageBatchResponse.received(BATCH_ID, AT, 3, List.of())
                .withFailure(2, "account_timeout", "the account did not answer in time", AT)));
    assertValid(
        "UsageBatchResponse",
        written(UsageBatchResponse.rated(BATCH_ID, AT, AT.plusSeconds(1), OUTCOMES)));
    List<UsageOutcome> partly = new ArrayList<>(Arrays.asList(OUTCOMES.get(0), null));
    assertValid(
        "UsageBatchResponse",
        written(
            UsageBatchResponse.parked(
                BATCH_ID,
                AT,
                AT.plusSeconds(90),
                partly,
                3,
                "storage_failure",
                "the write failed")));
    assertValid(
        "UsageIntakeBacklog",
        written(
            UsageIntakeBacklog.of(
                List.of(
                    new UsageIntakeBacklog.Partition(0, AT, 1, 2),
                    new UsageIntakeBacklog.Partition(1, null, 0, 0)))));
    assertValid(
        "UsageParkedBatches",
        written(
            new UsageParkedBatches(
                List.of(
                    new UsageParkedBatches.Batch(
                        BATCH_ID, 3, AT, AT, 3, "account_timeout", "timed out", 2, null)),
                null)));
  }

  @Test
  void suspenseGuidingAndTheOpenPeriod() {
    assertValid(
        "SuspenseList",
        written(
            SuspenseList.of(
                List.of(
                    new SuspenseList.Entry(
                        "msc-1", "cdr-9", "+4915100000099", AT, AT, "unguided", null, "held")),
                null)));
    assertValid(
        "ServiceHolderResponse",
        written(new ServiceHolderResponse("+4915100000001", AT, "acc-1001", "sub-1", AT, null)));
    assertValid(
        "CurrentUsage",
        written(
            new CurrentUsage(
                "acc-1001",
                LocalDate.of(2026, 12, 5),
                LocalDate.of(2027, 1, 5),
                "EUR",
                List.of(
                    new CurrentUsage.Line(
                        "sub-1", "SMS", null, null, 1, 1, 1, new BigDecimal("0.290000"))),
                List.of(new CurrentUsage.Allowance("sub-1", "VOICE", 6000, 61, 5939)),
                new BigDecimal("0.290000"))));
  }

  @Test
  void anInvoiceAsTmf678CustomerBill() {
    assertValid("CustomerBill", written(CustomerBills.of(InvoiceSamples.eur())));
    assertValid(
        "CustomerBill", written(CustomerBills.of(InvoiceSamples.eurPartiallyPaidWithCredit())));
    for (var line : CustomerBills.lines(InvoiceSamples.eur())) {
      assertValid("AppliedCustomerBillingRate", written(line));
    }
  }

  @Test
  void billRunsRunningAndDone() {
    var running =
        new BillRunView(
            "BR-2026-12-05",
            LocalDate.of(2026, 12, 5),
            "manual",
            "RUNNING",
            "SCANNING",
            0,
            AT,
            null,
            -1,
            0,
            0,
            0,
            0,
            Map.of(),
            BigDecimal.ZERO,
            null,
            List.of(),
            true);
    var done =
        new BillRunView(
            "BR-2026-12-05",
            LocalDate.of(2026, 12, 5),
            "manual",
            "COMPLETED",
            "COMPLETED",
            1,
            AT,
            AT.plusSeconds(2),
            15,
            15,
            12,
            2,
            1,
            Map.of("EUR", new BigDecimal("312.48")),
            new BigDecimal("8.3"),
            null,
            List.of(new BillRunView.Failure("acc-7", "timeout")),
            false);
    assertValid("BillRunView", written(running));
    assertValid("BillRunPage", written(new BillRunPage(List.of(running, done), null)));
  }

  @Test
  void errorBodiesAsApiErrorsWritesThem() {
    assertValid(
        "ErrorResponse",
        written(
            ApiErrors.body(
                Refusal.of(RefusalCode.ACCOUNT_NOT_FOUND, null, "no account with this id"))));
    assertValid(
        "ErrorResponse",
        written(
            ApiErrors.body(
                Refusal.invalid(
                    List.of(
                        new FieldError("required", "name", "name is required"),
                        new FieldError("out_of_range", "billCycleDay", "1 to 28"))))));
  }

  @Test
  void apiKeysWithAndWithoutTheirSecret() {
    var created =
        new ApiKeyResponse(
            "ak_3f9a1c2b7d4e5f60",
            "msc-1 feed",
            List.of("mediation"),
            AT,
            "admin-1",
            AT.plusSeconds(86_400),
            null,
            null,
            "c2VjcmV0LXNob3duLW9uY2U");
    var rotated =
        new ApiKeyResponse(
            "ak_3f9a1c2b7d4e5f60",
            "msc-1 feed",
            List.of("mediation", "ops"),
            AT,
            "admin-1",
            AT.plusSeconds(86_400),
            AT.plusSeconds(60),
            AT.plusSeconds(3_660),
            "bmV3LXNlY3JldA");
    var listed =
        new ApiKeyResponse(
            "ak_3f9a1c2b7d4e5f60",
            "msc-1 feed",
            List.of("mediation"),
            AT,
            "admin-1",
            AT.plusSeconds(86_400),
            null,
            null,
            null);
    assertValid("ApiKeyWithSecret", written(created));
    assertValid("ApiKeyWithSecret", written(rotated));
    assertValid("ApiKey", written(listed));
    assertValid("ApiKeyList", written(new ApiKeyList(List.of(listed))));
    // a listed key never shows a secret
    assertEquals(false, SCHEMAS.problemsAgainst("ApiKey", written(created)).isEmpty());
  }

  private static final Currency EUR = Currency.getInstance("EUR");
  private static final String PAYMENT = "PAY-0123456789abcdef-acc-1001";

  private static RefundView refund(String status, String gatewayId, String failureCode) {
    return new RefundView(
        "RF-0123456789abcdef-acc-1001",
        PAYMENT,
        "acc-1001",
        new BigDecimal("5.00"),
        EUR,
        "goodwill",
        status,
        LocalDate.of(2026, 12, 6),
        gatewayId,
        failureCode);
  }

  private static PaymentView payment(String method, String status, String reference) {
    return new PaymentView(
        PAYMENT,
        "acc-1001",
        ZoneId.of("Europe/Berlin"),
        method,
        status,
        new BigDecimal("60.00"),
        EUR,
        LocalDate.of(2026, 12, 5),
        reference,
        method.equals("bank_transfer") ? null : "pi_1",
        null,
        List.of(
            new PaymentView.AllocationView(
                "INV-TELCO_DE-2026-000001", new BigDecimal("45.05"), LocalDate.of(2026, 12, 5))),
        new BigDecimal("9.95"),
        new BigDecimal("5.00"),
        new BigDecimal("0.00"),
        List.of(refund("succeeded", "re_1", null)));
  }

  @Test
  void paymentsRefundsAndMethodsAsTheRoutesWriteThem() {
    for (PaymentView p :
        List.of(
            payment("bank_transfer", "partiallyRefunded", "SEPA-CT 42"),
            payment("card", "chargedBack", null),
            payment("direct_debit", "returned", null))) {
      assertValid("Payment", written(PaymentResponse.of(p)));
    }
    assertValid(
        "PaymentPage",
        written(
            new PaymentPage(
                "acc-1001",
                List.of(PaymentResponse.of(payment("bank_transfer", "succeeded", null))))));
    assertValid("Refund", written(RefundResponse.of(refund("pending", null, null))));
    assertValid("Refund", written(RefundResponse.of(refund("failed", null, "card_declined"))));
    assertValid(
        "PaymentMethod",
        written(
            new PaymentMethodView(
                "acc-1001",
                "direct_debit",
                null,
                "DE**************3000",
                null,
                "MANDATE-1",
                LocalDate.of(2026, 11, 20),
                null)));
    assertValid(
        "PaymentMethod",
        written(new PaymentMethodView("acc-1001", "none", null, null, null, null, null, null)));
  }

  @Test
  void balancesAndStatements() {
    BigDecimal zero = new BigDecimal("0.00");
    assertValid(
        "Balance",
        written(
            BalanceResponse.of(
                new BalanceView(
                    "acc-1001",
                    EUR,
                    new Balance(LocalDate.of(2026, 12, 7), zero, zero, 0, null, zero, zero)))));
    assertValid(
        "Balance",
        written(
            BalanceResponse.of(
                new BalanceView(
                    "acc-1001",
                    EUR,
                    new Balance(
                        LocalDate.of(2026, 12, 7),
                        new BigDecimal("45.05"),
                        new BigDecimal("45.05"),
                        8,
                        "INV-TELCO_DE-2026-000001",
                        new BigDecimal("10.00"),
                        new BigDecimal("35.05"))))));
    var profile =
        new OpenAccountRequest(
                "acc-1001", "Jane Doe", "EUR", 5, "Europe/Berlin", "DE", false, null, null, null)
            .validate()
            .value();
    var statement =
        new Statement(
            LocalDate.of(2026, 11, 1),
            LocalDate.of(2026, 12, 31),
            zero,
            List.of(
                new Statement.Entry(
                    LocalDate.of(2026, 11, 5),
                    Statement.Kind.INVOICE,
                    "INV-TELCO_DE-2026-000001",
                    null,
                    new BigDecimal("45.05"),
                    new BigDecimal("45.05")),
                new Statement.Entry(
                    LocalDate.of(2026, 12, 6),
                    Statement.Kind.CHARGEBACK_WON,
                    "du_1:won",
                    PAYMENT,
                    new BigDecimal("-45.05"),
                    zero)),
            zero);
    assertValid("Statement", written(StatementResponse.of(new StatementView(profile, statement))));
  }

  @Test
  void theSampleCatalogIsACatalogDocument() throws IOException {
    Path sample = Path.of("..", "samples", "catalog.json");
    assertValid("CatalogDocument", OpenApiSchemas.MAPPER.readTree(Files.readAllBytes(sample)));
  }

  /** As {@code CatalogRoutes} writes its bodies: absent fields left out. */
  private static JsonNode writtenWithoutNulls(Object body) {
    var mapper = StrictJson.MAPPER.copy().setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);
    return OpenApiSchemas.MAPPER.valueToTree(mapper.valueToTree(body));
  }

  @Test
  void aCorrectionVersionFitsTheCatalogSchemas() throws IOException {
    String json =
        SampleCatalog.correctionJson(
            "2026-03-fix", "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z", "wrong SMS rate");
    assertValid("CatalogDocument", OpenApiSchemas.MAPPER.readTree(json));
    var document = StrictJson.read(json, CatalogDocument.class);
    var published =
        new PublishedVersion(SampleCatalog.validated(document), document, AT, "catalog-desk");
    JsonNode summary = writtenWithoutNulls(CatalogVersionSummary.from(published));
    assertValid("CatalogVersionSummary", summary);
    assertEquals("wrong SMS rate", summary.at("/correction/reason").asText());
    assertEquals("catalog-desk", summary.path("publishedBy").asText());
    assertValid("CatalogVersionDetail", writtenWithoutNulls(CatalogVersionDetail.from(published)));
    var ordinary =
        new PublishedVersion(
            SampleCatalog.validated(SampleCatalog.document()), SampleCatalog.document(), AT, null);
    JsonNode ordinarySummary = writtenWithoutNulls(CatalogVersionSummary.from(ordinary));
    assertValid("CatalogVersionSummary", ordinarySummary);
    assertEquals(false, ordinarySummary.has("correction"));
  }

  @Test
  void theSampleDunningPolicyAndItsPublishedVersionsFitTheirSchemas() throws IOException {
    Path sample = Path.of("..", "samples", "dunning-policy.json");
    assertValid("DunningPolicyRequest", OpenApiSchemas.MAPPER.readTree(Files.readAllBytes(sample)));
    var published = com.telco.billing.node.dunning.policy.SampleDunningPolicy.published(1, AT);
    assertValid("DunningPolicy", written(DunningPolicyResponse.from(published)));
    var draft = com.telco.billing.node.dunning.policy.SampleDunningPolicy.draft();
    var percent =
        new com.telco.billing.core.dunning.DunningPolicy(
            "vip",
            2,
            "DEFAULT",
            "vip",
            draft.minimumOverdue(),
            draft.steps(),
            new com.telco.billing.core.dunning.LateFee(
                Map.of(), new BigDecimal("1.5"), "STANDARD", "Late payment fee"),
            AT);
    assertValid("DunningPolicyList", written(DunningPolicyList.from(List.of(published, percent))));
  }
}
