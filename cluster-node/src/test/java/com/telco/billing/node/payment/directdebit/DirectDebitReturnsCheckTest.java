package com.telco.billing.node.payment.directdebit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.telco.billing.core.validation.FieldError;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DirectDebitReturnsCheckTest {
  private static final Map<String, FileEntry> ENTRIES =
      Map.of(
          "E1",
          new FileEntry(
              "F", "E1", "acc-1", "INV-1", "PAY-1", BigDecimal.TEN, Currency.getInstance("EUR")),
          "E2",
          new FileEntry(
              "F", "E2", "acc-2", "INV-2", "PAY-2", BigDecimal.ONE, Currency.getInstance("EUR")));

  private static List<String> problems(DirectDebitFiles.Return... returns) {
    return DirectDebitFiles.check(Arrays.asList(returns), ENTRIES).stream()
        .map(e -> e.code() + " " + e.field())
        .toList();
  }

  @Test
  void validReturnsHaveNoProblem() {
    assertEquals(
        List.of(),
        problems(
            new DirectDebitFiles.Return("E1", "AC04"), new DirectDebitFiles.Return("E2", "MD06")));
  }

  @Test
  void everyProblemIsListedWithItsField() {
    assertEquals(
        List.of(
            "unknown_return_reason returns[0].reasonCode",
            "end_to_end_id_not_in_file returns[1].endToEndId",
            "duplicate_end_to_end_id returns[3].endToEndId",
            "required returns[4].endToEndId",
            "required returns[4].reasonCode"),
        problems(
            new DirectDebitFiles.Return("E1", "XX99"),
            new DirectDebitFiles.Return("E9", "AM04"),
            new DirectDebitFiles.Return("E2", "AM04"),
            new DirectDebitFiles.Return("E2", "AM04"),
            new DirectDebitFiles.Return(null, " ")));
  }

  @Test
  void noReturnsIsRefused() {
    List<FieldError> none = DirectDebitFiles.check(List.of(), ENTRIES);
    assertEquals("required", none.get(0).code());
  }

  @Test
  void messagesNeverRepeatTheValue() {
    DirectDebitFiles.check(List.of(new DirectDebitFiles.Return("E-secret", "ZZ-secret")), ENTRIES)
        .forEach(e -> assertEquals(false, e.message().contains("secret"), e.message()));
  }

  @Test
  void fileIdsAreDeterministic() {
    assertEquals(
        "DD-TELCO_DE-20261210-2",
        DirectDebitFiles.fileId("TELCO_DE", java.time.LocalDate.parse("2026-12-10"), 2));
  }
}
