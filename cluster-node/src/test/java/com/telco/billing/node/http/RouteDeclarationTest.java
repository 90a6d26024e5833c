package com.telco.billing.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No route can answer without declaring its roles: the routes match methods only through {@link
 * Access#endpoint}, every {@link Endpoint} constant is in {@link Endpoints#all()}, and every one is
 * served by some route. The route walk (SecurityApiIT) then proves each endpoint's 401, 403 and
 * admitted roles through HTTP.
 */
class RouteDeclarationTest {
  private static final Path HTTP = Path.of("src/main/java/com/telco/billing/node/http");

  /** A method directive of the routing DSL, called directly. */
  private static final Pattern METHOD_DIRECTIVE =
      Pattern.compile(
          "(?<![\\w.])(get|post|put|patch|delete|head|options|method|extractMethod)\\s*\\(\\s*(\\(|\\)|HttpMethods|[a-z]+\\s*->)");

  @Test
  void routesMatchMethodsOnlyThroughAccess() throws IOException {
    assertTrue(Files.isDirectory(HTTP), "run from the module directory");
    List<String> offenders = new ArrayList<>();
    try (Stream<Path> files = Files.list(HTTP)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        // Access is the gate; MetricsRoutes serves the management port (scraped like /ready)
        if (Set.of("Access.java", "MetricsRoutes.java").contains(file.getFileName().toString())) {
          continue;
        }
        Matcher m = METHOD_DIRECTIVE.matcher(Files.readString(file));
        while (m.find()) {
          offenders.add(file.getFileName() + ": " + m.group());
        }
      }
    }
    assertEquals(List.of(), offenders);
  }

  @Test
  void theCheckSeesARawMethodDirective() {
    assertTrue(METHOD_DIRECTIVE.matcher("path(\"x\", () -> get(() -> complete(\"\")))").find());
    assertTrue(METHOD_DIRECTIVE.matcher("  post(\n () -> entity(").find());
    assertTrue(METHOD_DIRECTIVE.matcher("method(HttpMethods.PUT, () -> x)").find());
    assertFalse(METHOD_DIRECTIVE.matcher("parameters.get(\"limit\")").find());
    assertFalse(METHOD_DIRECTIVE.matcher("ACTIONS.get(action)").find());
    assertFalse(METHOD_DIRECTIVE.matcher("result.get()").find());
  }

  @Test
  void everyEndpointConstantIsListedAndServed() throws Exception {
    Set<Endpoint> constants = new HashSet<>();
    List<String> names = new ArrayList<>();
    for (Field field : Endpoints.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == Endpoint.class) {
        constants.add((Endpoint) field.get(null));
        names.add(field.getName());
      }
    }
    assertEquals(constants, new HashSet<>(Endpoints.all()));
    assertEquals(Endpoints.all().size(), new HashSet<>(Endpoints.all()).size(), "duplicates");
    StringBuilder routes = new StringBuilder();
    try (Stream<Path> files = Files.list(HTTP)) {
      for (Path file : files.filter(f -> f.toString().endsWith("Routes.java")).toList()) {
        routes.append(Files.readString(file));
      }
    }
    List<String> unserved =
        names.stream().filter(n -> !routes.toString().contains("Endpoints." + n)).toList();
    assertEquals(List.of(), unserved, "endpoints no route serves");
  }

  @Test
  void everySecuredEndpointNamesItsRoles() {
    for (Endpoint endpoint : Endpoints.all()) {
      assertTrue(endpoint.isPublic() || !endpoint.roles().isEmpty(), endpoint.toString());
      assertTrue(endpoint.path().startsWith("/"), endpoint.toString());
    }
  }
}
