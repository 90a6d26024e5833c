package com.telco.billing.node.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusalCode;
import com.telco.billing.protocol.RefusedException;
import com.typesafe.config.ConfigFactory;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.scaladsl.model.EntityStreamSizeException;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * NDJSON bodies: one record per line, blank lines skipped, a bad line refused by its number. Every
 * case is read as stored text and as streamed bytes (whole, and in chunks that cut lines, CRLFs and
 * characters apart), which must agree.
 */
class UsageBodiesTest {
  private static final long NO_LIMIT = 1 << 20;

  private static ActorSystem<Void> system;

  @BeforeAll
  static void start() {
    // Pekko's defaults only: a local system, not the node's cluster
    system =
        ActorSystem.create(Behaviors.empty(), "usage-bodies", ConfigFactory.defaultReference());
  }

  @AfterAll
  static void stop() {
    system.terminate();
  }

  /** The records of {@code body}, after checking that every way of reading it agrees. */
  private static List<JsonNode> ndjson(String body) {
    List<JsonNode> stored = UsageBodies.fromNdjson(body);
    for (Source<ByteString, NotUsed> data : streamed(body.getBytes(StandardCharsets.UTF_8))) {
      assertEquals(stored, stream(data, StandardCharsets.UTF_8), "streamed: " + body);
    }
    return stored;
  }

  /** The refusal of {@code body}, after checking that every way of reading it refuses it alike. */
  private static Refusal refusal(String body) {
    Refusal stored =
        assertThrows(RefusedException.class, () -> UsageBodies.fromNdjson(body)).refusal();
    for (Source<ByteString, NotUsed> data : streamed(body.getBytes(StandardCharsets.UTF_8))) {
      Throwable failure = streamFailure(data, StandardCharsets.UTF_8);
      assertEquals(new RefusedException(stored), failure, "streamed: " + body);
    }
    return stored;
  }

  /** The bytes whole, in chunks of 1, 2, 3 and 7 bytes. */
  private static List<Source<ByteString, NotUsed>> streamed(byte[] bytes) {
    List<Source<ByteString, NotUsed>> ways = new ArrayList<>();
    ways.add(Source.single(ByteString.fromArray(bytes)));
    for (int size : new int[] {1, 2, 3, 7}) {
      List<ByteString> chunks = new ArrayList<>();
      for (int i = 0; i < bytes.length; i += size) {
        chunks.add(ByteString.fromArray(bytes, i, Math.min(size, bytes.length - i)));
      }
      ways.add(Source.from(chunks));
    }
    return ways;
  }

  private static List<JsonNode> stream(Source<ByteString, ?> data, Charset charset) {
    return UsageBodies.fromNdjson(data, charset, NO_LIMIT, Materializer.matFromSystem(system))
        .toCompletableFuture()
        .join();
  }

  /** How reading {@code data} fails, as the HTTP layer sees it (not wrapped). */
  private static Throwable streamFailure(Source<ByteString, ?> data, Charset charset) {
    CompletableFuture<List<JsonNode>> read =
        UsageBodies.fromNdjson(data, charset, NO_LIMIT, Materializer.matFromSystem(system))
            .toCompletableFuture();
    CompletionException e = assertThrows(CompletionException.class, read::join);
    return e.getCause();
  }

  private static List<String> ids(List<JsonNode> records) {
    return records.stream().map(r -> r.path("id").asText()).toList();
  }

  @Test
  void recordsComeInTheirOrderSkippingBlankLines() {
    String body = "{\"id\":\"a\"}\n\n  \t\n{\"id\":\"b\"}\r\n{\"id\":\"c\"}";
    assertEquals(List.of("a", "b", "c"), ids(ndjson(body)));
  }

  @Test
  void aTrailingNewlineOrCrlfEndsTheLastLine() {
    assertEquals(List.of("a", "b"), ids(ndjson("{\"id\":\"a\"}\n{\"id\":\"b\"}\n")));
    assertEquals(List.of("a", "b"), ids(ndjson("{\"id\":\"a\"}\r\n{\"id\":\"b\"}\r\n")));
  }

  @Test
  void anEmptyOrBlankBodyHasNoRecords() {
    assertEquals(List.of(), ndjson(""));
    assertEquals(List.of(), ndjson("\n\n"));
    assertEquals(List.of(), ndjson(" \r\n \n"));
  }

  @Test
  void lineValuesAreKeptAsTheyAre() {
    List<JsonNode> records = ndjson("{\"q\":0.10}\nnull\n\"x\"\n[1]\n");
    assertEquals("0.10", records.get(0).get("q").decimalValue().toPlainString());
    assertEquals(4, records.size());
    assertEquals(true, records.get(1).isNull());
    assertEquals("x", records.get(2).textValue());
    assertEquals(true, records.get(3).isArray());
  }

  @Test
  void aMalformedLineIsRefusedByItsNumberCountingBlankLines() {
    Refusal r = refusal("{\"id\":\"a\"}\n\n{oops\n{\"id\":\"b\"}");
    assertEquals(RefusalCode.MALFORMED_NDJSON, r.code());
    assertEquals("line 3", r.field());
    assertEquals("line 3: malformed JSON (line 1, column 2)", r.message());
  }

  @Test
  void twoValuesOnOneLineAreMalformed() {
    Refusal r = refusal("{\"id\":\"a\"} {\"id\":\"b\"}\n");
    assertEquals(RefusalCode.MALFORMED_NDJSON, r.code());
    assertEquals("line 1", r.field());
    assertEquals("line 1: malformed JSON (line 1, column 12)", r.message());
  }

  @Test
  void aLineCutShortIsMalformed() {
    Refusal r = refusal("{\"id\":\"a\"}\r\n{\"id\":\r\n\"b\"}");
    assertEquals(RefusalCode.MALFORMED_NDJSON, r.code());
    assertEquals("line 2", r.field());
  }

  @Test
  void aDuplicateKeyKeepsItsCodeAndNamesTheLine() {
    Refusal r = refusal("{}\n{\"q\":1,\"q\":2}\n");
    assertEquals(RefusalCode.DUPLICATE_FIELD, r.code());
    assertEquals("line 2", r.field());
    assertEquals(
        "line 2: a JSON object names the same field twice (line 1, column 11)", r.message());
  }

  @Test
  void aTooDeepLineIsTooComplex() {
    String deep = "[".repeat(40) + "]".repeat(40);
    Refusal r = refusal("{}\n{}\n" + deep);
    assertEquals(RefusalCode.TOO_COMPLEX, r.code());
    assertEquals("line 3", r.field());
  }

  @Test
  void theFirstBadLineIsTheOneRefused() {
    Refusal r = refusal("{}\n{bad\n{\"q\":1,\"q\":2}\n");
    assertEquals(RefusalCode.MALFORMED_NDJSON, r.code());
    assertEquals("line 2", r.field());
  }

  @Test
  void charactersBeyondAsciiSurviveAnyChunking() {
    assertEquals(
        List.of("\u00fc\u20ac\ud83d\ude00", "b"),
        ids(ndjson("{\"id\":\"\u00fc\u20ac\ud83d\ude00\"}\r\n{\"id\":\"b\"}")));
  }

  @Test
  void aBodyInAnotherCharsetIsDecodedInIt() {
    String body = "{\"id\":\"\u00e9t\u00e9\"}\r\n\n{\"id\":\"b\"}\n";
    List<JsonNode> stored = UsageBodies.fromNdjson(body);
    for (Charset charset : List.of(StandardCharsets.ISO_8859_1, StandardCharsets.UTF_16)) {
      for (Source<ByteString, NotUsed> data : streamed(body.getBytes(charset))) {
        assertEquals(stored, stream(data, charset), charset.name());
      }
    }
  }

  @Test
  void aBodyOverTheLimitFailsAsTooLargeEvenWhenALineIsBad() {
    byte[] bytes = ("{oops\n" + "{}\n".repeat(20)).getBytes(StandardCharsets.UTF_8);
    for (Source<ByteString, NotUsed> data : streamed(bytes)) {
      var entity =
          HttpEntities.create(ContentTypes.APPLICATION_OCTET_STREAM, data).withSizeLimit(40);
      Throwable failure = streamFailure(entity.getDataBytes(), StandardCharsets.UTF_8);
      assertEquals(EntityStreamSizeException.class, failure.getClass(), failure.toString());
    }
    var strict =
        HttpEntities.create(ContentTypes.APPLICATION_OCTET_STREAM, bytes).withSizeLimit(40);
    assertEquals(
        EntityStreamSizeException.class,
        streamFailure(strict.getDataBytes(), StandardCharsets.UTF_8).getClass());
  }

  @Test
  void aBodyUpToTheLimitIsRead() {
    String body = "{\"id\":\"" + "x".repeat(30) + "\"}";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    var entity =
        HttpEntities.create(
                ContentTypes.APPLICATION_OCTET_STREAM, Source.single(ByteString.fromArray(bytes)))
            .withSizeLimit(bytes.length);
    List<JsonNode> records =
        UsageBodies.fromNdjson(
                entity.getDataBytes(),
                StandardCharsets.UTF_8,
                bytes.length,
                Materializer.matFromSystem(system))
            .toCompletableFuture()
            .join();
    assertEquals(List.of("x".repeat(30)), ids(records));
  }
}
