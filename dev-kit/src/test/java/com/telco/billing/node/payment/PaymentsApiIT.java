package com.telco.billing.node.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.telco.billing.devcassandra.TestCassandra;
import com.telco.billing.devkit.EmbeddedNode;
import com.telco.billing.devkit.HttpJson;
import com.telco.billing.devkit.HttpJson.Response;
import com.telco.billing.node.catalog.SampleCatalog;
import com.telco.billing.node.json.StrictJson;
import com.telco.billing.node.payment.directdebit.Pain008Reader;
import com.telco.billing.sandbox.Capture;
import com.telco.billing.sandbox.PaymentSandbox;
import com.telco.billing.sandbox.SandboxEvent;
import com.telco.billing.sandbox.SandboxSettings;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Payments end to end, through HTTP against the real Cassandra and a payment sandbox of this class:
 * accounts invoiced by a bill run are collected by the collection driver through the sandbox (by
 * card, with declines, asynchronously by webhook, after a gateway timeout, by direct debit file),
 * pay manually with idempotency keys, are refunded and charged back. Every money movement is
 * checked in the node's answers and, for cards, in the sandbox's own record of captures.
 */
class PaymentsApiIT {
  private static final String CASSANDRA = TestCassandra.shared().hostAndPort();
  private static final String KEYSPACE = TestCassandra.uniqueKeyspace("payments_api");
  private static final Duration WAIT = Duration.ofSeconds(90);

  /** Yesterday (so the period has ended everywhere), or the 28th when yesterday is 29..31. */
  private static final LocalDate CYCLE = cycleDate();

  private static final String VISA = "pay-visa";
  private static final String SOFT = "pay-soft";
  private static final String HARD = "pay-hard";
  private static final String ASYNC = "pay-async";
  private static final String FORGE = "pay-forge";
  private static final String TIMEOUT = "pay-timeout";
  private static final String MANUAL = "pay-manual";
  private static final String REFUND = "pay-refund";
  private static final String DISPUTE = "pay-dispute";
  private static final String DEBIT = "pay-debit";
  private static final String IBAN = "DE89370400440532013000";

  /** Account and the payment method it gets before the bill run. */
  private static final Map<String, String> METHODS = new LinkedHashMap<>();

  static {
    METHODS.put(VISA, token("tok_visa"));
    METHODS.put(SOFT, token("tok_insufficientFunds"));
    METHODS.put(HARD, token("tok_chargeDeclined"));
    // gets tok_async in its test, so that the test sees the payment while it is processing
    METHODS.put(ASYNC, "{\"type\": \"manual\"}");
    METHODS.put(FORGE, "{\"type\": \"manual\"}");
    METHODS.put(TIMEOUT, token("tok_timeout"));
    METHODS.put(MANUAL, "{\"type\": \"manual\"}");
    METHODS.put(REFUND, token("tok_visa"));
    METHODS.put(DISPUTE, token("tok_createDispute"));
    METHODS.put(
        DEBIT,
        """
        {"type": "sepa_direct_debit", "iban": "%s", "bic": "COBADEFFXXX",
         "mandateId": "MNDT-PAYIT-1", "signatureDate": "%s", "debtorName": "Erika Mustermann"}"""
            .formatted(IBAN, CYCLE.minusMonths(2)));
  }

  private static final String WEBHOOK_SECRET = PaymentSandbox.newWebhookSecret();

  private static PaymentSandbox sandbox;
  private static EmbeddedNode node;
  private static HttpJson http;
  private static HttpJson sandboxHttp;

  /** The invoice number of each account, issued by the bill run. */
  private static final Map<String, String> invoices = new LinkedHashMap<>();

  /** Its tax-included amount. */
  private static final Map<String, BigDecimal> totals = new LinkedHashMap<>();

  /** What {@code PUT payment-method} answered for the direct debit account. */
  private static Response mandateAnswer;

  @BeforeAll
  static void start() throws IOException {
    Path folder = Files.createTempDirectory("payments-api-direct-debits");
    sandbox =
        PaymentSandbox.start(
            SandboxSettings.defaults()
                .withTimeoutDelay(Duration.ofSeconds(4))
                .withAsyncDelay(Duration.ofSeconds(3))
                .withWebhookRetry(Duration.ofMillis(200), Duration.ofSeconds(2)));
    node =
        EmbeddedNode.start(
            CASSANDRA,
            KEYSPACE,
            ConfigFactory.parseString(
                    """
                    billing.payments.collection.interval = 1s
                    billing.payments.gateway.read-timeout = 1s
                    datastax-java-driver.basic.request.timeout = 10s
                    """)
                .withFallback(
                    ConfigFactory.parseMap(
                        Map.of("billing.payments.direct-debit.folder", folder.toString())))
                .withFallback(
                    EmbeddedNode.gatewayConfig(
                        sandbox.baseUrl(), sandbox.secretKey(), WEBHOOK_SECRET)));
    sandbox.addWebhookEndpoint(node.gatewayWebhookUrl(), WEBHOOK_SECRET);
    http = new HttpJson(node.httpUrl());
    sandboxHttp = HttpJson.anonymous(sandbox.baseUrl());

    int published = post("/catalog/versions", SampleCatalog.json()).status();
    assertTrue(published == 201 || published == 200, "catalog published: " + published);
    int i = 0;
    for (var method : METHODS.entrySet()) {
      String account = method.getKey();
      open(account);
      activate(account, "sub-" + account, String.format("+49151%08d", 8_100_000 + i++));
      Response set = put("/accounts/" + account + "/payment-method", method.getValue());
      assertEquals(200, set.status(), account + ": " + set.body());
      if (account.equals(DEBIT)) {
        mandateAnswer = set;
      }
    }
    awaitAccountsInReadSide(METHODS.size());

    Response started = post("/bill-runs", "{\"cycleDate\": \"" + CYCLE + "\"}");
    assertEquals(202, started.status(), started.body());
    String runId = started.text("runId");
    await(
        () -> "COMPLETED".equals(http.get("/bill-runs/" + runId).text("status")),
        "bill run " + runId);
    JsonNode run = http.get("/bill-runs/" + runId).json();
    assertEquals(METHODS.size(), run.get("invoiced").asInt(), run.toString());
    for (String account : METHODS.keySet()) {
      Response list = http.get("/accounts/" + account + "/invoices");
      assertEquals(200, list.status(), list.body());
      JsonNode all = list.json().get("invoices");
      assertEquals(1, all.size(), list.body());
      invoices.put(account, all.get(0).get("billNo").asText());
      BigDecimal total = money(all.get(0).get("taxIncludedAmount"));
      assertTrue(total.signum() > 0, list.body());
      totals.put(account, total);
    }
    // the invoice register, which GET /invoices/{n} reads, follows the issue within seconds
    for (String number : invoices.values()) {
      await(() -> http.get("/invoices/" + number).status() == 200, "invoice " + number);
    }
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
    if (sandbox != null) {
      sandbox.close();
    }
  }

  // ------------------------------------------------------------------ scenarios

  @Test
  void aCardAccountIsCollectedAfterTheBillRun() {
    String invoice = invoices.get(VISA);
    JsonNode settled = awaitInvoiceState(invoice, "settled");
    assertEquals(0, money(settled.get("remainingAmount")).signum(), settled.toString());

    JsonNode payments = payments(VISA);
    assertEquals(1, payments.size(), payments.toString());
    String paymentId = payments.get(0).get("id").asText();
    Response payment = http.get("/payments/" + paymentId);
    assertEquals(200, payment.status(), payment.body());
    JsonNode p = payment.json();
    assertEquals("Payment", p.get("@type").asText());
    assertEquals(VISA, p.get("account").get("id").asText());
    assertEquals("TokenizedCard", p.get("paymentMethod").get("@type").asText());
    assertEquals(0, money(p.get("amount")).compareTo(totals.get(VISA)), p.toString());
    JsonNode items = p.get("paymentItem");
    assertEquals(1, items.size(), p.toString());
    assertEquals(invoice, items.get(0).get("item").get("id").asText());
    assertEquals(0, money(items.get(0).get("amount")).compareTo(totals.get(VISA)));

    List<Capture> captures = capturesOf(invoice);
    assertEquals(1, captures.size(), captures.toString());
    assertEquals(minor(totals.get(VISA)), captures.get(0).amount());
    assertEquals("eur", captures.get(0).currency());
    String intent = p.get("paymentMethod").get("id").asText();
    assertEquals(captures.get(0).paymentIntent(), intent, p.toString());
    assertEquals(1, sandbox.captures(intent).size());
    // the sandbox's read endpoint says the same
    Response record = sandboxHttp.get("/sandbox/captures?payment_intent=" + intent);
    assertEquals(200, record.status(), record.body());
    assertTrue(record.body().contains(intent), record.body());
  }

  @Test
  void aSoftDeclineIsCollectedLaterAndAHardDeclineIsNotRetried() {
    String soft = invoices.get(SOFT);
    String hard = invoices.get(HARD);
    await(() -> failedAttempts(soft) >= 1, "the soft decline of " + soft);
    await(() -> failedAttempts(hard) >= 1, "the hard decline of " + hard);
    assertEquals("sent", invoice(soft).get("state").asText());
    assertEquals("sent", invoice(hard).get("state").asText());
    assertTrue(capturesOf(soft).isEmpty());
    JsonNode balance = http.get("/accounts/" + SOFT + "/balance").json();
    assertEquals(
        0, money(balance.get("receivable")).compareTo(totals.get(SOFT)), balance.toString());
    assertEquals(0, money(balance.get("balance")).compareTo(totals.get(SOFT)), balance.toString());

    // the customer gives another card: what is open is collected with it
    Response set = put("/accounts/" + SOFT + "/payment-method", token("tok_visa"));
    assertEquals(200, set.status(), set.body());
    JsonNode settled = awaitInvoiceState(soft, "settled");
    assertEquals(0, money(settled.get("remainingAmount")).signum());
    assertEquals(1, capturesOf(soft).size(), capturesOf(soft).toString());
    assertEquals(1, failedAttempts(soft), "one declined attempt, then one capture");
    JsonNode after = http.get("/accounts/" + SOFT + "/balance").json();
    assertEquals(0, money(after.get("balance")).signum(), after.toString());

    // rounds have run since the hard decline (the retry above was one): it was not tried again
    assertEquals(1, failedAttempts(hard));
    assertTrue(capturesOf(hard).isEmpty());
    assertEquals("sent", invoice(hard).get("state").asText());
    JsonNode hardBalance = http.get("/accounts/" + HARD + "/balance").json();
    assertEquals(
        0, money(hardBalance.get("balance")).compareTo(totals.get(HARD)), hardBalance.toString());
  }

  @Test
  void anAsyncPaymentIsSettledByItsWebhookOnceEvenWhenDeliveredTwice() throws Exception {
    String invoice = invoices.get(ASYNC);
    assertEquals("sent", invoice(invoice).get("state").asText());
    Response set = put("/accounts/" + ASYNC + "/payment-method", token("tok_async"));
    assertEquals(200, set.status(), set.body());
    // processing first, settled only after the sandbox's payment_intent.succeeded: whenever the
    // invoice reads settled, the event had been published before
    JsonNode settled =
        awaitInvoice(
            invoice,
            b -> {
              boolean isSettled = b.get("state").asText().equals("settled");
              assertTrue(
                  !isSettled || eventOf(invoice, "payment_intent.succeeded").isPresent(),
                  "settled before the gateway reported success: " + b);
              return isSettled;
            });
    SandboxEvent succeeded = eventOf(invoice, "payment_intent.succeeded").orElseThrow();
    Optional<SandboxEvent> processing = eventOf(invoice, "payment_intent.processing");
    assertTrue(processing.isPresent(), "the intent answered processing first");
    assertTrue(processing.get().sequence() < succeeded.sequence());
    assertEquals(0, money(settled.get("remainingAmount")).signum());
    assertEquals(1, capturesOf(invoice).size());
    String before = http.get("/accounts/" + ASYNC + "/balance").body();
    JsonNode paymentsBefore = payments(ASYNC);
    assertEquals(1, paymentsBefore.size(), paymentsBefore.toString());

    // the same event again: through the sandbox, and once more straight to the node, signed
    Response resend = sandboxHttp.post("/sandbox/events/" + succeeded.id() + "/resend", "");
    assertTrue(resend.status() / 100 == 2, resend.status() + " " + resend.body());
    Response direct = webhook(succeeded.payload(), signature(succeeded.payload(), now()));
    assertEquals(200, direct.status(), direct.body());

    assertEquals(paymentsBefore, payments(ASYNC));
    assertEquals(before, http.get("/accounts/" + ASYNC + "/balance").body());
    assertEquals("settled", invoice(invoice).get("state").asText());
    assertEquals(1, capturesOf(invoice).size());
  }

  @Test
  void forgedStaleAndTamperedWebhooksAreRefusedAndRecordNothing() {
    String invoice = invoices.get(FORGE);
    long amount = minor(totals.get(FORGE));
    String payload =
        """
        {"id": "evt_forged0000000000000001", "object": "event", "api_version": "2024-06-20",
         "created": %d, "type": "payment_intent.succeeded", "livemode": false,
         "data": {"object": {"id": "pi_forged0000000000000001", "object": "payment_intent",
           "amount": %d, "amount_received": %d, "currency": "eur", "status": "succeeded",
           "metadata": {"account_id": "%s", "invoice": "%s",
                        "payment_id": "PAY-00000000000000ff-%s"}}}}"""
            .formatted(now(), amount, amount, FORGE, invoice, FORGE);

    Response forged =
        webhook(
            payload, "t=" + now() + ",v1=" + hmac("whsec_not_the_secret", now() + "." + payload));
    assertEquals(400, forged.status(), forged.body());
    assertEquals("signature_invalid", forged.text("code"), forged.body());

    Response missing = webhook(payload, null);
    assertEquals(400, missing.status(), missing.body());

    long stale = now() - 6 * 60;
    Response expired = webhook(payload, signature(payload, stale));
    assertEquals(400, expired.status(), expired.body());
    assertEquals("signature_expired", expired.text("code"), expired.body());

    String signed = signature(payload, now());
    String tampered = payload.replace("\"amount\": " + amount, "\"amount\": " + (amount + 1));
    assertFalse(tampered.equals(payload));
    Response changed = webhook(tampered, signed);
    assertEquals(400, changed.status(), changed.body());
    assertEquals("signature_invalid", changed.text("code"), changed.body());

    assertEquals(0, payments(FORGE).size(), payments(FORGE).toString());
    JsonNode bill = invoice(invoice);
    assertEquals("sent", bill.get("state").asText());
    assertEquals(0, money(bill.get("remainingAmount")).compareTo(totals.get(FORGE)));
  }

  @Test
  void aGatewayTimeoutLeavesExactlyOneCapture() {
    String invoice = invoices.get(TIMEOUT);
    JsonNode settled = awaitInvoiceState(invoice, "settled");
    assertEquals(0, money(settled.get("remainingAmount")).signum());
    List<Capture> captures = capturesOf(invoice);
    assertEquals(1, captures.size(), captures.toString());
    assertEquals(minor(totals.get(TIMEOUT)), captures.get(0).amount());
    JsonNode payments = payments(TIMEOUT);
    assertEquals(1, payments.size(), payments.toString());
    assertEquals(0, money(payments.get(0).get("amount")).compareTo(totals.get(TIMEOUT)));
    JsonNode balance = http.get("/accounts/" + TIMEOUT + "/balance").json();
    assertEquals(0, money(balance.get("balance")).signum(), balance.toString());
    assertEquals(0, money(balance.get("unallocatedCredit")).signum(), balance.toString());
  }

  @Test
  void manualPaymentsAreIdempotentAndAnOverpaymentBecomesCredit() {
    String path = "/accounts/" + MANUAL + "/payments";
    String invoice = invoices.get(MANUAL);
    BigDecimal total = totals.get(MANUAL);
    String five = manualPayment("5.00", "EUR", "REF-1");

    Response first = postWithKey(path, "key-manual-1", five);
    assertEquals(201, first.status(), first.body());
    assertTrue(first.raw().headers().firstValue("Idempotent-Replayed").isEmpty());
    String id = first.text("id");
    assertNotNull(id);

    Response replay = postWithKey(path, "key-manual-1", five);
    assertEquals(201, replay.status(), replay.body());
    assertEquals(id, replay.text("id"));
    assertEquals("true", replay.raw().headers().firstValue("Idempotent-Replayed").orElse(null));

    Response reused = postWithKey(path, "key-manual-1", manualPayment("6.00", "EUR", "REF-1"));
    assertEquals(409, reused.status(), reused.body());
    assertEquals("idempotency_key_reused", reused.text("code"));

    Response keyless = post(path, five);
    assertEquals(400, keyless.status(), keyless.body());
    assertEquals("idempotency_key_required", keyless.text("code"));

    Response usd = postWithKey(path, "key-manual-usd", manualPayment("5.00", "USD", "REF-2"));
    assertTrue(usd.status() >= 400 && usd.status() < 500, usd.status() + " " + usd.body());
    assertEquals("currency_mismatch", usd.text("code"), usd.body());

    assertEquals(1, payments(MANUAL).size(), "one payment for one key: " + payments(MANUAL));
    JsonNode partly = invoice(invoice);
    assertEquals("partiallyPaid", partly.get("state").asText());
    assertEquals(
        0, money(partly.get("remainingAmount")).compareTo(total.subtract(new BigDecimal("5.00"))));

    // the rest plus 10.00: the invoice is settled and 10.00 is the customer's credit
    BigDecimal rest = total.subtract(new BigDecimal("5.00")).add(new BigDecimal("10.00"));
    Response over =
        postWithKey(path, "key-manual-2", manualPayment(rest.toPlainString(), "EUR", "REF-3"));
    assertEquals(201, over.status(), over.body());
    assertEquals(0, money(over.json().get("unallocatedAmount")).compareTo(new BigDecimal("10.00")));
    assertEquals("settled", invoice(invoice).get("state").asText());
    JsonNode balance = http.get("/accounts/" + MANUAL + "/balance").json();
    assertEquals(
        0, money(balance.get("balance")).compareTo(new BigDecimal("-10.00")), balance.toString());
    assertEquals(
        0,
        money(balance.get("unallocatedCredit")).compareTo(new BigDecimal("10.00")),
        balance.toString());
    assertEquals(2, payments(MANUAL).size());
  }

  @Test
  void refundsAreLimitedAndACardRefundGoesThroughTheGateway() {
    String invoice = invoices.get(REFUND);
    BigDecimal total = totals.get(REFUND);
    awaitInvoiceState(invoice, "settled");
    String paymentId = payments(REFUND).get(0).get("id").asText();
    String path = "/payments/" + paymentId + "/refunds";

    Response tooMuch =
        postWithKey(path, "key-refund-0", refund(total.add(new BigDecimal("0.01")), "too much"));
    assertEquals(409, tooMuch.status(), tooMuch.body());
    assertEquals("refund_exceeds_payment", tooMuch.text("code"));

    Response partial =
        postWithKey(path, "key-refund-1", refund(new BigDecimal("1.00"), "goodwill"));
    assertEquals(201, partial.status(), partial.body());
    assertEquals("succeeded", partial.text("status"), partial.body());
    String gatewayRefund = partial.text("gatewayRefundId");
    assertNotNull(gatewayRefund, partial.body());

    // the sandbox's own record of the refund
    Response record =
        new HttpJson(sandbox.baseUrl(), "Bearer " + sandbox.secretKey())
            .get("/v1/refunds/" + gatewayRefund);
    assertEquals(200, record.status(), record.body());
    assertEquals(100, record.json().get("amount").asLong(), record.body());
    assertEquals("eur", record.text("currency"));
    String intent =
        http.get("/payments/" + paymentId).json().get("paymentMethod").get("id").asText();
    assertEquals(intent, record.text("payment_intent"), record.body());

    JsonNode reopened = invoice(invoice);
    assertEquals("partiallyPaid", reopened.get("state").asText(), reopened.toString());
    assertEquals(0, money(reopened.get("remainingAmount")).compareTo(new BigDecimal("1.00")));
    JsonNode payment = http.get("/payments/" + paymentId).json();
    assertEquals(0, money(payment.get("refundedAmount")).compareTo(new BigDecimal("1.00")));

    // what is left to refund is the total less 1.00
    Response rest = postWithKey(path, "key-refund-2", refund(total, "all of it"));
    assertEquals(409, rest.status(), rest.body());
    assertEquals("refund_exceeds_payment", rest.text("code"));
    assertEquals(1, capturesOf(invoice).size());
  }

  @Test
  void aChargebackReopensTheInvoiceAndAWonDisputeRestoresIt() {
    String invoice = invoices.get(DISPUTE);
    BigDecimal total = totals.get(DISPUTE);
    // the card is charged, then the customer disputes it at the bank
    await(() -> eventOf(invoice, "charge.dispute.created").isPresent(), "the dispute");
    assertEquals(1, capturesOf(invoice).size());
    JsonNode reopened = awaitInvoice(invoice, b -> !b.get("state").asText().equals("settled"));
    assertEquals(0, money(reopened.get("remainingAmount")).compareTo(total), reopened.toString());
    String paymentId = payments(DISPUTE).get(0).get("id").asText();
    JsonNode payment = http.get("/payments/" + paymentId).json();
    assertEquals(0, money(payment.get("chargedBackAmount")).compareTo(total), payment.toString());
    String intent = payment.get("paymentMethod").get("id").asText();
    String dispute = sandbox.disputeOf(intent).orElseThrow();

    Response close =
        sandboxHttp.post(
            "/sandbox/disputes/" + dispute + "/close",
            "application/x-www-form-urlencoded",
            "status=won");
    assertTrue(close.status() / 100 == 2, close.status() + " " + close.body());
    JsonNode restored = awaitInvoiceState(invoice, "settled");
    assertEquals(0, money(restored.get("remainingAmount")).signum());
    assertEquals(1, capturesOf(invoice).size());
  }

  @Test
  void aDirectDebitIsFiledParsedBackAndAReturnReopensTheInvoice() {
    assertFalse(mandateAnswer.body().contains(IBAN), mandateAnswer.body());
    assertFalse(mandateAnswer.body().contains("370400440532013"), mandateAnswer.body());
    assertTrue(
        mandateAnswer.body().contains("3000"), "the last digits show: " + mandateAnswer.body());

    String invoice = invoices.get(DEBIT);
    String endToEnd = PaymentIds.endToEndId(DEBIT, invoice);
    String[] fileId = new String[1];
    await(
        () -> {
          Response list = http.get("/direct-debits");
          assertEquals(200, list.status(), list.body());
          for (JsonNode file : list.json().get("files")) {
            Response xml = http.get("/direct-debits/" + file.get("fileId").asText());
            if (xml.status() == 200 && xml.body().contains(endToEnd)) {
              fileId[0] = file.get("fileId").asText();
              return true;
            }
          }
          return false;
        },
        "a direct debit file with " + endToEnd);
    Response xml = http.get("/direct-debits/" + fileId[0]);
    Pain008Reader.Document doc = Pain008Reader.read(xml.body().getBytes(StandardCharsets.UTF_8));
    assertEquals(fileId[0], doc.messageId());
    List<Pain008Reader.Transaction> all = doc.transactions();
    assertEquals(all.size(), doc.numberOfTransactions());
    BigDecimal sum =
        all.stream()
            .map(Pain008Reader.Transaction::amount)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertEquals(0, sum.compareTo(doc.controlSum()), "CtrlSum " + doc.controlSum());
    List<Pain008Reader.Transaction> ours =
        all.stream().filter(t -> t.endToEndId().equals(endToEnd)).toList();
    assertEquals(1, ours.size());
    Pain008Reader.Transaction tx = ours.get(0);
    assertEquals(0, tx.amount().compareTo(totals.get(DEBIT)), tx.toString());
    assertEquals(IBAN, tx.debtorIban());
    assertEquals("MNDT-PAYIT-1", tx.mandateId());
    assertEquals("EUR", tx.currency());

    // the listing says what the file says
    JsonNode listed = null;
    for (JsonNode file : http.get("/direct-debits").json().get("files")) {
      if (file.get("fileId").asText().equals(fileId[0])) {
        listed = file;
      }
    }
    assertNotNull(listed);
    assertEquals(doc.numberOfTransactions(), listed.get("numberOfTransactions").asInt());
    assertEquals(0, doc.controlSum().compareTo(listed.get("controlSum").decimalValue()));

    // the debit counts as paid once filed; the bank's return takes it back
    assertEquals("settled", invoice(invoice).get("state").asText());
    JsonNode paid = http.get("/accounts/" + DEBIT + "/balance").json();
    assertEquals(0, money(paid.get("balance")).signum(), paid.toString());
    Response returned =
        post(
            "/direct-debits/" + fileId[0] + "/returns",
            "{\"returns\":[{\"endToEndId\":\"" + endToEnd + "\",\"reasonCode\":\"AC04\"}]}");
    assertEquals(200, returned.status(), returned.body());
    assertEquals("reversed", returned.json().get("returns").get(0).get("outcome").asText());
    JsonNode bill = awaitInvoiceState(invoice, "sent");
    assertEquals(0, money(bill.get("remainingAmount")).compareTo(totals.get(DEBIT)));
    JsonNode balance = http.get("/accounts/" + DEBIT + "/balance").json();
    assertEquals(0, money(balance.get("balance")).compareTo(totals.get(DEBIT)), balance.toString());
  }

  // ------------------------------------------------------------------ helpers

  private static LocalDate cycleDate() {
    LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
    return yesterday.getDayOfMonth() > 28 ? yesterday.withDayOfMonth(28) : yesterday;
  }

  private static String token(String token) {
    return "{\"type\": \"token\", \"token\": \"" + token + "\"}";
  }

  private static String manualPayment(String value, String unit, String reference) {
    return """
        {"amount": {"unit": "%s", "value": %s}, "method": "bank_transfer",
         "reference": "%s", "receivedDate": "%s"}"""
        .formatted(unit, value, reference, CYCLE);
  }

  private static String refund(BigDecimal value, String reason) {
    return "{\"amount\": {\"unit\": \"EUR\", \"value\": "
        + value.toPlainString()
        + "}, \"reason\": \""
        + reason
        + "\"}";
  }

  private static void open(String id) {
    Response r =
        post(
            "/accounts",
            """
            {"id": "%s", "name": "Customer %s", "currency": "EUR", "billCycleDay": %d,
             "timeZone": "UTC", "taxJurisdiction": "DE"}"""
                .formatted(id, id, CYCLE.getDayOfMonth()));
    assertTrue(r.status() == 201 || r.status() == 200, r.body());
  }

  private static void activate(String account, String sub, String msisdn) {
    Response r =
        post(
            "/accounts/" + account + "/subscriptions",
            """
            {"subscriptionId": "%s", "offeringId": "MOBILE_S",
             "serviceIds": [{"type": "MSISDN", "value": "%s"}], "activationDate": "%s"}"""
                .formatted(sub, msisdn, CYCLE.minusDays(10)));
    assertTrue(r.status() == 201 || r.status() == 200, r.body());
  }

  private static void awaitAccountsInReadSide(int expected) {
    String[] hostPort = CASSANDRA.split(":");
    try (var session =
        CqlSession.builder()
            .addContactPoint(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])))
            .withLocalDatacenter("datacenter1")
            .build()) {
      var count =
          session.prepare(
              "SELECT COUNT(*) FROM " + KEYSPACE + ".accounts_by_cycle_day WHERE cycle_day = ?");
      await(
          () -> session.execute(count.bind(CYCLE.getDayOfMonth())).one().getLong(0) == expected,
          "accounts in the cycle-day read side");
    }
  }

  /** POST, sent again after a pause while the fresh node answers 503 or 429. */
  private static Response post(String path, String body) {
    return retrying(() -> http.post(path, body));
  }

  private static Response put(String path, String body) {
    return retrying(
        () ->
            http.send(
                HttpRequest.newBuilder(URI.create(node.httpUrl() + path))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(body))));
  }

  private static Response postWithKey(String path, String key, String body) {
    return http.send(
        HttpRequest.newBuilder(URI.create(node.httpUrl() + path))
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static Response retrying(Supplier<Response> request) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      Response r = request.get();
      if ((r.status() != 503 && r.status() != 429) || System.nanoTime() > deadline) {
        return r;
      }
      pause();
    }
  }

  private static Response webhook(String payload, String signature) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(node.gatewayWebhookUrl()))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(payload));
    if (signature != null) {
      request.header("Stripe-Signature", signature);
    }
    return HttpJson.anonymous(node.httpUrl()).send(request);
  }

  private static long now() {
    return Instant.now().getEpochSecond();
  }

  private static String signature(String payload, long timestamp) {
    return "t=" + timestamp + ",v1=" + hmac(WEBHOOK_SECRET, timestamp + "." + payload);
  }

  private static String hmac(String secret, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode invoice(String number) {
    Response r = http.get("/invoices/" + number);
    assertEquals(200, r.status(), r.body());
    return r.json();
  }

  private static JsonNode awaitInvoiceState(String number, String state) {
    return awaitInvoice(number, b -> b.get("state").asText().equals(state));
  }

  private static JsonNode awaitInvoice(String number, Predicate<JsonNode> condition) {
    JsonNode[] last = new JsonNode[1];
    try {
      await(
          () -> {
            last[0] = invoice(number);
            return condition.test(last[0]);
          },
          "invoice " + number);
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; last seen: " + last[0], e);
    }
    return last[0];
  }

  private static JsonNode payments(String account) {
    Response r = http.get("/accounts/" + account + "/payments");
    assertEquals(200, r.status(), r.body());
    return r.json().get("payments");
  }

  /** The sandbox's captures of an invoice, by the metadata the node sends with each charge. */
  private static List<Capture> capturesOf(String invoice) {
    return sandbox.captures().stream()
        .filter(c -> invoice.equals(c.metadata().get("invoice")))
        .toList();
  }

  /** The events the sandbox published about an invoice's intents, of one type. */
  private static List<SandboxEvent> eventsOf(String invoice, String type) {
    List<SandboxEvent> found = new ArrayList<>();
    for (SandboxEvent e : sandbox.events()) {
      if (!e.type().equals(type)) {
        continue;
      }
      try {
        JsonNode object = StrictJson.MAPPER.readTree(e.payload()).get("data").get("object");
        JsonNode metadata = object.get("metadata");
        String viaIntent = metadata == null ? null : metadata.path("invoice").asText(null);
        if (invoice.equals(viaIntent) || invoice.equals(invoiceOfIntent(object))) {
          found.add(e);
        }
      } catch (IOException ex) {
        throw new IllegalStateException(ex);
      }
    }
    return found;
  }

  /** For events about a charge or dispute: the invoice of the intent they name. */
  private static String invoiceOfIntent(JsonNode object) {
    JsonNode intent = object.get("payment_intent");
    if (intent == null || !intent.isTextual()) {
      return null;
    }
    return sandbox.captures(intent.asText()).stream()
        .map(c -> c.metadata().get("invoice"))
        .findFirst()
        .orElse(null);
  }

  private static Optional<SandboxEvent> eventOf(String invoice, String type) {
    return eventsOf(invoice, type).stream().findFirst();
  }

  private static int failedAttempts(String invoice) {
    return eventsOf(invoice, "payment_intent.payment_failed").size();
  }

  /** A TMF Money: {@code {"unit": "EUR", "value": 12.50}}. */
  private static BigDecimal money(JsonNode money) {
    assertNotNull(money, "a money value");
    return new BigDecimal(money.get("value").asText());
  }

  private static long minor(BigDecimal amount) {
    return amount.movePointRight(2).longValueExact();
  }

  private static void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + WAIT + " waiting for " + what);
      }
      pause();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
