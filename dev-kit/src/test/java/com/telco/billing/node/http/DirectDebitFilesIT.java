package com.telco.billing.node.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.telco.billing.core.payment.Iban;
import com.telco.billing.devcassandra.TestCassandra;
import com.telco.billing.devkit.DevKeys;
import com.telco.billing.devkit.EmbeddedNode;
import com.telco.billing.devkit.HttpJson;
import com.telco.billing.devkit.HttpJson.Response;
import com.telco.billing.node.BillingSettings;
import com.telco.billing.node.payment.directdebit.DirectDebitFiles;
import com.telco.billing.node.payment.directdebit.DirectDebitReturns;
import com.telco.billing.node.payment.directdebit.DirectDebitStore;
import com.telco.billing.node.payment.directdebit.FileEntry;
import com.telco.billing.node.payment.directdebit.FileSummary;
import com.telco.billing.node.payment.directdebit.Pain008Reader;
import com.telco.billing.node.payment.directdebit.ReturnOutcome;
import com.telco.billing.node.security.SecurityModule;
import com.telco.billing.protocol.payment.DirectDebitInstruction;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Direct debit files against the real Cassandra: pending instructions are filed once per legal
 * entity and collection date (a rebuild changes nothing; a file a crash left claimed is completed
 * with its id and content), listed and downloaded through the node's HTTP API and parsed back with
 * their control sums; bank returns are applied once through the routes, refused whole when one is
 * invalid.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DirectDebitFilesIT {
  private static final String CASSANDRA = TestCassandra.shared().hostAndPort();
  private static final String KEYSPACE = TestCassandra.uniqueKeyspace("direct_debits");
  private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
  private static final LocalDate DUE = TODAY.plusDays(1);
  private static final String DAY = DUE.format(DateTimeFormatter.BASIC_ISO_DATE);
  private static final String FILE_DE_1 = "DD-TELCO_DE-" + DAY + "-1";
  private static final String FILE_DE_2 = "DD-TELCO_DE-" + DAY + "-2";
  private static final String FILE_DEFAULT_1 = "DD-DEFAULT-" + DAY + "-1";

  private static Path folder;
  private static EmbeddedNode node;
  private static DirectDebitStore store;
  private static DirectDebitFiles files;
  private static final Ledger ledger = new Ledger();
  private static ServerBinding returnsServer;

  /** The accounts' side of returns, in memory: each payment reversed once. */
  static final class Ledger implements DirectDebitReturns {
    final Map<String, String> reversed = new LinkedHashMap<>();
    final List<String> calls = new ArrayList<>();

    @Override
    public synchronized CompletionStage<ReturnOutcome> returned(FileEntry entry, String reason) {
      calls.add(entry.endToEndId() + " " + reason);
      if (reversed.containsKey(entry.paymentId())) {
        return CompletableFuture.completedFuture(ReturnOutcome.alreadyReversed());
      }
      reversed.put(entry.paymentId(), reason);
      return CompletableFuture.completedFuture(ReturnOutcome.reversed());
    }
  }

  @BeforeAll
  static void start() throws Exception {
    folder = Files.createTempDirectory("direct-debits");
    node =
        EmbeddedNode.start(
            CASSANDRA,
            KEYSPACE,
            ConfigFactory.parseString(
                    "datastax-java-driver.basic.request.timeout = 10s\n"
                        + "billing.payments.direct-debit.list.max-limit = 2\n")
                .withFallback(
                    ConfigFactory.parseMap(
                        Map.of("billing.payments.direct-debit.folder", folder.toString()))));
    var system = node.system();
    BillingSettings settings = BillingSettings.from(system.settings().config());
    store = new DirectDebitStore(system, KEYSPACE, settings.directDebit().creditors().keySet());
    files =
        new DirectDebitFiles(
            store,
            settings.directDebit(),
            Clock.systemUTC(),
            system.dispatchers().lookup(DispatcherSelector.blocking()));
    // the same route class the node serves, with the in-memory ledger taking the returns
    Access access =
        new Access(SecurityModule.init(system, settings, Clock.systemUTC()).authenticator(), null);
    returnsServer =
        Http.get(system)
            .newServerAt("127.0.0.1", 0)
            .bind(
                HttpApi.edge(
                    system, access, () -> new DirectDebitRoutes(access, files, ledger).routes()))
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() {
    if (returnsServer != null) {
      returnsServer.unbind();
    }
    if (node != null) {
      node.close();
    }
  }

  private static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String iban(int n) {
    String bban = String.format("%018d", 500105170000000000L + n);
    return "DE" + Iban.checkDigits("DE", bban) + bban;
  }

  private static DirectDebitInstruction instruction(
      String legalEntity, LocalDate date, int n, String amount, String sequenceType) {
    return new DirectDebitInstruction(
        "E2E-" + legalEntity + "-" + n,
        "acc-dd-" + n,
        "INV-" + legalEntity + "-2026-" + String.format("%06d", n),
        "PAY-" + String.format("%016x", n) + "-acc-dd-" + n,
        legalEntity,
        date,
        new BigDecimal(amount),
        Currency.getInstance("EUR"),
        "MNDT-" + n,
        LocalDate.parse("2025-03-01"),
        sequenceType,
        "Debtor " + n,
        iban(n),
        n % 2 == 0 ? "COBADEFFXXX" : null);
  }

  private static HttpJson as(String url, String subject, String... roles) {
    return new HttpJson(
        url, "Bearer " + DevKeys.ephemeral().token(subject, List.of(roles), Duration.ofHours(1)));
  }

  private static String returnsUrl() {
    return "http://127.0.0.1:" + returnsServer.localAddress().getPort();
  }

  private static Set<String> endToEndIds(byte[] xml) {
    Set<String> ids = new HashSet<>();
    Pain008Reader.read(xml).transactions().forEach(t -> ids.add(t.endToEndId()));
    return ids;
  }

  @Test
  @Order(1)
  void pendingInstructionsAreFiledOncePerLegalEntityAndDate() throws IOException {
    await(files.addPending(instruction("TELCO_DE", DUE, 1, "19.99", "FRST")));
    await(files.addPending(instruction("TELCO_DE", DUE, 2, "0.01", "RCUR")));
    await(files.addPending(instruction("TELCO_DE", DUE, 3, "1000.10", "RCUR")));
    await(files.addPending(instruction("TELCO_DE", DUE.plusDays(5), 4, "5.00", "RCUR")));
    await(files.addPending(instruction("DEFAULT", DUE, 5, "42", "FRST")));
    // idempotent by end-to-end id
    await(files.addPending(instruction("TELCO_DE", DUE, 1, "19.99", "FRST")));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            await(files.addPending(instruction("TELCO_DE", DUE.plusDays(2), 1, "19.99", "FRST"))));
    assertThrows(
        IllegalArgumentException.class,
        () -> await(files.addPending(instruction("NO_CREDITOR", DUE, 9, "1", "FRST"))));

    List<FileSummary> built = await(files.fileDue(TODAY));
    assertEquals(
        List.of(FILE_DEFAULT_1, FILE_DE_1), built.stream().map(FileSummary::fileId).toList());
    FileSummary de = built.get(1);
    assertEquals(3, de.numberOfTransactions());
    assertEquals(0, new BigDecimal("1020.10").compareTo(de.controlSum()));

    byte[] stored = await(files.content(FILE_DE_1));
    assertArrayEquals(stored, Files.readAllBytes(folder.resolve(FILE_DE_1 + ".xml")));
    assertEquals(Set.of("E2E-TELCO_DE-1", "E2E-TELCO_DE-2", "E2E-TELCO_DE-3"), endToEndIds(stored));

    // a rebuild files nothing again and changes nothing
    assertEquals(List.of(), await(files.fileDue(TODAY)));
    assertArrayEquals(stored, await(files.content(FILE_DE_1)));
    try (var listing = Files.list(folder)) {
      assertEquals(
          Set.of(FILE_DE_1 + ".xml", FILE_DEFAULT_1 + ".xml"),
          new HashSet<>(listing.map(p -> p.getFileName().toString()).toList()),
          "no temporary file left");
    }
  }

  @Test
  @Order(2)
  void aFileACrashLeftClaimedIsCompletedWithItsIdAndContent() {
    await(files.addPending(instruction("TELCO_DE", DUE, 6, "7.77", "RCUR")));
    await(files.addPending(instruction("TELCO_DE", DUE, 7, "8.88", "FRST")));
    // a node claimed the next file and died before building it
    var createdAt = java.time.Instant.now().truncatedTo(ChronoUnit.SECONDS);
    assertTrue(
        await(
            store.claimFile(
                "TELCO_DE",
                DUE,
                2,
                FILE_DE_2,
                createdAt,
                Set.of("E2E-TELCO_DE-6", "E2E-TELCO_DE-7"))));
    var claimed = await(store.files("TELCO_DE", DUE));
    assertEquals(false, claimed.get(1).summary().complete());
    // another node's claim of the same sequence loses
    assertEquals(
        false,
        await(store.claimFile("TELCO_DE", DUE, 2, FILE_DE_2, createdAt, Set.of("E2E-TELCO_DE-6"))));

    List<FileSummary> completed = await(files.fileDue(TODAY));
    assertEquals(List.of(FILE_DE_2), completed.stream().map(FileSummary::fileId).toList());
    assertEquals(createdAt, completed.get(0).createdAt());
    byte[] xml = await(files.content(FILE_DE_2));
    assertEquals(Set.of("E2E-TELCO_DE-6", "E2E-TELCO_DE-7"), endToEndIds(xml));
    assertEquals(List.of(), await(files.fileDue(TODAY)));

    // every instruction of the date is in exactly one file
    Set<String> first = endToEndIds(await(files.content(FILE_DE_1)));
    Set<String> second = endToEndIds(xml);
    assertTrue(first.stream().noneMatch(second::contains));
    assertEquals(5, first.size() + second.size());
  }

  @Test
  @Order(3)
  void filesAreListedAndDownloadedThroughTheNode() {
    HttpJson finance = as(node.httpUrl(), "finance-dd", "finance");
    Response page1 = finance.get("/direct-debits?limit=2");
    assertEquals(200, page1.status(), page1.body());
    assertEquals(2, page1.json().get("count").asInt());
    assertEquals(FILE_DEFAULT_1, page1.json().get("files").get(0).get("fileId").asText());
    assertEquals(FILE_DE_1, page1.json().get("files").get(1).get("fileId").asText());
    JsonNode listed = page1.json().get("files").get(1);
    assertEquals("complete", listed.get("status").asText());
    assertEquals(3, listed.get("numberOfTransactions").asInt());
    assertEquals(0, new BigDecimal("1020.10").compareTo(listed.get("controlSum").decimalValue()));
    String cursor = page1.text("nextCursor");
    assertNotNull(cursor);
    Response page2 = finance.get("/direct-debits?limit=2&cursor=" + cursor);
    assertEquals(200, page2.status(), page2.body());
    assertEquals(FILE_DE_2, page2.json().get("files").get(0).get("fileId").asText());
    assertNull(page2.text("nextCursor"));

    Response de = finance.get("/direct-debits?legalEntity=TELCO_DE&from=" + DUE + "&to=" + DUE);
    assertEquals(2, de.json().get("count").asInt(), de.body());
    assertEquals(
        0, finance.get("/direct-debits?from=" + DUE.plusDays(1)).json().get("count").asInt());
    assertEquals(400, finance.get("/direct-debits?from=tomorrow").status());
    assertEquals(400, finance.get("/direct-debits?limit=3").status(), "above max-limit");
    assertEquals(200, as(node.httpUrl(), "ops-dd", "ops").get("/direct-debits").status());
    assertEquals(403, as(node.httpUrl(), "coll-dd", "collections").get("/direct-debits").status());

    Response xml = finance.get("/direct-debits/" + FILE_DE_1);
    assertEquals(200, xml.status());
    assertTrue(
        xml.raw().headers().firstValue("Content-Type").orElse("").startsWith("application/xml"));
    Pain008Reader.Document doc = Pain008Reader.read(xml.body().getBytes(StandardCharsets.UTF_8));
    assertEquals(FILE_DE_1, doc.messageId());
    assertEquals(3, doc.numberOfTransactions());
    BigDecimal amounts =
        doc.transactions().stream()
            .map(Pain008Reader.Transaction::amount)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertEquals(0, amounts.compareTo(doc.controlSum()));
    assertEquals(
        List.of("FRST", "RCUR"),
        doc.paymentInformation().stream()
            .map(Pain008Reader.PaymentInformation::sequenceType)
            .toList());
    for (var block : doc.paymentInformation()) {
      BigDecimal sum =
          block.transactions().stream()
              .map(Pain008Reader.Transaction::amount)
              .reduce(BigDecimal.ZERO, BigDecimal::add);
      assertEquals(0, sum.compareTo(block.controlSum()));
      assertEquals(DUE, block.collectionDate());
      assertEquals("DE98ZZZ09999999999", block.creditorSchemeId());
    }

    Response missing = finance.get("/direct-debits/DD-TELCO_DE-20000101-1");
    assertEquals(404, missing.status());
    assertEquals("direct_debit_file_not_found", missing.text("code"));

    // the node hands a return to the debtor's account; these instructions were written straight
    // into the store for accounts that were never opened: refused, nothing recorded
    Response noAccount =
        finance.post(
            "/direct-debits/" + FILE_DE_1 + "/returns",
            "{\"returns\":[{\"endToEndId\":\"E2E-TELCO_DE-1\",\"reasonCode\":\"AC04\"}]}");
    assertEquals(404, noAccount.status(), noAccount.body());
    assertEquals("account_not_found", noAccount.text("code"));
  }

  @Test
  @Order(4)
  void returnsAreValidatedWholeAndAppliedOnce() {
    HttpJson finance = as(returnsUrl(), "finance-dd", "finance");
    String path = "/direct-debits/" + FILE_DE_1 + "/returns";

    Response unknownCode =
        finance.post(
            path,
            """
            {"returns":[{"endToEndId":"E2E-TELCO_DE-1","reasonCode":"AC04"},
                        {"endToEndId":"E2E-TELCO_DE-2","reasonCode":"XX99"}]}""");
    assertEquals(422, unknownCode.status(), unknownCode.body());
    assertEquals("unknown_return_reason", unknownCode.text("code"));
    assertEquals("returns[1].reasonCode", unknownCode.text("field"));
    assertEquals(List.of(), ledger.calls, "nothing applied when one return is invalid");

    Response unknownId =
        finance.post(
            path, "{\"returns\":[{\"endToEndId\":\"E2E-TELCO_DE-6\",\"reasonCode\":\"AM04\"}]}");
    assertEquals(422, unknownId.status(), unknownId.body());
    assertEquals("end_to_end_id_not_in_file", unknownId.text("code"));
    assertEquals("returns[0].endToEndId", unknownId.text("field"));

    Response both =
        finance.post(path, "{\"returns\":[{\"endToEndId\":\"nope\",\"reasonCode\":\"nope\"}]}");
    assertEquals(422, both.status());
    assertEquals("validation_failed", both.text("code"));
    assertEquals(2, both.json().get("errors").size());
    assertTrue(!both.body().contains("nope"), "no submitted value echoed");

    Response valid =
        finance.post(
            path,
            """
            {"returns":[{"endToEndId":"E2E-TELCO_DE-1","reasonCode":"AC04"},
                        {"endToEndId":"E2E-TELCO_DE-3","reasonCode":"MD06"}]}""");
    assertEquals(200, valid.status(), valid.body());
    assertEquals(2, valid.json().get("count").asInt());
    JsonNode first = valid.json().get("returns").get(0);
    assertEquals("E2E-TELCO_DE-1", first.get("endToEndId").asText());
    assertEquals("reversed", first.get("outcome").asText());
    assertEquals(
        Map.of("PAY-0000000000000001-acc-dd-1", "AC04", "PAY-0000000000000003-acc-dd-3", "MD06"),
        ledger.reversed);

    // repeated: the recorded outcome, the ledger not asked again
    Response again =
        finance.post(
            path, "{\"returns\":[{\"endToEndId\":\"E2E-TELCO_DE-1\",\"reasonCode\":\"AC04\"}]}");
    assertEquals(200, again.status(), again.body());
    assertEquals(first, again.json().get("returns").get(0));
    assertEquals(2, ledger.calls.size());

    Response noFile =
        finance.post(
            "/direct-debits/DD-TELCO_DE-20000101-1/returns",
            "{\"returns\":[{\"endToEndId\":\"E2E-TELCO_DE-1\",\"reasonCode\":\"AC04\"}]}");
    assertEquals(404, noFile.status());
    assertEquals("direct_debit_file_not_found", noFile.text("code"));
    assertEquals(
        403,
        as(returnsUrl(), "ops-dd", "ops")
            .post(
                path, "{\"returns\":[{\"endToEndId\":\"E2E-TELCO_DE-1\",\"reasonCode\":\"AC04\"}]}")
            .status());
  }
}
