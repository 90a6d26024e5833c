package com.telco.billing.core.invoice;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Invoice number series and the number format (docs/billing-rules.md, "Invoices": Invoice numbers
 * are unique and sequential without gaps within their series (by default one series per legal
 * entity and year, e.g. {@code INV-2026-000001}), assigned once and never reused).
 *
 * <p>The series key is {@code <legalEntity>-<year>} (e.g. {@code ACME-2026}). Numbers name the
 * legal entity too, {@code INV-<legalEntity>-<year>-<sequence>} (e.g. {@code
 * INV-ACME-2026-000001}), so they are unique across the legal entities of the cluster, not only
 * within one series. The sequence has at least 6 digits (more once past 999999). Assigning the next
 * sequence of a series exactly once is the caller's job (one persistent counter per series).
 */
public final class InvoiceNumbers {

  /** The prefix of every invoice number. */
  public static final String PREFIX = "INV";

  private static final Pattern LEGAL_ENTITY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
  private static final Pattern NUMBER =
      Pattern.compile("INV-([A-Za-z0-9][A-Za-z0-9_.-]{0,63})-(\\d{4})-(\\d{6,})");

  private InvoiceNumbers() {}

  /**
   * One number series: a legal entity and a year.
   *
   * @param legalEntity the legal entity
   * @param year the issue year
   */
  public record Series(String legalEntity, int year) {
    public Series {
      Objects.requireNonNull(legalEntity, "legalEntity");
      if (!LEGAL_ENTITY.matcher(legalEntity).matches()) {
        throw new IllegalArgumentException("legal entity not usable in a number: " + legalEntity);
      }
      if (year < 1000 || year > 9999) {
        throw new IllegalArgumentException("year outside 1000..9999: " + year);
      }
    }

    /** The series key, {@code <legalEntity>-<year>}, e.g. {@code ACME-2026}. */
    public String key() {
      return legalEntity + "-" + year;
    }
  }

  /**
   * A parsed invoice number.
   *
   * @param series the series
   * @param sequence the sequence within the series, {@code >= 1}
   */
  public record InvoiceNumber(Series series, long sequence) {
    public InvoiceNumber {
      Objects.requireNonNull(series, "series");
      if (sequence < 1) {
        throw new IllegalArgumentException("sequence < 1: " + sequence);
      }
    }

    /** The formatted number. */
    @Override
    public String toString() {
      return format(series, sequence);
    }
  }

  /** The series an invoice of {@code legalEntity} issued on {@code issueDate} is numbered in. */
  public static Series seriesOf(String legalEntity, LocalDate issueDate) {
    return new Series(legalEntity, issueDate.getYear());
  }

  /** The series key ({@code ACME-2026}) for {@code legalEntity} and {@code issueDate}. */
  public static String seriesKeyOf(String legalEntity, LocalDate issueDate) {
    return seriesOf(legalEntity, issueDate).key();
  }

  /**
   * The number of the {@code sequence}-th invoice of {@code series}: {@code
   * INV-<legalEntity>-<year>-<sequence, at least 6 digits>}.
   *
   * @throws IllegalArgumentException if {@code sequence < 1}
   */
  public static String format(Series series, long sequence) {
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence < 1: " + sequence);
    }
    return String.format("%s-%s-%04d-%06d", PREFIX, series.legalEntity(), series.year(), sequence);
  }

  /**
   * The series and sequence of a number made by {@link #format}.
   *
   * @throws IllegalArgumentException if {@code number} is not such a number
   */
  public static InvoiceNumber parse(String number) {
    var m = NUMBER.matcher(Objects.requireNonNull(number, "number"));
    if (!m.matches()) {
      throw new IllegalArgumentException("not an invoice number: " + number);
    }
    long sequence;
    try {
      sequence = Long.parseLong(m.group(3));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("sequence out of range: " + number, e);
    }
    return new InvoiceNumber(new Series(m.group(1), Integer.parseInt(m.group(2))), sequence);
  }
}
