package com.telco.billing.core.creditnote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.invoice.InvoiceNumbers;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CreditNoteNumbersTest {
  @Test
  void ownSeriesPerLegalEntityAndYear() {
    LocalDate day = LocalDate.of(2026, 12, 31);
    assertEquals("CN-ACME-2026", CreditNoteNumbers.seriesKeyOf("ACME", day));
    assertNotEquals(
        InvoiceNumbers.seriesKeyOf("ACME", day), CreditNoteNumbers.seriesKeyOf("ACME", day));
    assertEquals("CN-ACME-2027", CreditNoteNumbers.seriesKeyOf("ACME", day.plusDays(1)));
    String number = CreditNoteNumbers.format(CreditNoteNumbers.seriesOf("ACME", day), 42);
    assertEquals("CN-ACME-2026-000042", number);
    assertEquals(42, CreditNoteNumbers.parse(number).sequence());
    assertEquals("ACME", CreditNoteNumbers.parse(number).series().legalEntity());
    assertTrue(CreditNoteNumbers.isCreditNoteNumber(number));
    assertFalse(CreditNoteNumbers.isCreditNoteNumber("INV-ACME-2026-000042"));
    assertThrows(IllegalArgumentException.class, () -> InvoiceNumbers.parse(number));
    assertThrows(
        IllegalArgumentException.class, () -> CreditNoteNumbers.parse("INV-ACME-2026-000042"));
    assertThrows(
        IllegalArgumentException.class,
        () -> CreditNoteNumbers.format(CreditNoteNumbers.seriesOf("ACME", day), 0));
  }
}
