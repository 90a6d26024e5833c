package com.telco.billing.node.payment.directdebit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One direct debit file as it is listed: which creditor and collection date, its place among that
 * date's files, its transaction count and control sum.
 *
 * @param fileId {@code DD-<legal entity>-<yyyyMMdd>-<sequence>}, also the file's {@code MsgId}
 * @param sequence 1 for the first file of the legal entity and date, then 2, ...
 * @param numberOfTransactions the file's {@code NbOfTxs}
 * @param controlSum the file's {@code CtrlSum}, exact
 * @param currency EUR
 * @param createdAt the file's {@code CreDtTm}
 * @param complete false while the file is being built (its transactions are claimed, its XML not
 *     yet stored); the next {@code fileDue} completes it with the same content
 */
public record FileSummary(
    String fileId,
    String legalEntity,
    LocalDate collectionDate,
    int sequence,
    int numberOfTransactions,
    BigDecimal controlSum,
    String currency,
    Instant createdAt,
    boolean complete) {
  public FileSummary {
    Objects.requireNonNull(fileId, "fileId");
    Objects.requireNonNull(legalEntity, "legalEntity");
    Objects.requireNonNull(collectionDate, "collectionDate");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
