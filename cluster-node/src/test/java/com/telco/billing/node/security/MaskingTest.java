package com.telco.billing.node.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.subscription.ServiceClaim;
import com.telco.billing.core.subscription.ServiceId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskingTest {

  @Test
  void keepsTheLastFourCharacters() {
    assertEquals("****0001", Masking.keepLast("+4915100000001"));
    assertEquals("****", Masking.keepLast("abcd"));
    assertEquals("****", Masking.keepLast(""));
    assertNull(Masking.keepLast(null));
  }

  @Test
  void serviceIdentifiersKeepTheirTypeAndTheEndOfTheNumber() {
    assertEquals(
        "[MSISDN ****0001, IMSI ****7890]",
        Masking.serviceIds(
            List.of(ServiceId.msisdn("+4915100000001"), ServiceId.imsi("262011234567890"))));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "recycled 3 records for [MSISDN:+4915100000001] | recycled 3 records for [MSISDN:+****0001]",
        "ServiceId[type=IMSI, value=262011234567890] | ServiceId[type=IMSI, value=****7890]",
        "call from +4915100000001 ended | call from ****0001 ended",
        "Authorization: Bearer abc.def.ghijkl | Authorization: Bearer ****ijkl",
        "header apiKey=k1.secret | header apiKey=k1.****",
        "paid with 4111 1111 1111 1111 today | paid with ****1111 today",
        "paid with 4111-1111-1111-1111 | paid with ****1111",
        "iban DE89 3704 0044 0532 0130 00 | iban ****0 00",
        "iban DE89370400440532013000 | iban ****3000"
      })
  void textMasksWhatItRecognises(String text, String masked) {
    assertEquals(masked, Masking.text(text));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "bill run 2026-03-01: 1234567 accounts",
        "intake partition 12 starts at 2026-12-07T11:10:07.123Z",
        "usage batch 0193f1a2-7c4e-7d31-9a4b-2f3c4d5e6f70 rated",
        "4111111111111112 fails the Luhn check",
        "no token issuer configured: bearer tokens are refused, only API keys are accepted",
        "the mobile-basic offering"
      })
  void textLeavesOrdinaryLinesAlone(String text) {
    assertEquals(text, Masking.text(text));
  }

  @Test
  void aLineWithoutDigitsOrCredentialsIsReturnedAsItIs() {
    String line = "Catalog replica caught up with the journal";
    assertSame(line, Masking.text(line));
  }

  @Test
  void aLoggedClaimShowsNoServiceNumber() {
    ServiceClaim claim =
        new ServiceClaim(
            ServiceId.msisdn("+4915100000001"),
            "acc-1",
            "sub-1",
            Instant.parse("2026-03-01T00:00:00Z"));
    String masked = Masking.text(claim.toString());
    assertFalse(masked.contains("4915100000001"), masked);
    assertTrue(masked.contains("0001"), masked);
  }

  @Test
  void noE164NumberSurvives() {
    java.util.Random random = new java.util.Random(20);
    for (int n = 0; n < 2000; n++) {
      StringBuilder number = new StringBuilder("+").append(1 + random.nextInt(9));
      int more = 6 + random.nextInt(9);
      for (int d = 0; d < more; d++) {
        number.append(random.nextInt(10));
      }
      String masked = Masking.text("number " + number + " suspended");
      assertEquals(
          "number ****" + number.substring(number.length() - Masking.KEEP) + " suspended", masked);
    }
  }
}
