package com.telco.billing.node.invoice;

import com.fasterxml.jackson.databind.JsonNode;
import com.telco.billing.protocol.invoice.journal.SeriesSnapshot;
import org.apache.pekko.serialization.jackson.JacksonMigration;

/**
 * Invoice series snapshots of version 1 were the series' state itself ({@code
 * InvoiceSeriesEntity$State}), of the same shape as a {@link SeriesSnapshot} of version 2.
 * Configured in {@code serialization.conf} for the old class name.
 */
public final class SeriesSnapshotMigration extends JacksonMigration {

  @Override
  public int currentVersion() {
    return 2;
  }

  @Override
  public String transformClassName(int fromVersion, String className) {
    return SeriesSnapshot.class.getName();
  }

  @Override
  public JsonNode transform(int fromVersion, JsonNode json) {
    return json;
  }
}
