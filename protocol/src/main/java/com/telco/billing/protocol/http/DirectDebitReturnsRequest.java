package com.telco.billing.protocol.http;

import java.util.List;

/**
 * Body of {@code POST /direct-debits/{fileId}/returns}: the transactions of the file the bank
 * returned, each with its ISO 20022 external return reason code.
 */
public record DirectDebitReturnsRequest(List<Item> returns) {

  /**
   * @param endToEndId the returned transaction's {@code EndToEndId}
   * @param reasonCode e.g. {@code AC04} (closed account), {@code AM04} (insufficient funds), {@code
   *     MD06} (refund requested by the debtor)
   */
  public record Item(String endToEndId, String reasonCode) {}
}
