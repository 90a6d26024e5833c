package com.telco.billing.node.account;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.telco.billing.protocol.CborSerializable;
import com.telco.billing.protocol.account.AccountEvent;
import com.telco.billing.protocol.account.AccountEvent.InvoiceIssued;
import com.telco.billing.protocol.account.AccountEvent.InvoiceIssuedWithHistory;
import java.io.IOException;
import org.apache.pekko.serialization.jackson.JacksonMigration;

/**
 * {@link InvoiceIssued} version 2 has no billing history. Version 1 had an optional one: the first
 * journals wrote the invoice and the history after it in one event, later ones a {@code
 * BillPeriodClosed} with the history before an {@code InvoiceIssued} without it. A version 1 event
 * is read as an {@link InvoiceIssuedWithHistory} when it carries the history, else as an {@code
 * InvoiceIssued}. Configured in {@code serialization.conf}.
 */
public final class InvoiceIssuedMigration extends JacksonMigration {

  @Override
  public int currentVersion() {
    return 2;
  }

  @Override
  public String transformClassName(int fromVersion, String className) {
    return Version1.class.getName();
  }

  @Override
  public JsonNode transform(int fromVersion, JsonNode json) {
    return json;
  }

  /**
   * What a version 1 {@code InvoiceIssued} is read as: one of two events, chosen by its content
   * (the class to read is chosen before the content is seen). No value has this type.
   */
  @JsonDeserialize(using = Version1Reader.class)
  public interface Version1 extends CborSerializable {}

  /** Reads a version 1 {@code InvoiceIssued} as the event it is now. */
  static final class Version1Reader extends StdDeserializer<AccountEvent> {
    private static final long serialVersionUID = 1L;

    Version1Reader() {
      super(AccountEvent.class);
    }

    @Override
    public AccountEvent deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      ObjectNode event = parser.readValueAsTree();
      JsonNode history = event.remove("billingAfter");
      if (history == null || history.isNull()) {
        return context.readTreeAsValue(event, InvoiceIssued.class);
      }
      event.set("billingAfter", history);
      return context.readTreeAsValue(event, InvoiceIssuedWithHistory.class);
    }
  }
}
