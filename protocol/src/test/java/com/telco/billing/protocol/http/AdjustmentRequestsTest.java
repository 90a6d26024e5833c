package com.telco.billing.protocol.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.validation.FieldError;
import com.telco.billing.core.validation.Validated;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bodies of the adjustment requests: what they accept and the codes of what they refuse. */
class AdjustmentRequestsTest {
  private static MoneyDraft eur(String value) {
    return new MoneyDraft("EUR", new BigDecimal(value));
  }

  private static List<String> codes(Validated<?> validated) {
    return validated.errors().stream().map(e -> e.code() + "@" + e.field()).toList();
  }

  @Test
  void aChargeNeedsAnAmountADescriptionATaxCategoryAndAGlCode() {
    Validated<ChargeRequest.Valid> ok =
        new ChargeRequest(eur("12.5"), " Replacement SIM ", "STANDARD", "4100-SIM").validate();
    assertTrue(ok.isValid());
    assertEquals("12.50", ok.value().amount().amount().toPlainString());
    assertEquals("Replacement SIM", ok.value().description());
    assertEquals("12.50|EUR|Replacement SIM|STANDARD|4100-SIM", ok.value().fingerprint());

    assertEquals(
        List.of(
            "amount_precision@amount.value",
            "required@description",
            "invalid_format@taxCategory",
            "invalid_format@glCode"),
        codes(new ChargeRequest(eur("1.001"), " ", "STAND ARD", "-4100").validate()));
    assertEquals(
        List.of("required@amount", "too_long@glCode"),
        codes(new ChargeRequest(null, "x", "STANDARD", "G".repeat(41)).validate()));
  }

  @Test
  void aDisputeNeedsAPositiveAmountAndAReason() {
    assertTrue(new DisputeRequest(eur("30.00"), "roaming not used").validate().isValid());
    assertEquals(
        List.of("amount_not_positive@amount.value", "too_long@reason"),
        codes(new DisputeRequest(eur("0"), "r".repeat(501)).validate()));
  }

  @Test
  void aResolutionIsReleaseOrCredit() {
    assertEquals(
        "released", new DisputeResolutionRequest("release", null).validate().value().status());
    CreditNoteRequest creditNote = new CreditNoteRequest("other", null, List.of(), null);
    assertEquals(
        "upheld",
        new DisputeResolutionRequest("credit", " ok ", creditNote).validate().value().status());
    assertEquals(
        List.of("required@creditNote"),
        codes(new DisputeResolutionRequest("credit", null).validate()));
    assertEquals(
        List.of("invalid_value@creditNote"),
        codes(new DisputeResolutionRequest("release", null, creditNote).validate()));
    assertEquals(
        List.of("invalid_value@outcome"),
        codes(new DisputeResolutionRequest("forget", null).validate()));
    assertEquals(
        List.of("required@outcome"), codes(new DisputeResolutionRequest(null, null).validate()));
  }

  @Test
  void aWriteOffNeedsAReason() {
    assertTrue(new WriteOffRequest("insolvent").validate().isValid());
    List<FieldError> errors = new WriteOffRequest(null).validate().errors();
    assertEquals("required", errors.get(0).code());
  }
}
