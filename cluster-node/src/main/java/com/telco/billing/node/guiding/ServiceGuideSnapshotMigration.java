package com.telco.billing.node.guiding;

import com.fasterxml.jackson.databind.JsonNode;
import com.telco.billing.protocol.guiding.journal.ServiceGuideSnapshot;
import org.apache.pekko.serialization.jackson.JacksonMigration;

/**
 * Guiding snapshots of version 1 were the entity's state itself ({@code ServiceGuideState} of this
 * package), of the same shape as a {@link ServiceGuideSnapshot} of version 2. Configured in {@code
 * serialization.conf} for the old class name.
 */
public final class ServiceGuideSnapshotMigration extends JacksonMigration {

  @Override
  public int currentVersion() {
    return 2;
  }

  @Override
  public String transformClassName(int fromVersion, String className) {
    return ServiceGuideSnapshot.class.getName();
  }

  @Override
  public JsonNode transform(int fromVersion, JsonNode json) {
    return json;
  }
}
