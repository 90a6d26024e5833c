package com.telco.billing.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class LoopbackTest {
  @Test
  void loopbackUrlsAreAccepted() {
    for (String url :
        new String[] {
          "http://127.0.0.1:8080",
          "http://localhost:8080/",
          "http://127.1.2.3:9000",
          "http://[::1]:8080",
          "http://LOCALHOST"
        }) {
      URI uri = Loopback.requireLoopback(url);
      assertTrue(uri.toString().startsWith("http://"), url);
    }
    assertEquals(
        "http://127.0.0.1:8080", Loopback.requireLoopback("http://127.0.0.1:8080/").toString());
  }

  @Test
  void anythingElseIsRefused() {
    for (String url :
        new String[] {
          "http://10.0.0.1:8080",
          "http://192.168.1.10",
          "http://example.com",
          "http://127.0.0.1.example.com",
          "http://128.0.0.1",
          "http://0.0.0.0:8080",
          "https://127.0.0.1:8080",
          "http://[::2]:8080"
        }) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Loopback.requireLoopback(url), url);
      assertTrue(e.getMessage().contains(url), e.getMessage());
    }
  }

  @Test
  void theCommandLineRefusesARemoteTargetBeforeSendingAnything() {
    var bytes = new java.io.ByteArrayOutputStream();
    int status =
        LoadGen.execute(
            new java.io.PrintStream(bytes, true),
            "--url",
            "http://10.0.0.1:8080",
            "--records",
            "5");
    assertEquals(2, status);
    assertTrue(bytes.toString().contains("refusing http://10.0.0.1:8080"), bytes.toString());
  }
}
