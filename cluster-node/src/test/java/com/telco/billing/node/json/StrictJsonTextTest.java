package com.telco.billing.node.json;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.telco.billing.core.catalog.CatalogDocument;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusedException;
import com.telco.billing.protocol.http.BillRunRequest;
import com.telco.billing.protocol.http.OpenAccountRequest;
import com.telco.billing.protocol.http.SubscriptionChangeRequest;
import com.telco.billing.protocol.http.SubscriptionDraft;
import com.telco.billing.protocol.http.SuspenseRecycleRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * docs/input-contract.md, "Text": every body type the API reads refuses a card number in any of its
 * strings, naming the field and never quoting the value; service identifiers are exempt.
 */
class StrictJsonTextTest {
  private static final String CARD = "4111 1111 1111 1111";

  @ParameterizedTest(name = "{0}.{1}")
  @CsvSource({
    "account, name",
    "account, paymentMethodRef",
    "subscription, offeringId",
    "change, offeringId",
    "recycle, reason",
    "billrun, cycleDate",
    "catalog, description"
  })
  void everyBodyRefusesACardNumberInAnyString(String body, String field) {
    RefusedException e =
        assertThrows(
            RefusedException.class, () -> read(body, "{\"" + field + "\": \"" + CARD + "\"}"));
    Refusal refusal = e.refusal();
    assertEquals("card_number_not_allowed", refusal.wireCode());
    assertEquals(field, refusal.field());
    assertFalse(refusal.message().contains("4111"), refusal.message());
  }

  @Test
  void aCardNumberInANestedStringIsNamedByItsPath() {
    RefusedException e =
        assertThrows(
            RefusedException.class,
            () ->
                read(
                    "catalog",
                    "{\"productOfferings\": [{\"prices\": [{\"glCode\": \"" + CARD + "\"}]}]}"));
    assertEquals("productOfferings[0].prices[0].glCode", e.refusal().field());
  }

  @Test
  void anUnknownFieldNamedByACardNumberIsNotNamed() {
    assertEquals("?", StrictJson.safeName("pan4111111111111111"));
    assertEquals("attributes", StrictJson.safeName("attributes"));
  }

  @Test
  void serviceIdentifiersMayPassTheLuhnCheck() {
    // 15 digits that pass the Luhn check: a valid MSISDN and IMSI all the same
    assertDoesNotThrow(
        () ->
            read(
                "subscription",
                """
                {"subscriptionId": "sub-1", "offeringId": "basic", "activationDate": "2026-03-01",
                 "serviceIds": [{"type": "MSISDN", "value": "+378282246310005"},
                                {"type": "IMSI", "value": "378282246310005"}]}
                """));
  }

  private static Object read(String body, String json) {
    Class<?> type =
        switch (body) {
          case "account" -> OpenAccountRequest.class;
          case "subscription" -> SubscriptionDraft.class;
          case "change" -> SubscriptionChangeRequest.class;
          case "recycle" -> SuspenseRecycleRequest.class;
          case "billrun" -> BillRunRequest.class;
          default -> CatalogDocument.class;
        };
    return StrictJson.read(json, type);
  }
}
