package com.telco.billing.node.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

/** The converters as the node's logback.xml uses them: in a pattern layout. */
class MaskingConverterTest {

  private static String layout(String message, Object[] args, Throwable thrown) {
    LoggerContext context = new LoggerContext();
    PatternLayout layout = new PatternLayout();
    layout.setContext(context);
    layout.getInstanceConverterMap().put("maskedMsg", MaskingMessageConverter::new);
    layout.getInstanceConverterMap().put("maskedEx", MaskingThrowableConverter::new);
    layout.setPattern("%maskedMsg%n%maskedEx");
    layout.start();
    Logger logger = context.getLogger("test");
    return layout.doLayout(new LoggingEvent("test", logger, Level.WARN, message, thrown, args));
  }

  @Test
  void theMessageIsMaskedAfterItsArgumentsAreFilledIn() {
    String line =
        layout(
            "recycling suspense for {} failed, caller {}",
            new Object[] {"MSISDN:+4915100000001", "Bearer abc.def.signature"},
            null);
    assertEquals(
        "recycling suspense for MSISDN:+****0001 failed, caller Bearer ****ture"
            + System.lineSeparator(),
        line);
  }

  @Test
  void theStackTraceIsMaskedToo() {
    String line =
        layout(
            "write failed",
            null,
            new IllegalStateException("insert of 4111 1111 1111 1111 for +4915100000001 failed"));
    assertTrue(line.contains("IllegalStateException"), line);
    assertTrue(line.contains("at com.telco"), line);
    assertFalse(line.contains("4111 1111"), line);
    assertFalse(line.contains("4915100000001"), line);
  }
}
