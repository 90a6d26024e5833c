package com.telco.billing.devcassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaLocatorTest {

  @TempDir Path jvms;

  @Test
  void usesTheRunningJvmWhenItIsJava17() {
    Path current = Path.of("/opt/current");
    assertEquals(
        current.resolve("bin/java"), JavaLocator.locate(Optional.empty(), current, 17, jvms));
  }

  @Test
  void looksForJava17UnderTheJvmRootOtherwise() throws IOException {
    fakeHome("temurin-25", "25.0.1");
    Path java17 = fakeHome("zulu-17", "17.0.9");
    assertEquals(
        java17.resolve("bin/java"),
        JavaLocator.locate(Optional.empty(), Path.of("/opt/current"), 25, jvms));
  }

  @Test
  void explainsWhenThereIsNoJava17() throws IOException {
    fakeHome("temurin-25", "25.0.1");
    DevCassandraException e =
        assertThrows(
            DevCassandraException.class,
            () -> JavaLocator.locate(Optional.empty(), Path.of("/opt/current"), 25, jvms));
    assertTrue(e.getMessage().contains(JavaLocator.JAVA_HOME_ENV), e.getMessage());
  }

  @Test
  void anExplicitHomeWins() throws IOException {
    Path explicit = fakeHome("chosen", "21.0.1");
    assertEquals(
        explicit.resolve("bin/java"),
        JavaLocator.locate(Optional.of(explicit), Path.of("/opt/current"), 17, jvms));
  }

  @Test
  void anExplicitHomeWithoutJavaIsAnError() {
    assertThrows(
        DevCassandraException.class,
        () ->
            JavaLocator.locate(
                Optional.of(jvms.resolve("missing")), Path.of("/opt/current"), 17, jvms));
  }

  @Test
  void readsTheFeatureVersionFromTheReleaseFile() throws IOException {
    assertEquals(OptionalInt.of(17), JavaLocator.featureOf(fakeHome("a", "17.0.15")));
    assertEquals(OptionalInt.empty(), JavaLocator.featureOf(jvms.resolve("none")));
  }

  private Path fakeHome(String name, String version) throws IOException {
    Path home = jvms.resolve(name);
    Files.createDirectories(home.resolve("bin"));
    Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
    Path java = Files.createFile(home.resolve("bin/java"));
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    return home;
  }
}
