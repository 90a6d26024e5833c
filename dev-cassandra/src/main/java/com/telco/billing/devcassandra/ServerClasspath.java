package com.telco.billing.devcassandra;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Reads what the build wrote about the Cassandra server: its classpath (absolute paths into the
 * local Maven repository, resolved from cassandra-all alone) and its version.
 */
final class ServerClasspath {

  /** Classpath resource holding the server classpath, {@link File#pathSeparator}-separated. */
  static final String CLASSPATH_RESOURCE = "dev-cassandra/cassandra-server.classpath";

  static final String PROPERTIES_RESOURCE = "dev-cassandra/dev-cassandra.properties";

  private static final String REBUILD_HINT =
      "; rebuild the module (mvn -pl dev-cassandra -am install -DskipTests) to resolve it again";

  private ServerClasspath() {}

  /**
   * @return the server's jars, in classpath order, each checked to exist
   * @throws DevCassandraException if the resource is missing or names a missing jar
   */
  static List<Path> load() {
    String text = readResource(CLASSPATH_RESOURCE);
    List<Path> jars = parse(text);
    List<Path> missing = jars.stream().filter(jar -> !Files.isRegularFile(jar)).toList();
    if (!missing.isEmpty()) {
      throw new DevCassandraException(
          missing.size()
              + " Cassandra jar(s) missing from the local Maven repository, first: "
              + missing.get(0)
              + REBUILD_HINT);
    }
    return jars;
  }

  static List<Path> parse(String text) {
    List<Path> jars = new ArrayList<>();
    for (String entry : text.split(File.pathSeparator)) {
      String trimmed = entry.strip();
      if (!trimmed.isEmpty()) {
        jars.add(Path.of(trimmed));
      }
    }
    if (jars.isEmpty()) {
      throw new DevCassandraException("empty server classpath in " + CLASSPATH_RESOURCE);
    }
    return jars;
  }

  /**
   * @return the Cassandra version the classpath was resolved for, e.g. {@code 5.0.6}
   */
  static String cassandraVersion() {
    Properties properties = new Properties();
    try (InputStream in = open(PROPERTIES_RESOURCE)) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + PROPERTIES_RESOURCE, e);
    }
    return properties.getProperty("cassandra.version");
  }

  private static String readResource(String name) {
    try (InputStream in = open(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }

  private static InputStream open(String name) {
    InputStream in = ServerClasspath.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new DevCassandraException("resource " + name + " not on the classpath" + REBUILD_HINT);
    }
    return in;
  }
}
