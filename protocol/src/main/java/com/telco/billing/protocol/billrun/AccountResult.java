package com.telco.billing.protocol.billrun;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** What closing one account's period gave, as the bill run counts it. */
public sealed interface AccountResult
    permits AccountResult.Invoiced, AccountResult.Skipped, AccountResult.Failed {

  String accountId();

  /**
   * The period is invoiced.
   *
   * @param currency the invoice's currency
   * @param amount the invoice's tax-included amount
   * @param number the invoice number
   * @param issuedAt when the invoice was issued (a later pass of a cycle date counts an invoice
   *     issued before it started as already there, not as its own)
   */
  record Invoiced(
      String accountId, String currency, BigDecimal amount, String number, Instant issuedAt)
      implements AccountResult {
    public Invoiced {
      Objects.requireNonNull(accountId, "accountId");
      Objects.requireNonNull(currency, "currency");
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(number, "number");
      Objects.requireNonNull(issuedAt, "issuedAt");
    }
  }

  /** The period is closed without an invoice of this run; {@code reason} says why. */
  record Skipped(String accountId, String reason) implements AccountResult {
    public Skipped {
      Objects.requireNonNull(accountId, "accountId");
    }
  }

  /** The period could not be closed; {@code reason} says why. It is retried. */
  record Failed(String accountId, String reason) implements AccountResult {
    public Failed {
      Objects.requireNonNull(accountId, "accountId");
    }
  }
}
