package com.telco.billing.loadgen;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The check of {@code bench payments}: every invoice settled exactly once. Compares the invoices
 * the bill run issued with the gateway's record of captures: one capture per invoice, of the
 * invoice's total in its currency, no capture of anything else, and the sum of the captures equal
 * to the sum of the invoice totals. All amounts in the currency's minor units ({@code long}), as
 * the gateway records them.
 */
final class SettleCheck {
  private static final int MAX_PROBLEMS = 20;

  private SettleCheck() {}

  /** An issued invoice: its number, account and total in minor units. */
  record Invoice(String number, String accountId, long totalMinor) {}

  /**
   * One capture as the gateway recorded it: the invoice of its metadata, the amount in minor units
   * and the currency as the gateway writes it (lower case).
   */
  record Captured(String invoice, long amountMinor, String currency) {}

  /**
   * What the check found.
   *
   * @param invoices invoices expected to be collected
   * @param listedTwice invoice numbers given more than once (counted once)
   * @param settledOnce invoices with exactly one capture, of their total
   * @param notCaptured invoices without a capture
   * @param capturedTwice invoices with more than one capture
   * @param wrongAmount invoices whose one capture is not of their total (or not in their currency)
   * @param strayCaptures captures of no invoice of the set
   * @param invoicedMinor the sum of the invoice totals
   * @param capturedMinor the sum of all captures
   * @param problems the first problems, described
   */
  record Result(
      long invoices,
      long listedTwice,
      long settledOnce,
      long notCaptured,
      long capturedTwice,
      long wrongAmount,
      long strayCaptures,
      long invoicedMinor,
      long capturedMinor,
      List<String> problems) {
    /** Every invoice settled exactly once and the sums equal. */
    boolean passed() {
      return settledOnce == invoices
          && listedTwice == 0
          && notCaptured == 0
          && capturedTwice == 0
          && wrongAmount == 0
          && strayCaptures == 0
          && invoicedMinor == capturedMinor;
    }
  }

  /** Checks {@code captures} against {@code invoices}, all in {@code currency}. */
  static Result check(
      Collection<Invoice> invoices, Collection<Captured> captures, Currency currency) {
    String code = currency.getCurrencyCode().toLowerCase(Locale.ROOT);
    List<String> problems = new ArrayList<>();
    Map<String, Invoice> byNumber = new HashMap<>();
    long invoicedMinor = 0;
    long listedTwice = 0;
    for (Invoice invoice : invoices) {
      if (byNumber.putIfAbsent(invoice.number(), invoice) != null) {
        listedTwice++;
        note(problems, "invoice " + invoice.number() + " listed twice");
        continue;
      }
      invoicedMinor = Math.addExact(invoicedMinor, invoice.totalMinor());
    }
    Map<String, List<Captured>> byInvoice = new HashMap<>();
    long capturedMinor = 0;
    long stray = 0;
    for (Captured capture : captures) {
      capturedMinor = Math.addExact(capturedMinor, capture.amountMinor());
      if (capture.invoice() == null || !byNumber.containsKey(capture.invoice())) {
        stray++;
        note(
            problems,
            "a capture of "
                + capture.amountMinor()
                + " "
                + capture.currency()
                + " for no invoice of the run: "
                + capture.invoice());
        continue;
      }
      byInvoice.computeIfAbsent(capture.invoice(), k -> new ArrayList<>(1)).add(capture);
    }
    long once = 0;
    long none = 0;
    long twice = 0;
    long wrong = 0;
    for (Invoice invoice : byNumber.values()) {
      List<Captured> of = byInvoice.getOrDefault(invoice.number(), List.of());
      if (of.isEmpty()) {
        none++;
        note(problems, invoice.number() + " (" + invoice.accountId() + ") was never captured");
      } else if (of.size() > 1) {
        twice++;
        note(
            problems,
            invoice.number() + " (" + invoice.accountId() + ") captured " + of.size() + " times");
      } else {
        Captured capture = of.get(0);
        if (capture.amountMinor() != invoice.totalMinor() || !code.equals(capture.currency())) {
          wrong++;
          note(
              problems,
              invoice.number()
                  + " ("
                  + invoice.accountId()
                  + ") total "
                  + invoice.totalMinor()
                  + " "
                  + code
                  + ", captured "
                  + capture.amountMinor()
                  + " "
                  + capture.currency());
        } else {
          once++;
        }
      }
    }
    if (invoicedMinor != capturedMinor) {
      note(
          problems, "captured " + capturedMinor + " minor units in all, invoiced " + invoicedMinor);
    }
    return new Result(
        byNumber.size(),
        listedTwice,
        once,
        none,
        twice,
        wrong,
        stray,
        invoicedMinor,
        capturedMinor,
        List.copyOf(problems));
  }

  /**
   * An exact amount in minor units of {@code currency} (EUR 12.50: 1250); an amount with more
   * decimals than the currency has is refused, never rounded.
   */
  static long minorUnits(BigDecimal amount, Currency currency) {
    return amount.movePointRight(currency.getDefaultFractionDigits()).longValueExact();
  }

  /** Minor units written as the currency's decimal amount (1250 EUR: "12.50"). */
  static String major(long minor, Currency currency) {
    return BigDecimal.valueOf(minor, currency.getDefaultFractionDigits()).toPlainString();
  }

  private static void note(List<String> problems, String problem) {
    if (problems.size() < MAX_PROBLEMS) {
      problems.add(problem);
    }
  }
}
