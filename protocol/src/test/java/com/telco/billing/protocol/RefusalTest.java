package com.telco.billing.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RefusalTest {

  @Test
  void encodedRefusalsDecodeToTheSameRefusal() {
    Refusal withField = new Refusal("account_conflict", "id", "already open: with: colons");
    Refusal withoutField = new Refusal("account_not_found", null, "no account a-1");
    assertEquals(withField, Refusal.decode(withField.encode()));
    assertEquals(withoutField, Refusal.decode(withoutField.encode()));
  }

  @Test
  void plainTextIsAnInternalError() {
    assertEquals(new Refusal("internal_error", null, "boom"), Refusal.decode("boom"));
  }
}
