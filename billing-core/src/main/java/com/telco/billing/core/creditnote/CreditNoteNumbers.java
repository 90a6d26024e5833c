package com.telco.billing.core.creditnote;

import com.telco.billing.core.invoice.InvoiceNumbers;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Credit note numbers (docs/billing-rules.md, "Credit notes and adjustments": credit notes have
 * their own gap-free series per legal entity and year). Formatted like invoice numbers with their
 * own prefix, {@code CN-<legalEntity>-<year>-<sequence, at least 6 digits>} (e.g. {@code
 * CN-ACME-2026-000001}); the series key is {@code CN-<legalEntity>-<year>}, which no invoice series
 * key ({@code <legalEntity>-<year>}) can equal, so one kind of series entity keeps both kinds of
 * sequence apart.
 */
public final class CreditNoteNumbers {

  /** The prefix of every credit note number and series key. */
  public static final String PREFIX = "CN";

  private static final Pattern NUMBER =
      Pattern.compile("CN-([A-Za-z0-9][A-Za-z0-9_.-]{0,63})-(\\d{4})-(\\d{6,})");

  private CreditNoteNumbers() {}

  /** The series a credit note of {@code legalEntity} issued on {@code issueDate} is numbered in. */
  public static InvoiceNumbers.Series seriesOf(String legalEntity, LocalDate issueDate) {
    return InvoiceNumbers.seriesOf(legalEntity, issueDate);
  }

  /** The series key, {@code CN-<legalEntity>-<year>}, e.g. {@code CN-ACME-2026}. */
  public static String seriesKeyOf(String legalEntity, LocalDate issueDate) {
    return PREFIX + "-" + seriesOf(legalEntity, issueDate).key();
  }

  /**
   * The number of the {@code sequence}-th credit note of {@code series}.
   *
   * @throws IllegalArgumentException if {@code sequence < 1}
   */
  public static String format(InvoiceNumbers.Series series, long sequence) {
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence < 1: " + sequence);
    }
    return String.format("%s-%s-%04d-%06d", PREFIX, series.legalEntity(), series.year(), sequence);
  }

  /**
   * The series and sequence of a credit note number.
   *
   * @throws IllegalArgumentException if {@code number} is not a credit note number
   */
  public static InvoiceNumbers.InvoiceNumber parse(String number) {
    var m = NUMBER.matcher(Objects.requireNonNull(number, "number"));
    if (!m.matches()) {
      throw new IllegalArgumentException("not a credit note number: " + number);
    }
    long sequence;
    try {
      sequence = Long.parseLong(m.group(3));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("sequence out of range: " + number, e);
    }
    return new InvoiceNumbers.InvoiceNumber(
        new InvoiceNumbers.Series(m.group(1), Integer.parseInt(m.group(2))), sequence);
  }

  /** Whether {@code number} is a credit note number. */
  public static boolean isCreditNoteNumber(String number) {
    return number != null && NUMBER.matcher(number).matches();
  }
}
