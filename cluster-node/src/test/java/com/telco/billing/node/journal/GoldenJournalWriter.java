package com.telco.billing.node.journal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.telco.billing.node.testing.TestConfigs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.Serializers;
import org.apache.pekko.serialization.jackson.JacksonObjectMapperProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the golden journal fixtures: every value of {@link GoldenJournal#expected()} as the node's
 * serializer writes it with the code of the day (bytes, serializer id and manifest), one file per
 * value under {@code src/test/resources/golden-journal/}. Existing fixtures are never overwritten:
 * they are what older nodes wrote. Run only on request, when a new event or snapshot type (or
 * variant) is added:
 *
 * <pre>
 * mvn -o test -pl cluster-node -am -Dtest=GoldenJournalWriter -Dgolden.write=true \
 *     -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@EnabledIfSystemProperty(named = "golden.write", matches = "true")
class GoldenJournalWriter {

  @Test
  void writeMissingFixtures() throws Exception {
    Path directory = Path.of("src/test/resources", GoldenJournal.DIRECTORY);
    Files.createDirectories(directory);
    ActorTestKit testKit = ActorTestKit.create(TestConfigs.serialization());
    try {
      Serialization serialization = SerializationExtension.get(testKit.system());
      // trees keep the scale of amounts (0.090000 stays 0.090000) when a fixture is edited
      ObjectMapper cbor =
          JacksonObjectMapperProvider.get(testKit.system())
              .getOrCreate("jackson-cbor", Optional.empty())
              .copy()
              .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
      ObjectMapper json = new ObjectMapper();
      Map<String, List<String>> without = GoldenJournal.writtenWithout();
      for (Map.Entry<String, Object> entry : GoldenJournal.expected().entrySet()) {
        Path file = directory.resolve(entry.getKey() + ".json");
        if (Files.exists(file)) {
          continue;
        }
        Object value = entry.getValue();
        Serializer serializer = serialization.findSerializerFor(value);
        byte[] bytes = serialization.serialize(value).get();
        if (without.containsKey(entry.getKey())) {
          ObjectNode tree = (ObjectNode) cbor.readTree(bytes);
          tree.remove(without.get(entry.getKey()));
          bytes = cbor.writeValueAsBytes(tree);
        }
        ObjectNode fixture = json.createObjectNode();
        fixture.put("serializerId", serializer.identifier());
        fixture.put("manifest", Serializers.manifestFor(serializer, value));
        fixture.put("bytes", Base64.getEncoder().encodeToString(bytes));
        fixture.set("readable", cbor.readTree(bytes));
        Files.writeString(
            file, json.writerWithDefaultPrettyPrinter().writeValueAsString(fixture) + "\n");
      }
      assertTrue(Files.list(directory).findAny().isPresent());
    } finally {
      testKit.shutdownTestKit();
    }
  }
}
