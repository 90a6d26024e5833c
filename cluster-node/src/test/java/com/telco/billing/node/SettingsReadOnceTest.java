package com.telco.billing.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The {@code billing.*} settings are read once, by the settings records ({@code *Settings}) that
 * {@link BillingSettings} groups: no other source of the node names a {@code billing.*} key.
 */
class SettingsReadOnceTest {
  private static final Path SOURCES = Path.of("src/main/java");

  /** A string literal naming a key (or a section) under {@code billing}. */
  private static final Pattern BILLING_KEY = Pattern.compile("\"billing\\.[a-z][^\"]*\"");

  @Test
  void onlyTheSettingsRecordsNameABillingKey() throws IOException {
    assertTrue(Files.isDirectory(SOURCES), "run from the module directory");
    List<String> offenders = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        if (file.getFileName().toString().endsWith("Settings.java")) {
          continue;
        }
        Matcher key = BILLING_KEY.matcher(Files.readString(file));
        while (key.find()) {
          offenders.add(SOURCES.relativize(file) + ": " + key.group());
        }
      }
    }
    assertEquals(List.of(), offenders);
  }

  @Test
  void theCheckSeesARawRead() {
    assertTrue(BILLING_KEY.matcher("config.getDuration(\"billing.http.ask-timeout\")").find());
    assertTrue(BILLING_KEY.matcher("config.getConfig(\"billing.usage\")").find());
    // the billing projection's name is no key
    assertFalse(BILLING_KEY.matcher("NAME = \"billing\";").find());
  }
}
