package com.telco.billing.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * Only the {@code http} package knows HTTP: no other source of the node imports Pekko HTTP or the
 * API's error and JSON types. Entities, services, projections and singletons answer domain results
 * and fail with refusals; the HTTP layer maps them.
 */
class HttpIsALeafTest {
  private static final Path SOURCES = Path.of("src/main/java");
  private static final Path HTTP = Path.of("com/telco/billing/node/http");

  /** An import (static or not) of an HTTP type. */
  private static final Pattern HTTP_IMPORT =
      Pattern.compile(
          "^import\\s+(static\\s+)?("
              + "org\\.apache\\.pekko\\.http\\."
              + "|com\\.telco\\.billing\\.node\\.http\\.(ApiException|ApiErrors|JsonSupport)\\b"
              + "|com\\.telco\\.billing\\.protocol\\.http\\.ErrorResponse\\b"
              + ")[^;]*;",
          Pattern.MULTILINE);

  /** A use by full name, without an import. */
  private static final Pattern HTTP_NAME =
      Pattern.compile(
          "\\borg\\.apache\\.pekko\\.http\\.|\\bnode\\.http\\.(ApiException|ApiErrors|JsonSupport)\\b"
              + "|\\bprotocol\\.http\\.ErrorResponse\\b");

  @Test
  void noSourceOutsideTheHttpPackageUsesAnHttpType() throws IOException {
    assertTrue(Files.isDirectory(SOURCES.resolve(HTTP)), "run from the module directory");
    List<String> offenders = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Path relative = SOURCES.relativize(file);
        if (relative.startsWith(HTTP)) {
          continue;
        }
        String text = Files.readString(file);
        Matcher imported = HTTP_IMPORT.matcher(text);
        while (imported.find()) {
          offenders.add(relative + ": " + imported.group());
        }
        String withoutImports = HTTP_IMPORT.matcher(text).replaceAll("");
        Matcher named = HTTP_NAME.matcher(withoutImports);
        while (named.find()) {
          offenders.add(relative + ": uses " + named.group());
        }
      }
    }
    assertEquals(List.of(), offenders);
  }

  @Test
  void theCheckSeesAnHttpImport() {
    assertTrue(
        HTTP_IMPORT.matcher("import org.apache.pekko.http.javadsl.model.StatusCodes;").find());
    assertTrue(HTTP_IMPORT.matcher("import com.telco.billing.node.http.ApiException;").find());
    assertTrue(
        HTTP_IMPORT
            .matcher("import static org.apache.pekko.http.javadsl.server.Directives.concat;")
            .find());
    assertTrue(HTTP_IMPORT.matcher("import com.telco.billing.protocol.http.ErrorResponse;").find());
    assertTrue(HTTP_NAME.matcher("throw new com.telco.billing.node.http.ApiException(").find());
    assertTrue(!HTTP_IMPORT.matcher("import com.telco.billing.node.http.HttpApi;").find());
    assertTrue(
        !HTTP_IMPORT.matcher("import com.telco.billing.protocol.http.AccountResponse;").find());
  }
}
