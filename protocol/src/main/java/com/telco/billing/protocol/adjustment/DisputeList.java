package com.telco.billing.protocol.adjustment;

import com.telco.billing.protocol.CborSerializable;
import com.telco.billing.protocol.http.MoneyValue;
import java.util.List;

/**
 * The disputes of an invoice, oldest first.
 *
 * @param remaining what the invoice still owes
 * @param onHold the part of it on hold by its disputes (TMF678 {@code onHold})
 */
public record DisputeList(
    String invoiceNumber, MoneyValue remaining, MoneyValue onHold, List<DisputeView> disputes)
    implements CborSerializable {
  public DisputeList {
    disputes = List.copyOf(disputes);
  }
}
