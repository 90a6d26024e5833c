package com.telco.billing.core.adjustment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.telco.billing.core.invoice.FeeCharge;
import com.telco.billing.core.invoice.LineType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link OneOffCharges}: pending until an invoice bills them, each billed once. */
class OneOffChargesTest {
  static final LocalDate DAY = LocalDate.of(2026, 12, 3);

  static OneOffCharge charge(String id, String amount) {
    return new OneOffCharge(
        id, DAY, new BigDecimal(amount), "Replacement SIM", "STANDARD", "4100-SIM", null);
  }

  @Test
  void pendingChargesAreTheNextInvoicesAdjustmentFeesInTheOrderCharged() {
    OneOffCharges charges =
        OneOffCharges.NONE.add(charge("CH-1", "12.50")).add(charge("CH-2", "1"));
    List<FeeCharge> fees = charges.pendingFees();
    assertEquals(List.of("CH-1", "CH-2"), fees.stream().map(FeeCharge::feeId).toList());
    FeeCharge fee = fees.get(0);
    assertEquals(LineType.ADJUSTMENT, fee.type());
    assertEquals("4100-SIM", fee.lineGlCode());
    assertEquals("STANDARD", fee.taxCategory());
    assertEquals(DAY, fee.date());
    assertEquals(0, new BigDecimal("12.50").compareTo(fee.amount()));
  }

  @Test
  void anInvoiceBillsThePendingOnesOnce() {
    OneOffCharges charges =
        OneOffCharges.NONE.add(charge("CH-1", "12.50")).add(charge("CH-2", "1"));
    OneOffCharges billed = charges.billed("INV-1", List.of("CH-1", "CH-9"));
    assertEquals(List.of("CH-2"), billed.pending().stream().map(OneOffCharge::chargeId).toList());
    assertEquals("INV-1", billed.charge("CH-1").orElseThrow().invoiceNumber());
    // billed once: a later invoice naming it again does not move it
    OneOffCharges again = billed.billed("INV-2", List.of("CH-1", "CH-2"));
    assertEquals("INV-1", again.charge("CH-1").orElseThrow().invoiceNumber());
    assertEquals("INV-2", again.charge("CH-2").orElseThrow().invoiceNumber());
    assertEquals(List.of(), again.pendingFees());
  }

  @Test
  void aKnownIdChangesNothingAndAChargeIsPositive() {
    OneOffCharges charges = OneOffCharges.NONE.add(charge("CH-1", "12.50"));
    assertSame(charges, charges.add(charge("CH-1", "99.00")));
    assertThrows(IllegalArgumentException.class, () -> charge("CH-2", "0.00"));
  }
}
