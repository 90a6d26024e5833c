package com.telco.billing.protocol.journal;

import java.util.Objects;

/**
 * A service identifier in the journal.
 *
 * @param type the identifier type ({@code MSISDN} or {@code IMSI})
 * @param value the canonical value
 */
public record ServiceIdRecord(String type, String value) {
  public ServiceIdRecord {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
  }
}
