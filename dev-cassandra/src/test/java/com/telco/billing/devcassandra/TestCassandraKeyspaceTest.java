package com.telco.billing.devcassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TestCassandraKeyspaceTest {

  private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9_]*");

  @Test
  void everyPrefixGivesAValidUnquotedName() {
    for (String prefix :
        List.of(
            "",
            "_",
            "42",
            "Äpfel",
            "invoice-projection",
            "DevCassandraIT",
            "ALLCAPS",
            "a".repeat(200),
            "x_" + "_".repeat(60) + "y",
            "with space and.dots",
            "ok_name")) {
      String name = TestCassandra.uniqueKeyspace(prefix);
      assertTrue(VALID.matcher(name).matches(), prefix + " -> " + name);
      assertTrue(name.length() <= TestCassandra.MAX_KEYSPACE_NAME_LENGTH, name);
      assertTrue(name.length() < 48, name);
    }
  }

  @Test
  void keepsTheReadablePartInSnakeCase() {
    assertTrue(TestCassandra.uniqueKeyspace("DevCassandraIT").startsWith("dev_cassandra_it_"));
    assertTrue(
        TestCassandra.uniqueKeyspace("invoice-projection").startsWith("invoice_projection_"));
    assertTrue(TestCassandra.uniqueKeyspace("42").startsWith("ks_42_"));
    assertTrue(TestCassandra.uniqueKeyspace("").startsWith("ks_"));
  }

  @Test
  void endsWithTenRandomCharacters() {
    String name = TestCassandra.uniqueKeyspace("billing");
    assertEquals("billing_".length() + 10, name.length());
  }

  @Test
  void namesAreUnique() {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < 20_000; i++) {
      assertTrue(names.add(TestCassandra.uniqueKeyspace("same")));
    }
  }
}
