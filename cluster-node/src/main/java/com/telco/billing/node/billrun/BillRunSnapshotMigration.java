package com.telco.billing.node.billrun;

import com.fasterxml.jackson.databind.JsonNode;
import com.telco.billing.protocol.billrun.journal.BillRunSnapshot;
import org.apache.pekko.serialization.jackson.JacksonMigration;

/**
 * Bill-run snapshots of version 1 were the coordinator's state itself ({@code BillRunState} of this
 * package), of the same shape as a {@link BillRunSnapshot} of version 2. Configured in {@code
 * serialization.conf} for the old class name.
 */
public final class BillRunSnapshotMigration extends JacksonMigration {

  @Override
  public int currentVersion() {
    return 2;
  }

  @Override
  public String transformClassName(int fromVersion, String className) {
    return BillRunSnapshot.class.getName();
  }

  @Override
  public JsonNode transform(int fromVersion, JsonNode json) {
    return json;
  }
}
