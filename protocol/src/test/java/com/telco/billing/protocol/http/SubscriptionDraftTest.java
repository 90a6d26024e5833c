package com.telco.billing.protocol.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.telco.billing.core.subscription.ActivateSubscription;
import com.telco.billing.core.subscription.ServiceId;
import com.telco.billing.core.subscription.SubscriptionChange;
import com.telco.billing.core.subscription.SubscriptionRules;
import com.telco.billing.core.validation.Validated;
import com.telco.billing.protocol.http.SubscriptionDraft.ServiceIdDraft;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubscriptionDraftTest {

  private static final ServiceId MSISDN = ServiceId.msisdn("+4915100000001");
  private static final ServiceId IMSI = ServiceId.imsi("262011234567890");

  private static LocalDate date(String iso) {
    return LocalDate.parse(iso);
  }

  static List<String> codesAndFields(Validated<?> result) {
    return result.errors().stream().map(e -> e.code() + "@" + e.field()).toList();
  }

  @Test
  void aValidDraftBecomesAnActivationWithNormalisedIdentifiers() {
    Validated<ActivateSubscription> result =
        new SubscriptionDraft(
                "sub-1",
                "mobile-basic",
                List.of(
                    new ServiceIdDraft("msisdn", "+49 151 0000 0001"),
                    new ServiceIdDraft("IMSI", "262011234567890")),
                "2026-02-28")
            .validate();
    assertTrue(result.isValid(), () -> result.errors().toString());
    assertEquals(
        new ActivateSubscription(
            "sub-1", "mobile-basic", List.of(MSISDN, IMSI), date("2026-02-28")),
        result.value());
  }

  @Test
  void reportsEveryProblemAtOnce() {
    Validated<ActivateSubscription> result =
        new SubscriptionDraft(
                "",
                "bad offering!",
                Arrays.asList(
                    new ServiceIdDraft("MSISDN", "0151 000"),
                    null,
                    new ServiceIdDraft("SIP", "x"),
                    new ServiceIdDraft("IMSI", null)),
                "28.02.2026")
            .validate();
    assertEquals(
        List.of(
            "required@subscriptionId",
            "invalid_format@offeringId",
            "invalid_msisdn@serviceIds[0].value",
            "required@serviceIds[1]",
            "unknown_service_type@serviceIds[2].type",
            "required@serviceIds[3].value",
            "invalid_date@activationDate"),
        codesAndFields(result));
  }

  @Test
  void idsHoldNoCardNumberButServiceNumbersMayPassTheLuhnCheck() {
    Validated<ActivateSubscription> result =
        new SubscriptionDraft(
                "sub-4111111111111111",
                "4111-1111-1111-1111",
                // both 15 digits that pass the Luhn check: service identifiers all the same
                List.of(
                    new ServiceIdDraft("MSISDN", "+378282246310005"),
                    new ServiceIdDraft("IMSI", "378282246310005")),
                "2026-02-28")
            .validate();
    assertEquals(
        List.of("card_number_not_allowed@subscriptionId", "card_number_not_allowed@offeringId"),
        codesAndFields(result));
    assertEquals(
        List.of("card_number_not_allowed@offeringId"),
        codesAndFields(
            new SubscriptionChangeDraft("CHANGE_OFFERING", "2026-03-01", "4111111111111111")
                .validate()));
  }

  @Test
  void theSameIdentifierTwiceIsRefusedAfterNormalisation() {
    Validated<ActivateSubscription> result =
        new SubscriptionDraft(
                "s1",
                "basic",
                List.of(
                    new ServiceIdDraft("MSISDN", "+4915100000001"),
                    new ServiceIdDraft("MSISDN", "49 151 00000001")),
                "2026-02-28")
            .validate();
    assertEquals(List.of("duplicate_service_id@serviceIds[1]"), codesAndFields(result));
  }

  @Test
  void serviceIdsAreRequiredAndLimited() {
    assertEquals(
        List.of("required@serviceIds"),
        codesAndFields(new SubscriptionDraft("s1", "basic", List.of(), "2026-02-28").validate()));
    assertEquals(
        List.of("required@serviceIds", "required@activationDate"),
        codesAndFields(new SubscriptionDraft("s1", "basic", null, null).validate()));
    List<ServiceIdDraft> many =
        new ArrayList<>(
            Collections.nCopies(
                SubscriptionRules.MAX_SERVICE_IDS + 1, new ServiceIdDraft("IMSI", "1")));
    assertEquals(
        List.of("too_many@serviceIds"),
        codesAndFields(new SubscriptionDraft("s1", "basic", many, "2026-02-28").validate()));
  }

  @ParameterizedTest(name = "{0} on {1} (offering {2}) is {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "CHANGE_OFFERING | 2026-03-01 | premium | ChangeOffering[offeringId=premium, effectiveDate=2026-03-01]",
        "change_offering | 2026-03-01 | premium | ChangeOffering[offeringId=premium, effectiveDate=2026-03-01]",
        "SUSPEND         | 2026-03-01 |         | Suspend[effectiveDate=2026-03-01]",
        "Resume          | 2026-03-01 |         | Resume[effectiveDate=2026-03-01]",
        "TERMINATE       | 2026-03-01 |         | Terminate[effectiveDate=2026-03-01]",
      })
  void aValidChangeDraftBecomesAChange(String type, String date, String offering, String change) {
    Validated<SubscriptionChange> result =
        new SubscriptionChangeDraft(type, date, offering).validate();
    assertTrue(result.isValid(), () -> result.errors().toString());
    assertEquals(change, result.value().toString());
  }

  @ParameterizedTest(name = "{0} on {1} (offering {2}) is refused with {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "CHANGE_OFFERING | 2026-03-01 |         | required@offeringId",
        "CHANGE_OFFERING | 2026-03-01 | a b     | invalid_format@offeringId",
        "SUSPEND         | 2026-03-01 | premium | not_allowed@offeringId",
        "REACTIVATE      | 2026-03-01 | premium | unknown_change_type@type",
        "                | 2026-03-01 |         | required@type",
        "TERMINATE       |            |         | required@effectiveDate",
        "TERMINATE       | 2026-02-30 |         | invalid_date@effectiveDate",
        "RESUME          | tomorrow   |         | invalid_date@effectiveDate",
      })
  void anInvalidChangeDraftIsRefused(String type, String date, String offering, String error) {
    assertEquals(
        List.of(error),
        codesAndFields(new SubscriptionChangeDraft(type, date, offering).validate()));
  }
}
