package com.telco.billing.node.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.telco.billing.node.catalog.CatalogState;
import com.telco.billing.node.testing.TestConfigs;
import com.telco.billing.protocol.account.AccountEvent;
import com.telco.billing.protocol.account.journal.AccountSnapshot;
import com.telco.billing.protocol.billrun.BillRunEvent;
import com.telco.billing.protocol.billrun.journal.BillRunSnapshot;
import com.telco.billing.protocol.catalog.CatalogEvent;
import com.telco.billing.protocol.dunning.DunningPolicyEvent;
import com.telco.billing.protocol.guiding.ServiceEvent;
import com.telco.billing.protocol.guiding.journal.ServiceGuideSnapshot;
import com.telco.billing.protocol.invoice.SeriesEvent;
import com.telco.billing.protocol.invoice.journal.SeriesSnapshot;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Reads the golden journal, every event and snapshot as older nodes wrote them ({@code
 * src/test/resources/golden-journal/}, written by {@link GoldenJournalWriter}), with today's code
 * and the node's serialization settings, and expects the values of {@link GoldenJournal}: a rolling
 * upgrade never meets an event or snapshot it cannot read, and a renamed field or a broken
 * migration fails here.
 */
class GoldenJournalTest {
  private static final ActorTestKit testKit = ActorTestKit.create(TestConfigs.serialization());
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Every type the entities persist: events (by hierarchy) and snapshots. */
  private static final List<Class<?>> PERSISTED =
      List.of(
          AccountEvent.class,
          AccountSnapshot.class,
          ServiceEvent.class,
          ServiceGuideSnapshot.class,
          CatalogEvent.class,
          CatalogState.class,
          DunningPolicyEvent.class,
          SeriesEvent.class,
          SeriesSnapshot.class,
          BillRunEvent.class,
          BillRunSnapshot.class,
          com.telco.billing.protocol.rerating.ReratingEvent.class,
          com.telco.billing.node.rerating.ReratingState.class);

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @TestFactory
  Stream<DynamicTest> everyFixtureReadsAsItsExpectedValue() throws Exception {
    Map<String, Object> expected = GoldenJournal.expected();
    Map<String, Object> states = GoldenJournal.recoveredStates();
    Serialization serialization = SerializationExtension.get(testKit.system());
    return fixtureNames().stream()
        .map(
            name ->
                DynamicTest.dynamicTest(
                    name,
                    () -> {
                      JsonNode fixture = JSON.readTree(fixture(name).toFile());
                      byte[] bytes = Base64.getDecoder().decode(fixture.get("bytes").asText());
                      Object read =
                          serialization
                              .deserialize(
                                  bytes,
                                  fixture.get("serializerId").asInt(),
                                  fixture.get("manifest").asText())
                              .get();
                      assertTrue(expected.containsKey(name), "no expected value for " + name);
                      assertEquals(expected.get(name), read, name);
                      if (states.containsKey(name)) {
                        assertEquals(states.get(name), GoldenJournal.recover(read), name);
                      }
                    }));
  }

  @Test
  void everyExpectedValueHasItsFixture() throws Exception {
    Set<String> missing = new TreeSet<>(GoldenJournal.expected().keySet());
    missing.removeAll(fixtureNames());
    assertEquals(
        Set.of(), missing, "run GoldenJournalWriter (see its Javadoc) to write these fixtures");
  }

  @Test
  void everyPersistedTypeHasAFixture() {
    List<Class<?>> concrete = new ArrayList<>();
    PERSISTED.forEach(type -> collectConcrete(type, concrete));
    var covered =
        GoldenJournal.expected().values().stream()
            .map(Object::getClass)
            .collect(Collectors.toSet());
    for (Class<?> type : concrete) {
      assertTrue(
          covered.stream().anyMatch(type::isAssignableFrom),
          "no golden journal value of " + type.getName() + ": add one to GoldenJournal");
    }
  }

  private static Set<String> fixtureNames() throws IOException, URISyntaxException {
    try (Stream<Path> files = Files.list(directory())) {
      return files
          .map(file -> file.getFileName().toString())
          .filter(file -> file.endsWith(".json"))
          .map(file -> file.substring(0, file.length() - ".json".length()))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  private static Path fixture(String name) throws URISyntaxException {
    return directory().resolve(name + ".json");
  }

  private static Path directory() throws URISyntaxException {
    return Path.of(
        GoldenJournalTest.class.getClassLoader().getResource(GoldenJournal.DIRECTORY).toURI());
  }

  private static void collectConcrete(Class<?> type, List<Class<?>> into) {
    if (type.isSealed()) {
      for (Class<?> sub : type.getPermittedSubclasses()) {
        collectConcrete(sub, into);
      }
    } else {
      into.add(type);
    }
  }
}
