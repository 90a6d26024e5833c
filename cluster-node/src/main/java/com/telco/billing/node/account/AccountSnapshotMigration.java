package com.telco.billing.node.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.telco.billing.protocol.account.journal.AccountSnapshot;
import org.apache.pekko.serialization.jackson.JacksonMigration;

/**
 * Account snapshots of version 1 were the entity's state itself ({@code AccountState.Open} and
 * {@code AccountState.Unopened} of this package), of the same shape as an {@link AccountSnapshot}
 * of version 2; the oldest of them, taken before invoicing existed, have neither billing history
 * nor invoices, which are read as none. Configured in {@code serialization.conf} for both old class
 * names. Version 3 added the receivable history to {@link AccountSnapshot.Open} (also configured
 * for it): older snapshots read it as their kept invoices, opened and unpaid.
 */
public final class AccountSnapshotMigration extends JacksonMigration {

  @Override
  public int currentVersion() {
    return 3;
  }

  @Override
  public String transformClassName(int fromVersion, String className) {
    if (className.startsWith(AccountSnapshot.class.getName())) {
      return className;
    }
    return className.endsWith("$Unopened")
        ? AccountSnapshot.Unopened.class.getName()
        : AccountSnapshot.Open.class.getName();
  }

  @Override
  public JsonNode transform(int fromVersion, JsonNode json) {
    if (json instanceof ObjectNode open) {
      if (!open.hasNonNull("billing")) {
        open.set("billing", neverInvoiced());
      }
      if (!open.hasNonNull("invoices")) {
        open.set("invoices", JsonNodeFactory.instance.arrayNode());
      }
      if (!open.hasNonNull("receivables")) {
        open.set("receivables", receivablesOf(open.get("invoices")));
      }
    }
    return json;
  }

  /**
   * The receivable history of a snapshot taken before receivables were kept: each kept invoice
   * opened, unpaid (nothing could be paid then).
   */
  static ArrayNode receivablesOf(JsonNode invoices) {
    ArrayNode facts = JsonNodeFactory.instance.arrayNode();
    for (JsonNode issued : invoices) {
      JsonNode invoice = issued.get("invoice");
      ObjectNode fact = facts.addObject();
      fact.put("fact", "invoice_opened");
      fact.set("number", issued.get("number"));
      fact.set("issueDate", invoice.get("issueDate"));
      fact.set("dueDate", invoice.get("dueDate"));
      fact.set("total", invoice.get("taxIncludedAmount"));
    }
    return facts;
  }

  /** The billing history of an account never invoiced. */
  private static ObjectNode neverInvoiced() {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode history = nodes.objectNode();
    history.putNull("firstPeriodStart");
    history.putNull("lastCycleDate");
    history.set("recentPeriods", nodes.arrayNode());
    history.set("charges", nodes.arrayNode());
    history.set("periodsCharged", nodes.objectNode());
    history.set("oneTimeCharges", nodes.arrayNode());
    history.set("billedUsage", nodes.objectNode());
    return history;
  }
}
