package com.telco.billing.node.audit;

import com.telco.billing.node.audit.AuditStore.Filter;
import com.telco.billing.node.audit.AuditStore.Page;
import com.telco.billing.node.audit.AuditStore.Position;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only audit trail of mutating requests (docs/security.md, "Audit trail"): the edge
 * records an entry for each before it answers, auditors page through them.
 */
public final class AuditTrail {
  private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

  private final AuditStore store;
  private final AuditSettings settings;
  private final AtomicLong failedWrites = new AtomicLong();

  public AuditTrail(AuditStore store, AuditSettings settings) {
    this.store = store;
    this.settings = settings;
  }

  public AuditSettings settings() {
    return settings;
  }

  /**
   * Appends {@code entry}; completes with whether it was written. A failure is never passed on: it
   * is logged (without the caller's reason, which is free text) and counted ({@link
   * #failedWrites}), and the caller decides what the request's answer becomes.
   */
  public CompletionStage<Boolean> record(AuditEntry entry) {
    return store
        .append(entry)
        .handle(
            (done, failure) -> {
              if (failure == null) {
                return true;
              }
              long failures = failedWrites.incrementAndGet();
              log.error(
                  "AUDIT ENTRY NOT WRITTEN for request {} ({} {} -> {}, subject {}); {} audit"
                      + " writes failed since start",
                  entry.requestId(),
                  entry.method(),
                  entry.endpoint() == null ? entry.path() : entry.endpoint(),
                  entry.status(),
                  entry.subject(),
                  failures,
                  failure);
              return false;
            });
  }

  /** How many entries could not be written since this node started. */
  public long failedWrites() {
    return failedWrites.get();
  }

  /** One page of entries: see {@link AuditStore#page}, bounded by the settings. */
  public CompletionStage<Page> page(
      Instant from, Instant to, Filter filter, Position after, int limit) {
    return store.page(from, to, filter, after, limit, settings.maxScannedRows());
  }
}
