package com.telco.billing.node.payment.directdebit;

import com.telco.billing.protocol.payment.DirectDebitInstruction;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes an ISO 20022 {@code pain.008.001.02} Customer Direct Debit Initiation: the file a creditor
 * hands its bank to collect SEPA Core direct debits. One file per legal entity and collection date;
 * a group header with the message id, creation time, number of transactions and control sum; one
 * payment information block per sequence type ({@code FRST} before {@code RCUR}, only those that
 * have transactions), each with its own count and sum, the creditor and its scheme identifier, and
 * one {@code DrctDbtTxInf} per instruction (end-to-end id, amount, mandate, debtor bank or {@code
 * NOTPROVIDED}, debtor, debtor IBAN, the invoice number as unstructured remittance).
 *
 * <p>Amounts are written exactly, with the currency's two decimals (the control sums are sums of
 * the written amounts, never rounded). The same input always gives the same bytes.
 */
public final class Pain008Writer {
  public static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pain.008.001.02";

  private static final DateTimeFormatter CREATED = DateTimeFormatter.ISO_LOCAL_DATE_TIME;
  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

  private Pain008Writer() {}

  /**
   * The file of {@code instructions}, all of {@code creditor}'s legal entity and collected on
   * {@code collectionDate}.
   *
   * @param messageId the file's id (at most 35 characters): {@code MsgId}, prefix of the {@code
   *     PmtInfId}s
   * @param createdAt the creation time written ({@code CreDtTm}, UTC, to the second)
   * @throws IllegalArgumentException for no instructions, one of another legal entity, date or
   *     currency than EUR, or an amount not positive or finer than a cent
   */
  public static byte[] write(
      String messageId,
      OffsetDateTime createdAt,
      Creditor creditor,
      LocalDate collectionDate,
      List<DirectDebitInstruction> instructions) {
    Objects.requireNonNull(messageId, "messageId");
    if (messageId.isEmpty() || messageId.length() > 35) {
      throw new IllegalArgumentException("a message id has 1..35 characters");
    }
    if (instructions.isEmpty()) {
      throw new IllegalArgumentException("a direct debit file has at least one transaction");
    }
    for (DirectDebitInstruction i : instructions) {
      if (!i.legalEntity().equals(creditor.legalEntity())
          || !i.collectionDate().equals(collectionDate)) {
        throw new IllegalArgumentException(
            "every instruction of a file is of its legal entity and collection date");
      }
      if (!"EUR".equals(i.currency().getCurrencyCode())) {
        throw new IllegalArgumentException("SEPA direct debits are in EUR");
      }
      amount(i.amount());
    }
    List<DirectDebitInstruction> ordered =
        instructions.stream()
            .sorted(Comparator.comparing(DirectDebitInstruction::endToEndId))
            .toList();
    List<DirectDebitInstruction> first = ofSequence(ordered, DirectDebitInstruction.FIRST);
    List<DirectDebitInstruction> recurring = ofSequence(ordered, DirectDebitInstruction.RECURRING);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
      xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
      xml.setDefaultNamespace(NAMESPACE);
      xml.writeStartElement(NAMESPACE, "Document");
      xml.writeDefaultNamespace(NAMESPACE);
      xml.writeStartElement(NAMESPACE, "CstmrDrctDbtInitn");
      xml.writeStartElement(NAMESPACE, "GrpHdr");
      text(xml, "MsgId", messageId);
      text(
          xml,
          "CreDtTm",
          CREATED.format(
              createdAt
                  .withOffsetSameInstant(ZoneOffset.UTC)
                  .toLocalDateTime()
                  .truncatedTo(ChronoUnit.SECONDS)));
      text(xml, "NbOfTxs", String.valueOf(ordered.size()));
      text(xml, "CtrlSum", sum(ordered).toPlainString());
      xml.writeStartElement(NAMESPACE, "InitgPty");
      text(xml, "Nm", creditor.name());
      xml.writeEndElement();
      xml.writeEndElement(); // GrpHdr
      if (!first.isEmpty()) {
        paymentInformation(xml, messageId, creditor, collectionDate, "FRST", first);
      }
      if (!recurring.isEmpty()) {
        paymentInformation(xml, messageId, creditor, collectionDate, "RCUR", recurring);
      }
      xml.writeEndElement(); // CstmrDrctDbtInitn
      xml.writeEndElement(); // Document
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("writing a pain.008 in memory failed", e);
    }
    return out.toByteArray();
  }

  private static List<DirectDebitInstruction> ofSequence(
      List<DirectDebitInstruction> all, String sequenceType) {
    return all.stream().filter(i -> i.sequenceType().equals(sequenceType)).toList();
  }

  /** The exact sum of the amounts as written: two decimals, no rounding anywhere. */
  static BigDecimal sum(List<DirectDebitInstruction> instructions) {
    BigDecimal total = BigDecimal.ZERO.setScale(2);
    for (DirectDebitInstruction i : instructions) {
      total = total.add(amount(i.amount()));
    }
    return total;
  }

  /** The amount with two decimals; refused when not positive or not a whole number of cents. */
  static BigDecimal amount(BigDecimal amount) {
    if (amount.signum() <= 0) {
      throw new IllegalArgumentException("a direct debit amount is positive");
    }
    try {
      return amount.setScale(2, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("a direct debit amount is a whole number of cents", e);
    }
  }

  private static void paymentInformation(
      XMLStreamWriter xml,
      String messageId,
      Creditor creditor,
      LocalDate collectionDate,
      String sequenceType,
      List<DirectDebitInstruction> transactions)
      throws XMLStreamException {
    xml.writeStartElement(NAMESPACE, "PmtInf");
    text(xml, "PmtInfId", paymentInformationId(messageId, sequenceType));
    text(xml, "PmtMtd", "DD");
    text(xml, "NbOfTxs", String.valueOf(transactions.size()));
    text(xml, "CtrlSum", sum(transactions).toPlainString());
    xml.writeStartElement(NAMESPACE, "PmtTpInf");
    xml.writeStartElement(NAMESPACE, "SvcLvl");
    text(xml, "Cd", "SEPA");
    xml.writeEndElement();
    xml.writeStartElement(NAMESPACE, "LclInstrm");
    text(xml, "Cd", "CORE");
    xml.writeEndElement();
    text(xml, "SeqTp", sequenceType);
    xml.writeEndElement(); // PmtTpInf
    text(xml, "ReqdColltnDt", collectionDate.toString());
    xml.writeStartElement(NAMESPACE, "Cdtr");
    text(xml, "Nm", creditor.name());
    xml.writeEndElement();
    account(xml, "CdtrAcct", creditor.iban().value());
    agent(xml, "CdtrAgt", creditor.bic().value());
    text(xml, "ChrgBr", "SLEV");
    xml.writeStartElement(NAMESPACE, "CdtrSchmeId");
    xml.writeStartElement(NAMESPACE, "Id");
    xml.writeStartElement(NAMESPACE, "PrvtId");
    xml.writeStartElement(NAMESPACE, "Othr");
    text(xml, "Id", creditor.creditorId());
    xml.writeStartElement(NAMESPACE, "SchmeNm");
    text(xml, "Prtry", "SEPA");
    xml.writeEndElement(); // SchmeNm
    xml.writeEndElement(); // Othr
    xml.writeEndElement(); // PrvtId
    xml.writeEndElement(); // Id
    xml.writeEndElement(); // CdtrSchmeId
    for (DirectDebitInstruction t : transactions) {
      transaction(xml, t);
    }
    xml.writeEndElement(); // PmtInf
  }

  /** The {@code PmtInfId} of a sequence type's block: the message id and the sequence type. */
  static String paymentInformationId(String messageId, String sequenceType) {
    String suffix = "-" + sequenceType;
    String id = messageId.length() + suffix.length() > 35 ? messageId.substring(0, 30) : messageId;
    return id + suffix;
  }

  private static void transaction(XMLStreamWriter xml, DirectDebitInstruction t)
      throws XMLStreamException {
    xml.writeStartElement(NAMESPACE, "DrctDbtTxInf");
    xml.writeStartElement(NAMESPACE, "PmtId");
    text(xml, "EndToEndId", t.endToEndId());
    xml.writeEndElement();
    xml.writeStartElement(NAMESPACE, "InstdAmt");
    xml.writeAttribute("Ccy", t.currency().getCurrencyCode());
    xml.writeCharacters(amount(t.amount()).toPlainString());
    xml.writeEndElement();
    xml.writeStartElement(NAMESPACE, "DrctDbtTx");
    xml.writeStartElement(NAMESPACE, "MndtRltdInf");
    text(xml, "MndtId", t.mandateId());
    text(xml, "DtOfSgntr", t.mandateSignedOn().toString());
    xml.writeEndElement();
    xml.writeEndElement();
    if (t.debtorBic() == null) {
      xml.writeStartElement(NAMESPACE, "DbtrAgt");
      xml.writeStartElement(NAMESPACE, "FinInstnId");
      xml.writeStartElement(NAMESPACE, "Othr");
      text(xml, "Id", "NOTPROVIDED");
      xml.writeEndElement();
      xml.writeEndElement();
      xml.writeEndElement();
    } else {
      agent(xml, "DbtrAgt", t.debtorBic());
    }
    xml.writeStartElement(NAMESPACE, "Dbtr");
    text(xml, "Nm", t.debtorName());
    xml.writeEndElement();
    account(xml, "DbtrAcct", t.debtorIban());
    xml.writeStartElement(NAMESPACE, "RmtInf");
    text(xml, "Ustrd", t.invoiceNumber());
    xml.writeEndElement();
    xml.writeEndElement(); // DrctDbtTxInf
  }

  private static void account(XMLStreamWriter xml, String element, String iban)
      throws XMLStreamException {
    xml.writeStartElement(NAMESPACE, element);
    xml.writeStartElement(NAMESPACE, "Id");
    text(xml, "IBAN", iban);
    xml.writeEndElement();
    xml.writeEndElement();
  }

  private static void agent(XMLStreamWriter xml, String element, String bic)
      throws XMLStreamException {
    xml.writeStartElement(NAMESPACE, element);
    xml.writeStartElement(NAMESPACE, "FinInstnId");
    text(xml, "BIC", bic);
    xml.writeEndElement();
    xml.writeEndElement();
  }

  private static void text(XMLStreamWriter xml, String element, String value)
      throws XMLStreamException {
    xml.writeStartElement(NAMESPACE, element);
    xml.writeCharacters(value);
    xml.writeEndElement();
  }
}
