package com.telco.billing.core.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * A balanced double-entry posting in one currency (docs/billing-rules.md, "Ledger": debits equal
 * credits in each posting, per currency; "Money": amounts at the currency's minor units).
 *
 * @param postingId stable id given by the caller (reprocessing the same event gives the same id)
 * @param kind the money event
 * @param legalEntity the legal entity whose books it is in
 * @param currency the one currency of every line
 * @param date the accounting date
 * @param accountId the customer account
 * @param sourceDocument the invoice, payment, refund, credit note or write-off it records
 * @param lines at least one; debits and credits sum to the same amount
 * @throws IllegalArgumentException when unbalanced, empty or not at the currency's minor units
 */
public record Posting(
    String postingId,
    PostingKind kind,
    String legalEntity,
    Currency currency,
    LocalDate date,
    String accountId,
    String sourceDocument,
    List<PostingLine> lines) {

  public Posting {
    Objects.requireNonNull(postingId, "postingId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(legalEntity, "legalEntity");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(sourceDocument, "sourceDocument");
    lines = List.copyOf(lines);
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("posting " + postingId + " has no line");
    }
    int minor = currency.getDefaultFractionDigits();
    BigDecimal debit = BigDecimal.ZERO;
    BigDecimal credit = BigDecimal.ZERO;
    for (PostingLine line : lines) {
      if (!LedgerAmounts.atMinorUnits(line.amount(), minor)) {
        throw new IllegalArgumentException(
            "posting "
                + postingId
                + ": "
                + line.amount().toPlainString()
                + " is not in minor units of "
                + currency.getCurrencyCode());
      }
      if (line.side() == Side.DEBIT) {
        debit = debit.add(line.amount());
      } else {
        credit = credit.add(line.amount());
      }
    }
    if (debit.compareTo(credit) != 0) {
      throw new IllegalArgumentException(
          "posting "
              + postingId
              + " unbalanced: debit "
              + debit.toPlainString()
              + ", credit "
              + credit.toPlainString());
    }
  }

  /** Sum of the debit lines (equal to {@link #totalCredit()}). */
  public BigDecimal totalDebit() {
    return total(Side.DEBIT);
  }

  /** Sum of the credit lines. */
  public BigDecimal totalCredit() {
    return total(Side.CREDIT);
  }

  /** Debits less credits of one account (all references), zero when it has no line. */
  public BigDecimal balanceOf(String glAccount) {
    BigDecimal sum = BigDecimal.ZERO;
    for (PostingLine line : lines) {
      if (line.glAccount().equals(glAccount)) {
        sum = sum.add(line.signedAmount());
      }
    }
    return sum;
  }

  private BigDecimal total(Side side) {
    BigDecimal sum = BigDecimal.ZERO;
    for (PostingLine line : lines) {
      if (line.side() == side) {
        sum = sum.add(line.amount());
      }
    }
    return sum;
  }
}
