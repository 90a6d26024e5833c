package com.telco.billing.node.payment.gateway;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DeclineCodesTest {
  @Test
  void hardDeclinesStopRetries() {
    for (String hard :
        new String[] {
          "stolen_card",
          "lost_card",
          "pickup_card",
          "fraudulent",
          "invalid_account",
          "incorrect_number",
          "card_not_supported",
          "expired_card",
          "restricted_card",
          "generic_decline",
          "do_not_honor"
        }) {
      assertTrue(DeclineCodes.isHard("card_declined", hard), hard);
    }
    assertTrue(DeclineCodes.isHard("expired_card", null));
  }

  @Test
  void softDeclinesAreRetried() {
    for (String soft :
        new String[] {
          "insufficient_funds", "processing_error", "try_again_later", "card_velocity_exceeded"
        }) {
      assertFalse(DeclineCodes.isHard("card_declined", soft), soft);
    }
    assertFalse(DeclineCodes.isHard("card_declined", null));
    assertFalse(DeclineCodes.isHard(null, null));
  }
}
