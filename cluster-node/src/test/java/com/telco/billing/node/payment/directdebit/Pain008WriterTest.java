package com.telco.billing.node.payment.directdebit;

import static com.telco.billing.node.payment.directdebit.DirectDebitSamples.COLLECTION;
import static com.telco.billing.node.payment.directdebit.DirectDebitSamples.creditor;
import static com.telco.billing.node.payment.directdebit.DirectDebitSamples.instruction;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.telco.billing.protocol.payment.DirectDebitInstruction;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class Pain008WriterTest {
  private static final OffsetDateTime CREATED = OffsetDateTime.parse("2026-12-09T06:00:01.5+01:00");

  private static final List<DirectDebitInstruction> SAMPLE =
      List.of(
          instruction("TELCO_DE", COLLECTION, 3, "10.10", DirectDebitInstruction.RECURRING),
          instruction("TELCO_DE", COLLECTION, 1, "0.1", DirectDebitInstruction.FIRST),
          instruction("TELCO_DE", COLLECTION, 2, "1234567.89", DirectDebitInstruction.RECURRING),
          instruction("TELCO_DE", COLLECTION, 4, "20", DirectDebitInstruction.FIRST));

  private static byte[] sample() {
    return Pain008Writer.write(
        "DD-TELCO_DE-20261210-1", CREATED, creditor("TELCO_DE"), COLLECTION, SAMPLE);
  }

  @Test
  void writesAGroupHeaderAndOneBlockPerSequenceType() {
    Pain008Reader.Document doc = Pain008Reader.read(sample());
    assertEquals("DD-TELCO_DE-20261210-1", doc.messageId());
    assertEquals(LocalDateTime.parse("2026-12-09T05:00:01"), doc.createdAt());
    assertEquals(4, doc.numberOfTransactions());
    assertEquals("1234598.09", doc.controlSum().toPlainString());
    assertEquals("Telco GmbH", doc.initiatingParty());
    assertEquals(2, doc.paymentInformation().size());

    Pain008Reader.PaymentInformation first = doc.paymentInformation().get(0);
    assertEquals("FRST", first.sequenceType());
    assertEquals("DD-TELCO_DE-20261210-1-FRST", first.id());
    assertEquals("DD", first.method());
    assertEquals(2, first.numberOfTransactions());
    assertEquals("20.10", first.controlSum().toPlainString());
    assertEquals("SEPA", first.serviceLevel());
    assertEquals("CORE", first.localInstrument());
    assertEquals(COLLECTION, first.collectionDate());
    assertEquals("DE89370400440532013000", first.creditorIban());
    assertEquals("COBADEFFXXX", first.creditorBic());
    assertEquals("SLEV", first.chargeBearer());
    assertEquals("DE98ZZZ09999999999", first.creditorSchemeId());
    assertEquals(
        List.of("E2E-TELCO_DE-1", "E2E-TELCO_DE-4"),
        first.transactions().stream().map(Pain008Reader.Transaction::endToEndId).toList());

    Pain008Reader.PaymentInformation recurring = doc.paymentInformation().get(1);
    assertEquals("RCUR", recurring.sequenceType());
    assertEquals("1234577.99", recurring.controlSum().toPlainString());

    Pain008Reader.Transaction t = first.transactions().get(0);
    assertEquals("0.10", t.amount().toPlainString());
    assertEquals("EUR", t.currency());
    assertEquals("MNDT-1", t.mandateId());
    assertEquals("2025-01-15", t.mandateSignedOn().toString());
    assertEquals("NOTPROVIDED", t.debtorBic());
    assertEquals("Debtor & Sons <1>", t.debtorName());
    assertEquals(DirectDebitSamples.iban(1), t.debtorIban());
    assertEquals("INV-TELCO_DE-1", t.remittance());
    assertEquals("DEUTDEFF", first.transactions().get(1).debtorBic());
  }

  @Test
  void isWellFormedInThePain008Namespace() throws Exception {
    byte[] xml = sample();
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Element root =
        factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
    assertEquals("Document", root.getLocalName());
    assertEquals(Pain008Writer.NAMESPACE, root.getNamespaceURI());
    assertEquals(
        "CstmrDrctDbtInitn",
        root.getElementsByTagNameNS(Pain008Writer.NAMESPACE, "CstmrDrctDbtInitn")
            .item(0)
            .getLocalName());
    String text = new String(xml, StandardCharsets.UTF_8);
    assertEquals(true, text.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    assertEquals(true, text.contains("&amp; Sons &lt;1&gt;"), "escaped");
  }

  @Test
  void onlyTheSequenceTypesPresentGetABlock() {
    byte[] xml =
        Pain008Writer.write(
            "M1", CREATED, creditor("TELCO_DE"), COLLECTION, List.of(SAMPLE.get(0)));
    var doc = Pain008Reader.read(xml);
    assertEquals(1, doc.paymentInformation().size());
    assertEquals("RCUR", doc.paymentInformation().get(0).sequenceType());
  }

  @Test
  void theSameInputGivesTheSameBytesInAnyOrder() {
    byte[] reversed =
        Pain008Writer.write(
            "DD-TELCO_DE-20261210-1", CREATED, creditor("TELCO_DE"), COLLECTION, reversed(SAMPLE));
    assertArrayEquals(sample(), reversed);
  }

  private static List<DirectDebitInstruction> reversed(List<DirectDebitInstruction> list) {
    var copy = new java.util.ArrayList<>(list);
    java.util.Collections.reverse(copy);
    return copy;
  }

  @Test
  void refusesWhatAFileCannotHold() {
    var creditor = creditor("TELCO_DE");
    assertThrows(
        IllegalArgumentException.class,
        () -> Pain008Writer.write("M", CREATED, creditor, COLLECTION, List.of()));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Pain008Writer.write(
                "M",
                CREATED,
                creditor,
                COLLECTION,
                List.of(instruction("OTHER", COLLECTION, 1, "1", "FRST"))));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Pain008Writer.write(
                "M",
                CREATED,
                creditor,
                COLLECTION,
                List.of(instruction("TELCO_DE", COLLECTION, 1, "1.001", "FRST"))));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Pain008Writer.write(
                "M",
                CREATED,
                creditor,
                COLLECTION,
                List.of(instruction("TELCO_DE", COLLECTION, 1, "0", "FRST"))));
  }

  @Test
  void theReaderRefusesOtherDocuments() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Pain008Reader.read("<Document><x/></Document>".getBytes(StandardCharsets.UTF_8)));
    assertThrows(
        IllegalArgumentException.class,
        () -> Pain008Reader.read("<Document".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void creditorIdentifiersAreChecked() {
    assertEquals(true, Creditor.isCreditorId("DE98ZZZ09999999999"));
    assertEquals(false, Creditor.isCreditorId("DE97ZZZ09999999999"));
    assertEquals(false, Creditor.isCreditorId("DE98"));
    assertEquals(new BigDecimal("0.10").compareTo(Pain008Writer.amount(new BigDecimal("0.1"))), 0);
  }
}
