package com.telco.billing.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.telco.billing.node.security.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The roles table of docs/security.md is the endpoint table, row by row. */
class SecurityDocTest {
  private static final Path DOC = Path.of("../docs/security.md");
  private static final Pattern ROW =
      Pattern.compile(
          "^\\| `(GET|POST|PUT|PATCH|DELETE) ([^`]+)` \\| ([^|]+) \\|", Pattern.MULTILINE);

  static String row(Endpoint endpoint) {
    String roles =
        endpoint.isPublic()
            ? "public"
            : endpoint.roles().stream().map(Role::wireName).collect(Collectors.joining(", "));
    return "| `" + endpoint.method() + " " + endpoint.path() + "` | " + roles + " |";
  }

  @Test
  void theDocumentListsEveryEndpointWithItsRoles() throws IOException {
    List<String> expected = Endpoints.all().stream().map(SecurityDocTest::row).toList();
    List<String> documented = new ArrayList<>();
    Matcher m = ROW.matcher(Files.readString(DOC));
    while (m.find()) {
      documented.add("| `" + m.group(1) + " " + m.group(2) + "` | " + m.group(3).strip() + " |");
    }
    assertEquals(String.join("\n", expected), String.join("\n", documented));
  }
}
