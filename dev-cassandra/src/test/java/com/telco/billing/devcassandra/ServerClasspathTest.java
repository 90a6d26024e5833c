package com.telco.billing.devcassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ServerClasspathTest {

  /** artifactId-version[-classifier].jar, the version starting with a digit. */
  private static final Pattern JAR = Pattern.compile("(.+?)-(\\d[^-]*(?:-[^-]+)*)\\.jar");

  private final List<Path> jars = ServerClasspath.load();

  @Test
  void holdsCassandraAllOfTheBuiltVersion() {
    String version = ServerClasspath.cassandraVersion();
    assertEquals("5.0.6", version);
    assertTrue(
        jars.stream()
            .anyMatch(
                jar -> jar.getFileName().toString().equals("cassandra-all-" + version + ".jar")),
        jars::toString);
  }

  @Test
  void holdsCassandrasWholeDependencyTree() {
    assertTrue(jars.size() > 80, "only " + jars.size() + " jars");
  }

  @Test
  void isNotMediatedAgainstThisModulesDependencies() {
    List<String> names = jars.stream().map(jar -> jar.getFileName().toString()).toList();
    assertFalse(names.stream().anyMatch(name -> name.startsWith("java-driver-core-")), "driver");
    assertFalse(names.stream().anyMatch(name -> name.startsWith("junit-")), "junit");
    // Cassandra 5.0 logs with logback 1.2; the parent's logback 1.5 must not replace it.
    assertTrue(names.stream().anyMatch(name -> name.startsWith("logback-classic-1.2.")), "logback");
    // Every netty module at one version: the driver's older netty-handler must not win.
    Map<String, Long> nettyVersions =
        names.stream()
            .filter(name -> name.startsWith("netty-") && !name.startsWith("netty-tcnative"))
            .map(JAR::matcher)
            .filter(Matcher::matches)
            .map(m -> m.group(2).replaceAll("-.*", ""))
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertEquals(1, nettyVersions.size(), nettyVersions::toString);
  }

  @Test
  void parsesAndRejectsEmptyText() {
    assertEquals(
        List.of(Path.of("/a.jar"), Path.of("/b.jar")), ServerClasspath.parse("/a.jar:/b.jar\n"));
    assertThrows(DevCassandraException.class, () -> ServerClasspath.parse(" \n"));
  }
}
