package com.telco.billing.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.catalog.CatalogErrors;
import com.telco.billing.core.invoice.InvoiceCalculator;
import com.telco.billing.core.subscription.SubscriptionRefusals;
import com.telco.billing.core.validation.FieldError;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RefusalTest {

  @Test
  void everyRefusalCodeOfBillingCoreHasItsConstant() throws IllegalAccessException {
    for (Field field : SubscriptionRefusals.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        String wire = (String) field.get(null);
        RefusalCode code = RefusalCode.of(wire);
        RefusalKind expected =
            wire.equals(SubscriptionRefusals.SUBSCRIPTION_NOT_FOUND)
                ? RefusalKind.NOT_FOUND
                : RefusalKind.CONFLICT;
        assertEquals(expected, code.kind(), wire);
      }
    }
    for (String wire :
        List.of(
            CatalogErrors.VERSION_EXISTS,
            CatalogErrors.EFFECTIVE_IN_PAST,
            CatalogErrors.EFFECTIVE_NOT_AFTER_LATEST,
            CatalogErrors.CORRECTION_NOT_PAST,
            CatalogErrors.CORRECTION_WITHOUT_VERSION,
            CatalogErrors.CORRECTION_NOT_PRICES_ONLY,
            InvoiceCalculator.ALREADY_INVOICED,
            InvoiceCalculator.PERIOD_SKIPPED)) {
      assertEquals(RefusalKind.CONFLICT, RefusalCode.of(wire).kind(), wire);
    }
    assertEquals(
        RefusalKind.INVALID_INPUT, RefusalCode.of(InvoiceCalculator.NOT_A_CYCLE_DATE).kind());
  }

  @Test
  void wireStringsAreUniqueAndLowerSnakeCase() {
    Set<String> seen = new HashSet<>();
    for (RefusalCode code : RefusalCode.values()) {
      assertTrue(seen.add(code.wire()), code.wire());
      assertTrue(code.wire().matches("[a-z][a-z_]*"), code.wire());
      assertEquals(code, RefusalCode.of(code.wire()));
    }
    assertThrows(IllegalArgumentException.class, () -> RefusalCode.of("no_such_code"));
  }

  @Test
  void aRefusalOfOneCodeCarriesOneProblemOfThatCode() {
    Refusal conflict = Refusal.of(RefusalCode.ACCOUNT_CONFLICT, "id", "already open");
    assertEquals("account_conflict", conflict.wireCode());
    assertEquals("id", conflict.field());
    assertEquals("already open", conflict.message());
    assertEquals(RefusalKind.CONFLICT, conflict.kind());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Refusal(
                RefusalCode.ACCOUNT_CONFLICT, List.of(new FieldError("other", "id", "message"))));
    assertThrows(IllegalArgumentException.class, () -> Refusal.invalid(List.of()));
  }

  @Test
  void invalidInputShowsTheRuleCodeOfOneProblemAndCountsSeveral() {
    FieldError required = new FieldError("required", "name", "name is required");
    FieldError tooLong = new FieldError("too_long", "id", "id is too long");
    Refusal one = Refusal.invalid(List.of(required));
    assertEquals("required", one.wireCode());
    assertEquals("name is required", one.message());
    Refusal two = Refusal.invalid(List.of(required, tooLong));
    assertEquals("validation_failed", two.wireCode());
    assertEquals("2 fields are invalid; see errors", two.message());
    assertEquals("name", two.field());
    assertEquals(RefusalKind.INVALID_INPUT, two.kind());
    Refusal rule = Refusal.fieldRule("invalid_characters", "name", "name has control characters");
    assertEquals("invalid_characters", rule.wireCode());
  }

  @Test
  void theExceptionSaysCodeAndMessageAndKeepsNoStackTrace() {
    RefusedException e =
        Refusal.of(RefusalCode.ACCOUNT_NOT_FOUND, null, "no account with this id").toException();
    assertEquals("account_not_found: no account with this id", e.getMessage());
    assertEquals(0, e.getStackTrace().length);
  }

  @Test
  void onlyTransientKindsMayAnswerDifferentlyLater() {
    assertTrue(RefusalKind.UNAVAILABLE.isTransient());
    assertTrue(RefusalKind.OVERLOADED.isTransient());
    assertTrue(RefusalKind.INTERNAL.isTransient());
    for (RefusalKind kind :
        List.of(RefusalKind.INVALID_INPUT, RefusalKind.NOT_FOUND, RefusalKind.CONFLICT)) {
      assertTrue(!kind.isTransient(), kind.name());
    }
  }
}
