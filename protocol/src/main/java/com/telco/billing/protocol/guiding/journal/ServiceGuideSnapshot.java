package com.telco.billing.protocol.guiding.journal;

import com.telco.billing.protocol.CborSerializable;
import com.telco.billing.protocol.journal.ServiceIdRecord;
import java.time.Instant;
import java.util.List;

/**
 * A snapshot of a service identifier's guiding entity: every holding the identifier ever had. The
 * entity maps its state to and from it in {@code GuidingJournal}.
 */
public record ServiceGuideSnapshot(Holdings holdings) implements CborSerializable {

  /** The holdings of one identifier, oldest first. */
  public record Holdings(ServiceIdRecord serviceId, List<Holding> holdings) {
    public Holdings {
      holdings = List.copyOf(holdings);
    }
  }

  /**
   * One subscription's holding of the identifier, {@code [from, until)}.
   *
   * @param until when the holding ended, or {@code null} while it lasts
   */
  public record Holding(String accountId, String subscriptionId, Instant from, Instant until) {}
}
