package com.telco.billing.protocol.http;

import com.telco.billing.core.creditnote.CreditReason;
import com.telco.billing.core.creditnote.CreditRequest;
import com.telco.billing.core.money.Money;
import com.telco.billing.core.validation.FieldError;
import com.telco.billing.core.validation.Validated;
import com.telco.billing.core.validation.Validator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Body of {@code POST /invoices/{number}/credit-notes}, before validation.
 *
 * @param reason {@code duplicated_charge}, {@code product_unsatisfactory}, {@code order_change},
 *     {@code order_cancellation}, {@code fraudulent_charge}, {@code service_outage} or {@code
 *     other}
 * @param description free text, optional, at most 500 characters
 * @param lines what to credit, at least one, at most {@value #MAX_LINES}
 * @param refund pay back what of the credit exceeds the invoice's remaining amount; default false
 */
public record CreditNoteRequest(
    String reason, String description, List<LineDraft> lines, Boolean refund) {

  static final int MAX_LINES = 500;
  private static final Pattern LINE_ID = Pattern.compile("(.+)-(\\d{1,6})");

  /**
   * One line to credit.
   *
   * @param lineId the invoice line's id as the invoice shows it, {@code <invoice number>-<n>}
   * @param amount the net amount to credit, optional
   * @param quantity the quantity to credit, optional (not with an amount); with neither, the whole
   *     line (what is still creditable of it)
   */
  public record LineDraft(String lineId, MoneyDraft amount, BigDecimal quantity) {}

  /** A validated request. */
  public record Valid(
      CreditReason reason,
      String description,
      List<CreditRequest> lines,
      Currency currency,
      boolean refund) {
    /** What identifies the request for idempotent replays. */
    public String fingerprint() {
      StringBuilder b = new StringBuilder();
      b.append(reason.wire()).append('|').append(description == null ? "" : description);
      b.append('|').append(refund).append('|');
      b.append(currency == null ? "" : currency.getCurrencyCode());
      for (CreditRequest l : lines) {
        b.append('|').append(l.line()).append(':');
        b.append(l.amount() == null ? "" : l.amount().stripTrailingZeros().toPlainString());
        b.append(':');
        b.append(l.quantity() == null ? "" : l.quantity().stripTrailingZeros().toPlainString());
      }
      return b.toString();
    }
  }

  /** The request for invoice {@code invoiceNumber}, or every problem of it. */
  public Validated<Valid> validate(String invoiceNumber) {
    Validator v = new Validator();
    CreditReason parsedReason = null;
    if (v.requireText(reason, "reason")) {
      parsedReason = CreditReason.of(reason).orElse(null);
      v.require(
          parsedReason != null,
          "invalid_reason",
          "reason",
          "reason must be duplicated_charge, product_unsatisfactory, order_change,"
              + " order_cancellation, fraudulent_charge, service_outage or other");
    }
    if (description != null) {
      v.requireFreeText(description, "description", 500);
    }
    List<CreditRequest> parsed = new ArrayList<>();
    Currency currency = null;
    if (lines == null || lines.isEmpty()) {
      v.add(new FieldError("required", "lines", "lines must name at least one line"));
    } else if (lines.size() > MAX_LINES) {
      v.add(new FieldError("too_many", "lines", "at most " + MAX_LINES + " lines"));
    } else {
      for (int i = 0; i < lines.size(); i++) {
        String field = "lines[" + i + "]";
        LineDraft l = lines.get(i);
        if (l == null) {
          v.add(new FieldError("required", field, field + " is required"));
          continue;
        }
        Integer position = null;
        if (v.requireText(l.lineId(), field + ".lineId")) {
          var m = LINE_ID.matcher(l.lineId());
          if (m.matches() && m.group(1).equals(invoiceNumber)) {
            position = Integer.parseInt(m.group(2));
          } else {
            v.add(
                new FieldError(
                    "line_not_found",
                    field + ".lineId",
                    "a line id of this invoice is <invoice number>-<line>"));
          }
        }
        BigDecimal amount = null;
        if (l.amount() != null) {
          Money money = MoneyDraft.parse(v, l.amount(), field + ".amount");
          if (money != null) {
            amount = money.amount();
            if (currency != null && !currency.equals(money.currency())) {
              v.add(
                  new FieldError(
                      "currency_mismatch", field + ".amount.unit", "one currency per request"));
            }
            currency = money.currency();
          }
        }
        if (l.quantity() != null) {
          v.require(
              l.quantity().signum() > 0,
              "invalid_value",
              field + ".quantity",
              field + ".quantity must be positive");
          v.require(
              l.amount() == null,
              "invalid_value",
              field + ".quantity",
              "give an amount or a quantity, not both");
        }
        if (position != null) {
          parsed.add(new CreditRequest(position, amount, l.quantity()));
        }
      }
    }
    if (!v.isValid()) {
      return Validated.invalid(v.errors());
    }
    return Validated.valid(
        new Valid(parsedReason, description, parsed, currency, Boolean.TRUE.equals(refund)));
  }
}
