package com.telco.billing.devcassandra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the {@code java} executable for the Cassandra child JVM. Cassandra 5.0 runs on Java 17 (on
 * Java 25 it fails: "Setting a system-wide Policy object is not supported").
 *
 * <p>Order: an explicit home (builder or {@value #JAVA_HOME_ENV}), else the running JVM if it is
 * Java 17, else the first Java 17 under {@code /usr/lib/jvm}.
 */
final class JavaLocator {

  /** Environment variable naming the Java home for the child JVM. */
  static final String JAVA_HOME_ENV = "CASSANDRA_JAVA_HOME";

  static final int REQUIRED_FEATURE = 17;

  static final Path JVM_ROOT = Path.of("/usr/lib/jvm");

  private static final Pattern JAVA_VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");

  private JavaLocator() {}

  /**
   * @param explicitHome a home set on the builder, or null
   * @return the java executable to run Cassandra with
   */
  static Path locate(Path explicitHome) {
    return locate(
        Optional.ofNullable(explicitHome)
            .or(() -> Optional.ofNullable(System.getenv(JAVA_HOME_ENV)).map(Path::of)),
        Path.of(System.getProperty("java.home")),
        Runtime.version().feature(),
        JVM_ROOT);
  }

  static Path locate(
      Optional<Path> explicitHome, Path currentHome, int currentFeature, Path jvmRoot) {
    if (explicitHome.isPresent()) {
      Path java = javaIn(explicitHome.get());
      if (!Files.isExecutable(java)) {
        throw new DevCassandraException(
            "no executable "
                + java
                + " (Java home from the builder or "
                + JAVA_HOME_ENV
                + ": "
                + explicitHome.get()
                + ")");
      }
      return java;
    }
    if (currentFeature == REQUIRED_FEATURE) {
      return javaIn(currentHome);
    }
    return findUnder(jvmRoot)
        .orElseThrow(
            () ->
                new DevCassandraException(
                    "Cassandra 5.0 needs Java "
                        + REQUIRED_FEATURE
                        + ", this JVM is Java "
                        + currentFeature
                        + " and there is no Java "
                        + REQUIRED_FEATURE
                        + " under "
                        + jvmRoot
                        + ": set "
                        + JAVA_HOME_ENV
                        + " to a Java "
                        + REQUIRED_FEATURE
                        + " home"));
  }

  static Optional<Path> findUnder(Path jvmRoot) {
    if (!Files.isDirectory(jvmRoot)) {
      return Optional.empty();
    }
    List<Path> homes;
    try (Stream<Path> children = Files.list(jvmRoot)) {
      homes = children.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + jvmRoot, e);
    }
    return homes.stream()
        .filter(home -> featureOf(home).orElse(-1) == REQUIRED_FEATURE)
        .map(JavaLocator::javaIn)
        .filter(Files::isExecutable)
        .findFirst();
  }

  /** The feature version in a Java home's {@code release} file. */
  static OptionalInt featureOf(Path home) {
    Path release = home.resolve("release");
    if (!Files.isRegularFile(release)) {
      return OptionalInt.empty();
    }
    try {
      Matcher matcher = JAVA_VERSION.matcher(Files.readString(release));
      return matcher.find()
          ? OptionalInt.of(Integer.parseInt(matcher.group(1)))
          : OptionalInt.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + release, e);
    }
  }

  private static Path javaIn(Path home) {
    return home.resolve("bin").resolve("java");
  }
}
