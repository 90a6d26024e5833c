package com.telco.billing.node.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.telco.billing.core.receivable.OpenItem;
import com.telco.billing.node.invoice.render.InvoiceDocument;
import com.telco.billing.node.invoice.render.InvoiceSamples;
import com.telco.billing.node.invoice.render.ReminderLetterView;
import com.telco.billing.protocol.dunning.DunningView;
import com.telco.billing.protocol.invoice.AccountInvoices;
import com.telco.billing.protocol.invoice.InvoiceSettlement;
import com.telco.billing.protocol.invoice.InvoiceState;
import com.telco.billing.protocol.invoice.IssuedInvoice;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which fired step has a letter, and the open items a letter is made of. */
class ReminderLettersTest {

  static DunningView dunning(List<DunningView.FiredStep> fired) {
    return new DunningView(
        "acc-1",
        "in_dunning",
        "EUR",
        "p",
        1,
        2,
        LocalDate.of(2026, 12, 1),
        new BigDecimal("45.05"),
        12,
        "INV-1",
        fired,
        null,
        List.of(),
        List.of(),
        List.of(),
        null);
  }

  @Test
  void onlyAFiredStepOfTheEpisodeThatSentAReminderHasALetter() {
    LocalDate on = LocalDate.of(2026, 12, 4);
    DunningView view =
        dunning(
            List.of(
                new DunningView.FiredStep(1, 0, "First", 3, List.of("reminder"), on),
                new DunningView.FiredStep(2, 0, "First", 3, List.of("reminder"), on.plusDays(30)),
                new DunningView.FiredStep(2, 1, "Fee", 10, List.of("late_fee"), on.plusDays(37))));
    assertEquals(
        Optional.of(new ReminderLetterView.Step(2, 0, "First", on.plusDays(30))),
        ReminderLetters.reminderStep(view, 2, 0));
    assertEquals(
        Optional.of(new ReminderLetterView.Step(1, 0, "First", on)),
        ReminderLetters.reminderStep(view, 1, 0));
    assertEquals(Optional.empty(), ReminderLetters.reminderStep(view, 2, 1));
    assertEquals(Optional.empty(), ReminderLetters.reminderStep(view, 2, 2));
    assertEquals(Optional.empty(), ReminderLetters.reminderStep(view, 3, 0));
  }

  @Test
  void openItemsCarryWhatRemainsOfEachInvoice() {
    InvoiceDocument doc = InvoiceSamples.eur();
    IssuedInvoice paid =
        new IssuedInvoice("INV-P", doc.invoice(), InvoiceState.ISSUED, doc.issuedAt());
    IssuedInvoice unknown =
        new IssuedInvoice("INV-U", doc.invoice(), InvoiceState.ISSUED, doc.issuedAt());
    var list =
        new AccountInvoices.InvoiceList(
            doc.account(),
            List.of(paid, unknown),
            Map.of(
                "INV-P",
                new InvoiceSettlement(
                    com.telco.billing.core.receivable.ItemState.PARTIALLY_PAID,
                    new BigDecimal("0.00"),
                    new BigDecimal("45.05"),
                    new BigDecimal("5.05"),
                    List.of())));
    List<OpenItem> items = ReminderLetters.openItems(list);
    assertEquals(2, items.size());
    assertEquals(0, items.get(0).remaining().compareTo(new BigDecimal("5.05")));
    assertEquals(doc.invoice().dueDate(), items.get(0).dueDate());
    // nothing known of the second: all of it remains
    assertEquals(0, items.get(1).remaining().compareTo(doc.invoice().taxIncludedAmount()));
  }
}
