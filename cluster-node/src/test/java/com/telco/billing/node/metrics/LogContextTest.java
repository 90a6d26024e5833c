package com.telco.billing.node.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The account a path names for the logs, and the MDC set only around the one log call. */
class LogContextTest {
  @Test
  void theAccountOfAnAccountsPath() {
    assertEquals("acc-1", LogContext.accountOf("/accounts/acc-1"));
    assertEquals("acc-1", LogContext.accountOf("/accounts/acc-1/subscriptions"));
    assertNull(LogContext.accountOf("/accounts"));
    assertNull(LogContext.accountOf("/accounts/"));
    assertNull(LogContext.accountOf("/invoices/acc-1"));
    assertNull(LogContext.accountOf("/accounts/a%20b"));
  }

  @Test
  void theIdsAreInTheMdcDuringTheCallOnly() {
    String[] seen = new String[2];
    LogContext.forRequest(
        "req-1",
        "acc-1",
        () -> {
          seen[0] = MDC.get(LogContext.REQUEST_ID);
          seen[1] = MDC.get(LogContext.ACCOUNT_ID);
        });
    assertEquals("req-1", seen[0]);
    assertEquals("acc-1", seen[1]);
    assertNull(MDC.get(LogContext.REQUEST_ID));
    assertNull(MDC.get(LogContext.ACCOUNT_ID));
  }
}
