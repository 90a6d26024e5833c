package com.telco.billing.core.creditnote;

import com.telco.billing.core.invoice.InvoiceDraft;
import com.telco.billing.core.invoice.InvoiceLine;
import com.telco.billing.core.invoice.TaxItem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The amounts of a credit note (docs/billing-rules.md, "Credit notes and adjustments"):
 *
 * <ul>
 *   <li>A credit note credits lines of one invoice: per line at most its net amount less what
 *       earlier credit notes credited of it; lines with a net amount of zero or less (discounts,
 *       credits) are not creditable. Over all its credit notes an invoice is never credited more
 *       net than its own net total.
 *   <li>A line is credited by amount, by quantity ({@code HALF_UP(net * quantity / line quantity)}
 *       to the currency's minor units), or, with neither, by all that is still creditable of it.
 *   <li>Tax is computed per rate like an invoice's, on the credited net amounts: each line has the
 *       rate its tax category had on the invoice. So that the credit notes of an invoice together
 *       reverse exactly {@code HALF_UP(sum credited net at the rate * rate)}, a credit note's tax
 *       at a rate is that of all credits of the invoice at the rate so far less that of the earlier
 *       ones; crediting a whole invoice reverses exactly its tax.
 * </ul>
 *
 * Pure: the caller passes the invoice and the lines its earlier credit notes credited.
 */
public final class CreditNoteCalculator {
  private CreditNoteCalculator() {}

  public static final String LINE_NOT_FOUND = "line_not_found";
  public static final String LINE_NOT_CREDITABLE = "line_not_creditable";
  public static final String CREDIT_EXCEEDS_LINE = "credit_exceeds_line";
  public static final String CREDIT_EXCEEDS_INVOICE = "credit_exceeds_invoice";
  public static final String INVALID_VALUE = "invalid_value";
  public static final String AMOUNT_PRECISION = "amount_precision";
  public static final String AMOUNT_NOT_POSITIVE = "amount_not_positive";

  /** The outcome: the credit note's amounts, or why it cannot be issued. */
  public sealed interface Result permits Computed, Refused {}

  public record Computed(CreditNoteDraft draft) implements Result {}

  /**
   * @param code a stable refusal code (the constants of this class)
   * @param field the request field, e.g. {@code lines[0].amount}
   */
  public record Refused(String code, String field, String message) implements Result {}

  /**
   * The credit note of {@code requests} against {@code invoice}, after the credit notes whose lines
   * are {@code earlier}.
   */
  public static Result compute(
      InvoiceDraft invoice, List<CreditedLine> earlier, List<CreditRequest> requests) {
    int minor = invoice.currency().getDefaultFractionDigits();
    BigDecimal zero = BigDecimal.ZERO.setScale(minor);
    if (requests.isEmpty()) {
      return new Refused(INVALID_VALUE, "lines", "a credit note credits at least one line");
    }
    Map<Integer, BigDecimal> creditedBefore = new HashMap<>();
    BigDecimal creditedTotal = zero;
    for (CreditedLine c : earlier) {
      creditedBefore.merge(c.line(), c.amount(), BigDecimal::add);
      creditedTotal = creditedTotal.add(c.amount());
    }
    List<CreditedLine> lines = new ArrayList<>(requests.size());
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < requests.size(); i++) {
      CreditRequest r = requests.get(i);
      String field = "lines[" + i + "]";
      if (r.line() < 1 || r.line() > invoice.lines().size()) {
        return new Refused(LINE_NOT_FOUND, field + ".lineId", "the invoice has no such line");
      }
      if (!seen.add(r.line())) {
        return new Refused(
            INVALID_VALUE, field + ".lineId", "a line is credited at most once per credit note");
      }
      InvoiceLine line = invoice.lines().get(r.line() - 1);
      BigDecimal creditable =
          line.amount().subtract(creditedBefore.getOrDefault(r.line(), BigDecimal.ZERO));
      if (line.amount().signum() <= 0 || creditable.signum() <= 0) {
        return new Refused(
            LINE_NOT_CREDITABLE,
            field + ".lineId",
            line.amount().signum() <= 0
                ? "a line of zero or negative amount cannot be credited"
                : "the line is credited in full already");
      }
      BigDecimal amount;
      if (r.amount() != null && r.quantity() != null) {
        return new Refused(INVALID_VALUE, field, "give an amount or a quantity, not both");
      } else if (r.amount() != null) {
        if (r.amount().signum() <= 0) {
          return new Refused(
              AMOUNT_NOT_POSITIVE, field + ".amount.value", "the amount must be positive");
        }
        if (r.amount().stripTrailingZeros().scale() > minor) {
          return new Refused(
              AMOUNT_PRECISION, field + ".amount.value", "more decimals than the currency has");
        }
        amount = r.amount().setScale(minor);
      } else if (r.quantity() != null) {
        if (line.quantity() == null || line.quantity().signum() <= 0) {
          return new Refused(INVALID_VALUE, field + ".quantity", "the line has no quantity");
        }
        if (r.quantity().signum() <= 0) {
          return new Refused(INVALID_VALUE, field + ".quantity", "the quantity must be positive");
        }
        if (r.quantity().compareTo(line.quantity()) > 0) {
          return new Refused(
              CREDIT_EXCEEDS_LINE, field + ".quantity", "more than the line's quantity");
        }
        amount =
            line.amount()
                .multiply(r.quantity())
                .divide(line.quantity(), minor, RoundingMode.HALF_UP);
        if (amount.signum() <= 0) {
          return new Refused(
              AMOUNT_NOT_POSITIVE, field + ".quantity", "the quantity credits nothing");
        }
      } else {
        amount = creditable.setScale(minor);
      }
      if (amount.compareTo(creditable) > 0) {
        return new Refused(
            CREDIT_EXCEEDS_LINE,
            r.amount() != null ? field + ".amount.value" : field + ".quantity",
            "more than the line's net amount less earlier credit notes of it");
      }
      lines.add(
          new CreditedLine(r.line(), line.description(), line.taxCategory(), r.quantity(), amount));
    }
    BigDecimal net = zero;
    for (CreditedLine l : lines) {
      net = net.add(l.amount());
    }
    if (creditedTotal.add(net).compareTo(invoice.taxExcludedAmount()) > 0) {
      return new Refused(
          CREDIT_EXCEEDS_INVOICE,
          "lines",
          "the invoice's credit notes would credit more than its net total");
    }
    List<TaxItem> taxItems = tax(invoice, earlier, lines, minor);
    BigDecimal tax = zero;
    for (TaxItem t : taxItems) {
      tax = tax.add(t.taxAmount());
    }
    return new Computed(new CreditNoteDraft(lines, taxItems, net, tax, net.add(tax)));
  }

  /** What is still creditable of each line of {@code invoice} after {@code earlier}, by line. */
  public static Map<Integer, BigDecimal> creditable(
      InvoiceDraft invoice, List<CreditedLine> earlier) {
    Map<Integer, BigDecimal> left = new TreeMap<>();
    for (int i = 0; i < invoice.lines().size(); i++) {
      left.put(i + 1, invoice.lines().get(i).amount().max(BigDecimal.ZERO));
    }
    for (CreditedLine c : earlier) {
      left.computeIfPresent(c.line(), (k, v) -> v.subtract(c.amount()).max(BigDecimal.ZERO));
    }
    return left;
  }

  private static List<TaxItem> tax(
      InvoiceDraft invoice, List<CreditedLine> earlier, List<CreditedLine> lines, int minor) {
    Map<BigDecimal, BigDecimal> before = new TreeMap<>();
    for (CreditedLine c : earlier) {
      rateOf(invoice, c.taxCategory()).ifPresent(r -> before.merge(r, c.amount(), BigDecimal::add));
    }
    Map<BigDecimal, BigDecimal> base = new TreeMap<>();
    Map<BigDecimal, Set<String>> categories = new TreeMap<>();
    for (CreditedLine c : lines) {
      Optional<BigDecimal> rate = rateOf(invoice, c.taxCategory());
      if (rate.isPresent()) {
        base.merge(rate.get(), c.amount(), BigDecimal::add);
        categories.computeIfAbsent(rate.get(), k -> new TreeSet<>()).add(c.taxCategory());
      }
    }
    List<TaxItem> items = new ArrayList<>();
    base.forEach(
        (rate, amount) -> {
          BigDecimal prior = before.getOrDefault(rate, BigDecimal.ZERO);
          BigDecimal tax =
              taxOf(prior.add(amount), rate, minor).subtract(taxOf(prior, rate, minor));
          items.add(new TaxItem(List.copyOf(categories.get(rate)), rate, amount, tax));
        });
    return items;
  }

  private static BigDecimal taxOf(BigDecimal base, BigDecimal rate, int minor) {
    return base.multiply(rate).setScale(minor, RoundingMode.HALF_UP);
  }

  /** The rate {@code category} had on the invoice; none on a tax-exempt invoice. */
  static Optional<BigDecimal> rateOf(InvoiceDraft invoice, String category) {
    for (TaxItem t : invoice.taxItems()) {
      if (t.taxCategories().contains(category)) {
        return Optional.of(t.rate());
      }
    }
    return Optional.empty();
  }
}
