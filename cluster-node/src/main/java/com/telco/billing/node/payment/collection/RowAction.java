package com.telco.billing.node.payment.collection;

import com.telco.billing.protocol.payment.DirectDebitInstruction;
import java.time.LocalDate;
import java.util.Objects;

/** What the driver does with a due row after its {@code CollectDue} was answered (or not). */
public sealed interface RowAction
    permits RowAction.Delete, RowAction.Keep, RowAction.Move, RowAction.HandOver {

  /** The invoice needs no more asking: the row goes. */
  enum Delete implements RowAction {
    INSTANCE
  }

  /** The row stays where it is and is asked again on the next round. */
  enum Keep implements RowAction {
    INSTANCE
  }

  /** The row is written for {@code to}, then deleted where it is: asked again on that date. */
  record Move(LocalDate to) implements RowAction {
    public Move {
      Objects.requireNonNull(to, "to");
    }
  }

  /**
   * The instruction goes to the direct debit sink; the row is deleted once the sink took it (kept
   * if it did not).
   */
  record HandOver(DirectDebitInstruction instruction) implements RowAction {
    public HandOver {
      Objects.requireNonNull(instruction, "instruction");
    }
  }
}
