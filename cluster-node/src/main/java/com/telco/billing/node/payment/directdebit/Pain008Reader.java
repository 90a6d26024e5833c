package com.telco.billing.node.payment.directdebit;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a {@code pain.008.001.02} back: its group header, each payment information block with its
 * stated count and sum, and its transactions. For tests and for checking a file before it leaves
 * (the stated sums against the amounts). Only the elements {@link Pain008Writer} writes are read;
 * elements of another namespace are refused. DTDs and external entities are never resolved.
 */
public final class Pain008Reader {
  private Pain008Reader() {}

  /** A whole file. */
  public record Document(
      String messageId,
      LocalDateTime createdAt,
      int numberOfTransactions,
      BigDecimal controlSum,
      String initiatingParty,
      List<PaymentInformation> paymentInformation) {

    /** Every transaction, block after block. */
    public List<Transaction> transactions() {
      return paymentInformation.stream().flatMap(p -> p.transactions().stream()).toList();
    }
  }

  /** One {@code PmtInf}. */
  public record PaymentInformation(
      String id,
      String method,
      int numberOfTransactions,
      BigDecimal controlSum,
      String serviceLevel,
      String localInstrument,
      String sequenceType,
      LocalDate collectionDate,
      String creditorName,
      String creditorIban,
      String creditorBic,
      String chargeBearer,
      String creditorSchemeId,
      List<Transaction> transactions) {}

  /** One {@code DrctDbtTxInf}. */
  public record Transaction(
      String endToEndId,
      BigDecimal amount,
      String currency,
      String mandateId,
      LocalDate mandateSignedOn,
      String debtorBic,
      String debtorName,
      String debtorIban,
      String remittance) {}

  private static final XMLInputFactory FACTORY = newFactory();

  private static XMLInputFactory newFactory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    return factory;
  }

  /**
   * @throws IllegalArgumentException when the bytes are not well-formed XML or not a
   *     pain.008.001.02
   */
  public static Document read(byte[] xml) {
    try {
      XMLStreamReader reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
      try {
        return new Parse(reader).document();
      } finally {
        reader.close();
      }
    } catch (XMLStreamException e) {
      throw new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
    }
  }

  /** Collects the text of leaf elements by their path below the current block. */
  private static final class Parse {
    private final XMLStreamReader reader;
    private final Deque<String> path = new ArrayDeque<>();

    Parse(XMLStreamReader reader) {
      this.reader = reader;
    }

    Document document() throws XMLStreamException {
      Map<String, String> header = new HashMap<>();
      List<PaymentInformation> blocks = new ArrayList<>();
      Map<String, String> block = null;
      List<Transaction> transactions = null;
      Map<String, String> transaction = null;
      boolean root = false;
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          String ns = reader.getNamespaceURI();
          if (!Pain008Writer.NAMESPACE.equals(ns)) {
            throw new IllegalArgumentException(
                "element " + reader.getLocalName() + " is not in the pain.008.001.02 namespace");
          }
          String name = reader.getLocalName();
          if (!root) {
            if (!name.equals("Document")) {
              throw new IllegalArgumentException("the root element is not Document");
            }
            root = true;
          }
          path.addLast(name);
          if (name.equals("PmtInf")) {
            block = new HashMap<>();
            transactions = new ArrayList<>();
          } else if (name.equals("DrctDbtTxInf")) {
            transaction = new HashMap<>();
            transaction.put("Ccy", "");
          } else if (name.equals("InstdAmt")) {
            String ccy = reader.getAttributeValue(XMLConstants.NULL_NS_URI, "Ccy");
            if (transaction != null) {
              transaction.put("Ccy", ccy);
            }
          }
        } else if (event == XMLStreamConstants.CHARACTERS && !reader.isWhiteSpace()) {
          String key =
              relative(transaction != null ? "DrctDbtTxInf" : block != null ? "PmtInf" : "GrpHdr");
          Map<String, String> into =
              transaction != null ? transaction : block != null ? block : header;
          into.merge(key, reader.getText(), String::concat);
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          String name = path.removeLast();
          if (name.equals("DrctDbtTxInf") && transaction != null && transactions != null) {
            transactions.add(transaction(transaction));
            transaction = null;
          } else if (name.equals("PmtInf") && block != null) {
            blocks.add(block(block, transactions));
            block = null;
          }
        }
      }
      return new Document(
          required(header, "MsgId"),
          LocalDateTime.parse(required(header, "CreDtTm")),
          Integer.parseInt(required(header, "NbOfTxs")),
          new BigDecimal(required(header, "CtrlSum")),
          header.get("InitgPty/Nm"),
          List.copyOf(blocks));
    }

    /** The path below the nearest {@code anchor}, e.g. {@code PmtTpInf/SvcLvl/Cd}. */
    private String relative(String anchor) {
      List<String> names = new ArrayList<>(path);
      int at = names.lastIndexOf(anchor);
      return String.join("/", names.subList(at + 1, names.size()));
    }

    private static PaymentInformation block(Map<String, String> b, List<Transaction> txs) {
      return new PaymentInformation(
          required(b, "PmtInfId"),
          required(b, "PmtMtd"),
          Integer.parseInt(required(b, "NbOfTxs")),
          new BigDecimal(required(b, "CtrlSum")),
          b.get("PmtTpInf/SvcLvl/Cd"),
          b.get("PmtTpInf/LclInstrm/Cd"),
          required(b, "PmtTpInf/SeqTp"),
          LocalDate.parse(required(b, "ReqdColltnDt")),
          b.get("Cdtr/Nm"),
          b.get("CdtrAcct/Id/IBAN"),
          b.get("CdtrAgt/FinInstnId/BIC"),
          b.get("ChrgBr"),
          b.get("CdtrSchmeId/Id/PrvtId/Othr/Id"),
          List.copyOf(txs));
    }

    private static Transaction transaction(Map<String, String> t) {
      String bic = t.get("DbtrAgt/FinInstnId/BIC");
      return new Transaction(
          required(t, "PmtId/EndToEndId"),
          new BigDecimal(required(t, "InstdAmt")),
          t.get("Ccy"),
          required(t, "DrctDbtTx/MndtRltdInf/MndtId"),
          LocalDate.parse(required(t, "DrctDbtTx/MndtRltdInf/DtOfSgntr")),
          bic != null ? bic : t.get("DbtrAgt/FinInstnId/Othr/Id"),
          t.get("Dbtr/Nm"),
          required(t, "DbtrAcct/Id/IBAN"),
          t.get("RmtInf/Ustrd"));
    }

    private static String required(Map<String, String> values, String key) {
      String value = values.get(key);
      if (value == null) {
        throw new IllegalArgumentException("missing " + key);
      }
      return value;
    }
  }
}
