package com.telco.billing.core.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.validation.FieldError;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SepaMandateTest {
  private static final LocalDate TODAY = LocalDate.parse("2026-12-07");

  @Test
  void aValidMandate() {
    var valid =
        SepaMandate.validate(
            new SepaMandate.Draft(
                "MNDT-2026/001 (a)",
                "2026-12-07",
                "de89 3704 0044 0532 0130 00",
                "cobadeffxxx",
                "Jane Doe"),
            TODAY,
            "paymentMethod.");
    assertTrue(valid.isValid(), valid.errors()::toString);
    SepaMandate mandate = valid.value();
    assertEquals("DE89370400440532013000", mandate.iban().value());
    assertEquals("COBADEFFXXX", mandate.bic().value());
    assertEquals(TODAY, mandate.signedOn());
    assertFalse(mandate.toString().contains("370400"), "the IBAN is masked");
  }

  @Test
  void theBicIsOptional() {
    var valid =
        SepaMandate.validate(
            new SepaMandate.Draft("M1", "2020-01-01", "NL91ABNA0417164300", null, "J. Doe"),
            TODAY,
            "");
    assertTrue(valid.isValid());
    assertNull(valid.value().bic());
  }

  @Test
  void everyProblemIsListedWithItsStableCode() {
    var invalid =
        SepaMandate.validate(
            new SepaMandate.Draft("M_1#", "2026-12-08", "DE89370400440532013001", "COBA", "J"),
            TODAY,
            "paymentMethod.");
    assertFalse(invalid.isValid());
    assertEquals(
        List.of(
            "mandate_id_invalid paymentMethod.mandateId",
            "mandate_signature_date_invalid paymentMethod.signedOn",
            "iban_invalid paymentMethod.iban",
            "bic_invalid paymentMethod.bic"),
        invalid.errors().stream().map(e -> e.code() + " " + e.field()).toList());
    for (FieldError error : invalid.errors()) {
      assertFalse(error.message().contains("0532013001"));
    }
  }

  @Test
  void mandateIdsAreAtMost35SepaCharacters() {
    assertTrue(SepaMandate.MANDATE_ID.matcher("A".repeat(35)).matches());
    assertFalse(SepaMandate.MANDATE_ID.matcher("A".repeat(36)).matches());
    assertFalse(SepaMandate.MANDATE_ID.matcher("Müller").matches());
    var missing =
        SepaMandate.validate(new SepaMandate.Draft(null, "x", null, null, null), TODAY, "");
    assertEquals(
        List.of(
            "required mandateId",
            "mandate_signature_date_invalid signedOn",
            "required iban",
            "required debtorName"),
        missing.errors().stream().map(e -> e.code() + " " + e.field()).toList());
  }

  @Test
  void bicShapes() {
    assertTrue(Bic.parse("DEUTDEFF", "bic").isValid());
    assertTrue(Bic.parse("DEUTDEFF500", "bic").isValid());
    assertFalse(Bic.parse("DEUTDEFF50", "bic").isValid());
    assertFalse(Bic.parse("DEU1DEFF", "bic").isValid());
    assertEquals("DE", Bic.parse("deutdeff", "bic").value().countryCode());
  }
}
