package com.telco.billing.node.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.icegreen.greenmail.util.GreenMail;
import com.telco.billing.devcassandra.TestCassandra;
import com.telco.billing.devkit.EmbeddedNode;
import com.telco.billing.devkit.HttpJson;
import com.telco.billing.devkit.HttpJson.Response;
import com.telco.billing.devkit.TestSmtp;
import com.telco.billing.node.billrun.BillingFixtures;
import com.telco.billing.node.catalog.SampleCatalog;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Invoices by mail, over HTTP against the real Cassandra and the SMTP server in this JVM: accounts
 * opened with an email get one mail per issued invoice with its PDF attached, accounts without one
 * get none, and a repeated bill run mails nobody again; a replay of the events from the start mails
 * only what the sent log does not have, with the same {@code Message-ID}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InvoiceMailIT {
  private static final String CASSANDRA = TestCassandra.shared().hostAndPort();
  private static final String KEYSPACE = TestCassandra.uniqueKeyspace("invoice_mail");

  /** Recipients of this class only: the shared server keeps every test's mail. */
  private static final String DOMAIN = "invoice-mail-it.example";

  static final LocalDate CYCLE = BillingFixtures.cycleDate();
  static final int WITH_EMAIL = 3;
  static final int WITHOUT_EMAIL = 1;

  private static GreenMail smtp;
  private static EmbeddedNode node;
  private static HttpJson http;

  @BeforeAll
  static void start() {
    smtp = TestSmtp.shared();
    node =
        EmbeddedNode.start(
            CASSANDRA, KEYSPACE, EmbeddedNode.mailConfig(TestSmtp.HOST, smtp.getSmtp().getPort()));
    http = new HttpJson(node.httpUrl());
    int published = BillingFixtures.post(http, "/catalog/versions", SampleCatalog.json()).status();
    assertTrue(published == 201 || published == 200, "catalog published: " + published);
    StringBuilder batch = new StringBuilder("[");
    for (int i = 0; i < WITH_EMAIL + WITHOUT_EMAIL; i++) {
      open(account(i), i < WITH_EMAIL ? address(i) : null);
      BillingFixtures.activate(
          http, account(i), "sub-" + i, msisdn(i), i % 2 == 0 ? "MOBILE_S" : "MOBILE_M", CYCLE);
      batch.append(i > 0 ? "," : "");
      batch.append(BillingFixtures.call("call-" + i, msisdn(i), CYCLE.minusDays(2)));
    }
    Response usage = BillingFixtures.post(http, "/usage", batch.append(']').toString());
    assertEquals(200, usage.status(), usage.body());
    BillingFixtures.awaitAccountsInReadSide(CASSANDRA, KEYSPACE, CYCLE, WITH_EMAIL + WITHOUT_EMAIL);
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
  }

  static String account(int i) {
    return String.format("mail-%03d", i);
  }

  static String address(int i) {
    return account(i) + "@" + DOMAIN;
  }

  static String msisdn(int i) {
    return String.format("+49151%08d", 7_100_000 + i);
  }

  static void open(String id, String email) {
    Response r =
        BillingFixtures.post(
            http,
            "/accounts",
            """
            {"id": "%s", "name": "Customer <%s> & Sons", "currency": "EUR", "billCycleDay": %d,
             "timeZone": "UTC", "taxJurisdiction": "DE"%s}
            """
                .formatted(
                    id,
                    id,
                    CYCLE.getDayOfMonth(),
                    email == null ? "" : ", \"email\": \"" + email + "\""));
    assertTrue(r.status() == 201 || r.status() == 200, r.body());
    assertEquals(email, r.json().get("email").isNull() ? null : r.json().get("email").asText());
  }

  static void runBillRun() {
    Response started = http.post("/bill-runs", "{\"cycleDate\": \"" + CYCLE + "\"}");
    assertEquals(202, started.status(), started.body());
    String runId = started.text("runId");
    BillingFixtures.await(
        () -> "COMPLETED".equals(http.get("/bill-runs/" + runId).text("status")),
        Duration.ofSeconds(90),
        "bill run " + runId);
  }

  static List<MimeMessage> received() {
    return Arrays.asList(smtp.getReceivedMessagesForDomain(DOMAIN));
  }

  @Test
  @Order(1)
  void everyInvoiceIsMailedOnceWithItsPdfToAccountsWithAnEmail() throws Exception {
    runBillRun();
    BillingFixtures.await(
        () -> received().size() >= WITH_EMAIL, Duration.ofSeconds(60), "the invoice mails");

    Map<String, String> invoiceOf = new HashMap<>();
    for (int i = 0; i < WITH_EMAIL + WITHOUT_EMAIL; i++) {
      Response list = http.get("/accounts/" + account(i) + "/invoices");
      assertEquals(200, list.status(), list.body());
      assertEquals(1, list.json().get("invoices").size(), list.body());
      invoiceOf.put(account(i), list.json().get("invoices").get(0).get("billNo").asText());
    }

    TreeSet<String> recipients = new TreeSet<>();
    for (MimeMessage mail : received()) {
      String to = mail.getAllRecipients()[0].toString();
      recipients.add(to);
      String accountId = to.substring(0, to.indexOf('@'));
      String number = invoiceOf.get(accountId);
      assertEquals("Your invoice " + number, mail.getSubject());
      assertEquals(
          Mailer.messageIdOf("invoice:" + number, "billing.telco.example"), mail.getMessageID());
      Multipart parts = (Multipart) mail.getContent();
      assertEquals(2, parts.getCount());
      String body = (String) parts.getBodyPart(0).getContent();
      assertTrue(body.contains(number), body);
      assertTrue(body.contains("Customer &lt;" + accountId + "&gt; &amp; Sons"), body);
      BodyPart pdf = parts.getBodyPart(1);
      assertTrue(pdf.isMimeType("application/pdf"), pdf.getContentType());
      assertEquals(Part.ATTACHMENT, pdf.getDisposition());
      assertEquals(number + ".pdf", pdf.getFileName());
      try (PDDocument doc = Loader.loadPDF(pdf.getInputStream().readAllBytes())) {
        assertTrue(doc.getNumberOfPages() >= 1);
        assertEquals("Invoice " + number, doc.getDocumentInformation().getTitle());
        String text = new PDFTextStripper().getText(doc);
        assertTrue(text.contains(number), text);
        assertTrue(text.contains("Customer <" + accountId + "> & Sons"), text);
      }
    }
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < WITH_EMAIL; i++) {
      expected.add(address(i));
    }
    assertEquals(expected, List.copyOf(recipients));
    assertEquals(WITH_EMAIL, received().size(), "one mail per invoice");

    // the same cycle date again: nobody is invoiced again, nobody is mailed again
    runBillRun();
    Thread.sleep(Duration.ofSeconds(12).toMillis());
    assertEquals(WITH_EMAIL, received().size(), "still one mail per invoice");
  }

  /** After {@link #everyInvoiceIsMailedOnceWithItsPdfToAccountsWithAnEmail}: its mails are out. */
  @Test
  @Order(2)
  void aReplayFromTheStartMailsOnlyWhatTheSentLogDoesNotHave() throws Exception {
    assertEquals(WITH_EMAIL, received().size());
    String forgotten =
        http.get("/accounts/" + account(0) + "/invoices")
            .json()
            .get("invoices")
            .get(0)
            .get("billNo")
            .asText();
    String firstMessageId =
        received().stream()
            .filter(m -> address(0).equals(to(m)))
            .findFirst()
            .orElseThrow()
            .getMessageID();
    // every projection starts from the beginning of its tags on the next start, and the sent log
    // forgets one mail (as after a crash between the send and its write)
    node.close();
    node = null;
    cql("TRUNCATE " + KEYSPACE + ".offset_store");
    cql("DELETE FROM " + KEYSPACE + ".mail_sent WHERE mail_id = 'invoice:" + forgotten + "'");
    node =
        EmbeddedNode.start(
            CASSANDRA, KEYSPACE, EmbeddedNode.mailConfig(TestSmtp.HOST, smtp.getSmtp().getPort()));
    http = new HttpJson(node.httpUrl());

    BillingFixtures.await(
        () -> received().size() > WITH_EMAIL, Duration.ofSeconds(90), "the forgotten mail again");
    Thread.sleep(Duration.ofSeconds(12).toMillis());
    List<MimeMessage> all = received();
    assertEquals(WITH_EMAIL + 1, all.size(), "only the forgotten mail is sent again");
    List<MimeMessage> again = all.stream().filter(m -> address(0).equals(to(m))).toList();
    assertEquals(2, again.size());
    // the resend is recognisable: the same Message-ID
    assertEquals(firstMessageId, again.get(1).getMessageID());
  }

  static String to(MimeMessage mail) {
    try {
      return mail.getAllRecipients()[0].toString();
    } catch (jakarta.mail.MessagingException e) {
      throw new AssertionError(e);
    }
  }

  static void cql(String statement) {
    String[] hostPort = CASSANDRA.split(":");
    try (CqlSession session =
        CqlSession.builder()
            .addContactPoint(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])))
            .withLocalDatacenter("datacenter1")
            .build()) {
      // TRUNCATE flushes and snapshots the table: far slower than the driver's 2 s default
      session.execute(SimpleStatement.newInstance(statement).setTimeout(Duration.ofSeconds(60)));
    }
  }
}
