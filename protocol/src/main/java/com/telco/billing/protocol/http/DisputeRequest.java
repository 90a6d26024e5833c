package com.telco.billing.protocol.http;

import com.telco.billing.core.money.Money;
import com.telco.billing.core.validation.Validated;
import com.telco.billing.core.validation.Validator;

/**
 * Body of {@code POST /invoices/{number}/disputes}: the amount the customer disputes and why,
 * before validation (docs/adjustments.md).
 *
 * @param amount TMF Money in the account's currency, at most what the invoice still owes and is not
 *     on hold already (the account checks)
 * @param reason why, at most 500 characters
 */
public record DisputeRequest(MoneyDraft amount, String reason) {

  public static final int MAX_REASON_LENGTH = 500;

  public Validated<Valid> validate() {
    Validator v = new Validator();
    Money money = MoneyDraft.parse(v, amount, "amount");
    v.requireFreeText(reason, "reason", MAX_REASON_LENGTH);
    if (!v.isValid()) {
      return Validated.invalid(v.errors());
    }
    return Validated.valid(new Valid(money, reason.strip()));
  }

  /** A validated dispute. */
  public record Valid(Money amount, String reason) {
    /** What identifies the request for idempotent replays. */
    public String fingerprint() {
      return String.join(
          "|", amount.amount().toPlainString(), amount.currency().getCurrencyCode(), reason);
    }
  }
}
