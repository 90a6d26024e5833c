package com.telco.billing.protocol.http;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Body of {@code GET /direct-debits}: one page of direct debit files, by legal entity, collection
 * date and sequence.
 *
 * @param count the files on this page
 * @param files the files
 * @param nextCursor the {@code cursor} of the next page; null on the last page
 */
public record DirectDebitFileList(int count, List<File> files, String nextCursor) {

  public static DirectDebitFileList of(List<File> files, String nextCursor) {
    return new DirectDebitFileList(files.size(), List.copyOf(files), nextCursor);
  }

  /**
   * One pain.008 file.
   *
   * @param fileId its id, also its {@code MsgId}; {@code GET /direct-debits/{fileId}} serves it
   * @param legalEntity the creditor's legal entity
   * @param collectionDate the requested collection date
   * @param sequence its place among the files of that legal entity and date (1, 2, ...)
   * @param numberOfTransactions its {@code NbOfTxs}
   * @param controlSum its {@code CtrlSum}; null while it is being built
   * @param currency EUR; null while it is being built
   * @param createdAt its {@code CreDtTm}
   * @param status {@code complete}, or {@code building} while it is built
   */
  public record File(
      String fileId,
      String legalEntity,
      LocalDate collectionDate,
      int sequence,
      int numberOfTransactions,
      BigDecimal controlSum,
      String currency,
      Instant createdAt,
      String status) {}
}
