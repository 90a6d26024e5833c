package com.telco.billing.protocol.http;

import java.time.Instant;
import java.util.List;

/**
 * Answer to {@code POST /direct-debits/{fileId}/returns}: each return as recorded (a return posted
 * again answers what was recorded the first time).
 */
public record DirectDebitReturnsResponse(String fileId, int count, List<Item> returns) {

  public static DirectDebitReturnsResponse of(String fileId, List<Item> returns) {
    return new DirectDebitReturnsResponse(fileId, returns.size(), List.copyOf(returns));
  }

  /**
   * @param endToEndId the returned transaction
   * @param reasonCode the reason recorded
   * @param outcome {@code reversed} (the payment reversed, its invoice reopened) or {@code
   *     already_reversed}
   * @param recordedAt when the return was recorded
   */
  public record Item(String endToEndId, String reasonCode, String outcome, Instant recordedAt) {}
}
