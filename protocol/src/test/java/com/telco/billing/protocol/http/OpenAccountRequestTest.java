package com.telco.billing.protocol.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.account.AccountProfile;
import com.telco.billing.core.validation.FieldError;
import com.telco.billing.core.validation.Validated;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenAccountRequestTest {

  static OpenAccountRequest valid() {
    return new OpenAccountRequest(
        "acc-1",
        "Jane Doe",
        "EUR",
        5,
        "Europe/Berlin",
        "DE",
        false,
        30,
        "tok_visa_4242",
        "TELCO_DE");
  }

  @Test
  void aValidDraftBecomesAProfile() {
    Validated<AccountProfile> result = valid().validate();
    assertTrue(result.isValid(), () -> result.errors().toString());
    AccountProfile p = result.value();
    assertEquals("acc-1", p.accountId());
    assertEquals(Currency.getInstance("EUR"), p.currency());
    assertEquals(5, p.billCycleDay());
    assertEquals(ZoneId.of("Europe/Berlin"), p.timeZone());
    assertEquals(30, p.paymentTermsDays());
    assertEquals("TELCO_DE", p.legalEntity());
  }

  @Test
  void defaultsApplyToOptionalFields() {
    AccountProfile p =
        new OpenAccountRequest("a", "N", "JPY", 1, null, "JP", null, null, null, null)
            .validate()
            .value();
    assertEquals(ZoneId.of("UTC"), p.timeZone());
    assertFalse(p.taxExempt());
    assertEquals(14, p.paymentTermsDays());
    assertEquals("DEFAULT", p.legalEntity());
  }

  @Test
  void billCycleDayMustBeOneToTwentyEight() {
    for (int day : new int[] {0, 29, 31, -1}) {
      assertEquals(
          List.of(
              new FieldError(
                  "out_of_range", "billCycleDay", "billCycleDay must be between 1 and 28")),
          withDay(day).validate().errors());
    }
    assertTrue(withDay(1).validate().isValid());
    assertTrue(withDay(28).validate().isValid());
  }

  private static OpenAccountRequest withDay(int day) {
    OpenAccountRequest v = valid();
    return new OpenAccountRequest(
        v.id(),
        v.name(),
        v.currency(),
        day,
        v.timeZone(),
        v.taxJurisdiction(),
        v.taxExempt(),
        v.paymentTermsDays(),
        v.paymentMethodRef(),
        v.legalEntity());
  }

  @Test
  void everyProblemIsReportedAtOnceWithItsField() {
    OpenAccountRequest bad =
        new OpenAccountRequest(
            "bad id!",
            " ",
            "EURO",
            null,
            "Mars/Olympus",
            null,
            null,
            400,
            "4111 1111 1111 1111",
            "lower");
    List<String> fields = bad.validate().errors().stream().map(FieldError::field).toList();
    assertEquals(
        List.of(
            "accountId",
            "name",
            "currency",
            "billCycleDay",
            "timeZone",
            "taxJurisdiction",
            "paymentTermsDays",
            "paymentMethodRef",
            "legalEntity"),
        fields);
    List<String> codes = bad.validate().errors().stream().map(FieldError::code).toList();
    assertEquals(
        List.of(
            "invalid_format",
            "required",
            "unknown_currency",
            "required",
            "unknown_time_zone",
            "required",
            "out_of_range",
            "card_number_not_allowed",
            "invalid_format"),
        codes);
  }

  @Test
  void currenciesWithoutMinorUnitsAreRefused() {
    OpenAccountRequest v = valid();
    OpenAccountRequest gold =
        new OpenAccountRequest(
            v.id(),
            v.name(),
            "XAU",
            v.billCycleDay(),
            v.timeZone(),
            v.taxJurisdiction(),
            v.taxExempt(),
            v.paymentTermsDays(),
            v.paymentMethodRef(),
            v.legalEntity());
    assertEquals("unsupported_currency", gold.validate().errors().get(0).code());
  }
}
