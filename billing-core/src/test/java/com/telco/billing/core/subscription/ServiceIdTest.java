package com.telco.billing.core.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.validation.FieldError;
import com.telco.billing.core.validation.Validated;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceIdTest {

  @ParameterizedTest(name = "{0} \"{1}\" is {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "MSISDN | +4915100000001     | +4915100000001",
        "MSISDN | +49 151 0000 0001  | +4915100000001",
        "MSISDN | 4915100000001      | +4915100000001",
        "MSISDN | ' 49 151\t00000001' | +4915100000001",
        "msisdn | +1 202 555 0143    | +12025550143",
        "MSISDN | +4212345           | +4212345",
        "MSISDN | +123456789012345   | +123456789012345",
        "IMSI   | 262011234567890    | 262011234567890",
        "imsi   | 262 01 1234567890  | 262011234567890",
        "IMSI   | 001010000000000    | 001010000000000",
      })
  void normalisesEveryAcceptedSpelling(String type, String raw, String canonical) {
    Validated<ServiceId> parsed = ServiceId.parse(type, raw);
    assertTrue(parsed.isValid(), () -> parsed.errors().toString());
    assertEquals(canonical, parsed.value().value());
    assertEquals(ServiceIdType.valueOf(type.toUpperCase()), parsed.value().type());
  }

  @ParameterizedTest(name = "{0} \"{1}\" is refused with {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "MSISDN | 015100000001      | invalid_msisdn",
        "MSISDN | 004915100000001   | invalid_msisdn",
        "MSISDN | +                 | invalid_msisdn",
        "MSISDN | ++4915100000001   | invalid_msisdn",
        "MSISDN | +49-151-00000001  | invalid_msisdn",
        "MSISDN | +49151abc         | invalid_msisdn",
        "MSISDN | +421234           | invalid_msisdn",
        "MSISDN | +1234567890123456 | invalid_msisdn",
        "MSISDN | 49151+00000001    | invalid_msisdn",
        "IMSI   | 26201123456789    | invalid_imsi",
        "IMSI   | 2620112345678901  | invalid_imsi",
        "IMSI   | +262011234567890  | invalid_imsi",
        "ICCID  | 8949000000000000  | unknown_service_type",
        "''     | 4915100000001     | required",
        "MSISDN | ''                | required",
        "MSISDN | '   '             | required",
      })
  void refusesWhatIsNotAnIdentifier(String type, String raw, String code) {
    Validated<ServiceId> parsed = ServiceId.parse(type, raw);
    assertEquals(List.of(code), parsed.errors().stream().map(FieldError::code).toList());
  }

  @Test
  void namesTheFieldsByTheirPathInTheRequest() {
    assertEquals(
        "serviceIds[2].value",
        ServiceId.parse("MSISDN", "0151", "serviceIds[2]").errors().get(0).field());
    assertEquals(
        "serviceIds[0].type",
        ServiceId.parse(null, "0151", "serviceIds[0]").errors().get(0).field());
    assertEquals("value", ServiceId.parse("IMSI", "1", "").errors().get(0).field());
  }

  @Test
  void twoSpellingsOfOneNumberAreOneIdentifier() {
    assertEquals(ServiceId.msisdn("+49 151 0000 0001"), ServiceId.msisdn("4915100000001"));
  }

  @Test
  void theConstructorAcceptsOnlyCanonicalValues() {
    assertThrows(
        IllegalArgumentException.class, () -> new ServiceId(ServiceIdType.MSISDN, "4915100000001"));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ServiceId(ServiceIdType.IMSI, "26201 1234567890"));
    assertThrows(IllegalArgumentException.class, () -> ServiceId.msisdn("0151"));
  }

  @Test
  void theKeyRoundTrips() {
    ServiceId msisdn = ServiceId.msisdn("+4915100000001");
    ServiceId imsi = ServiceId.imsi("262011234567890");
    assertEquals("MSISDN:+4915100000001", msisdn.toKey());
    assertEquals("IMSI:262011234567890", imsi.toKey());
    assertEquals(Optional.of(msisdn), ServiceId.fromKey(msisdn.toKey()));
    assertEquals(Optional.of(imsi), ServiceId.fromKey(imsi.toKey()));
    for (String bad :
        new String[] {"", "MSISDN", "MSISDN:4915100000001", "FOO:+49151", "imsi:262011234567890"}) {
      assertEquals(Optional.empty(), ServiceId.fromKey(bad), bad);
    }
    assertEquals(Optional.empty(), ServiceId.fromKey(null));
  }
}
