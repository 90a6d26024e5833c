package com.telco.billing.node.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * The node's {@code logback.xml}: text lines by default, JSON lines with {@code
 * BILLING_LOG_FORMAT=json}, both with the request and account ids of {@link LogContext}.
 */
class LogFormatTest {

  /** What the node's logback configuration writes for one line logged in a request's context. */
  private static String logged(String format) throws Exception {
    PrintStream stdout = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    LoggerContext context = new LoggerContext();
    // the MDC that LogContext writes to
    context.setMDCAdapter(MDC.getMDCAdapter());
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      if (format != null) {
        context.putProperty("BILLING_LOG_FORMAT", format);
      }
      JoranConfigurator configurator = new JoranConfigurator();
      configurator.setContext(context);
      configurator.doConfigure(LogFormatTest.class.getResource("/logback.xml"));
      Logger log = context.getLogger("com.telco.billing.node.access");
      LogContext.forRequest("req-7", "acc-9", () -> log.info("POST {} {}", "/usage", 200));
      log.info("no context");
      log.info(
          "card {} token {}",
          "4111 1111 1111 1111",
          "Bearer eyJhbGciOiJFUzI1NiJ9.e30.c2ln",
          new IllegalStateException(
              "card 4111 1111 1111 1111",
              new RuntimeException("Bearer eyJhbGciOiJFUzI1NiJ9.e30.c2ln")));
    } finally {
      context.stop();
      System.setOut(stdout);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Test
  void textByDefault() throws Exception {
    String all = logged(null);
    String[] lines = all.split("\n");
    assertTrue(lines.length > 3, all);
    assertMasked(all);
    assertTrue(lines[0].endsWith("access request=req-7 account=acc-9 - POST /usage 200"), lines[0]);
    assertTrue(lines[1].endsWith("access - no context"), lines[1]);
  }

  @Test
  void jsonWhenAskedFor() throws Exception {
    String[] lines = logged("json").split("\n");
    assertEquals(3, lines.length, String.join("\n", lines));
    assertMasked(lines[2]);
    assertTrue(lines[2].contains("IllegalStateException"), lines[2]);
    JsonNode line = new ObjectMapper().readTree(lines[0]);
    assertEquals("INFO", line.get("level").asText());
    assertEquals("com.telco.billing.node.access", line.get("loggerName").asText());
    assertEquals("POST /usage 200", line.get("formattedMessage").asText());
    assertEquals("req-7", line.get("mdc").get("requestId").asText());
    assertEquals("acc-9", line.get("mdc").get("accountId").asText());
    assertTrue(new ObjectMapper().readTree(lines[1]).get("mdc").isEmpty(), lines[1]);
  }

  private static void assertMasked(String line) {
    assertTrue(
        !line.contains("4111 1111 1111 1111") && !line.contains("eyJhbGciOiJFUzI1NiJ9"), line);
    assertTrue(line.contains("card "), line);
  }
}
