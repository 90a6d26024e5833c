package com.telco.billing.node.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusalCode;
import com.telco.billing.protocol.RefusedException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Framing;
import org.apache.pekko.stream.javadsl.FramingTruncation;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;

/**
 * Splits a usage batch's body into records: a JSON array ({@code application/json}) or one JSON
 * object per line ({@code application/x-ndjson}). Used for a body as it is received and for a batch
 * read back from the intake log. A body that is not well-formed is refused whole (invalid input),
 * naming the line for NDJSON; a well-formed record with wrong fields is refused on its own by the
 * usage service.
 *
 * <p>NDJSON lines end with {@code \n} (a {@code \r} before it, like any whitespace around a line,
 * is ignored); blank lines are skipped but counted, so a refusal names the line as an editor
 * numbers it.
 */
public final class UsageBodies {
  private UsageBodies() {}

  private static final ByteString NEWLINE = ByteString.fromString("\n");

  /**
   * Charsets in which byte {@code 0x0A} is {@code \n} and never part of another character: their
   * bytes can be framed by line before they are decoded.
   */
  private static final Set<Charset> LINE_FRAMEABLE =
      Set.of(StandardCharsets.UTF_8, StandardCharsets.US_ASCII, StandardCharsets.ISO_8859_1);

  public static List<JsonNode> fromJsonArray(String body) {
    JsonNode tree = StrictJson.readTree(body);
    if (!tree.isArray()) {
      throw Refusal.of(
              RefusalCode.INVALID_BODY, null, "the body must be a JSON array of usage records")
          .toException();
    }
    List<JsonNode> records = new ArrayList<>(tree.size());
    tree.forEach(records::add);
    return records;
  }

  /** The records of an NDJSON body held as text (a batch read back from the intake log). */
  public static List<JsonNode> fromNdjson(String body) {
    // The stored body is already one string in memory: split here; bodies arriving over HTTP are
    // framed by line as their bytes stream in (below). Both read their lines with NdjsonLines.
    NdjsonLines lines = new NdjsonLines();
    for (String line : body.split("\n", -1)) {
      lines.add(line);
    }
    return lines.records();
  }

  /**
   * The records of an NDJSON body as its bytes arrive: framed by line ({@code \n}, at most {@code
   * maxBodyBytes} a line, as the body itself), each line decoded in {@code charset} and parsed with
   * the strict reader, in order.
   *
   * <p>Fails as {@code data} fails (e.g. with the body size limit's exception, before any refusal
   * of a line: the whole body is read first), else with the refusal of the first bad line.
   */
  public static CompletionStage<List<JsonNode>> fromNdjson(
      Source<ByteString, ?> data, Charset charset, long maxBodyBytes, Materializer materializer) {
    Source<ByteString, ?> utf8 =
        LINE_FRAMEABLE.contains(charset)
            ? data
            : data.fold(ByteString.emptyByteString(), ByteString::concat)
                .map(all -> ByteString.fromString(all.decodeString(charset)));
    Charset lineCharset = LINE_FRAMEABLE.contains(charset) ? charset : StandardCharsets.UTF_8;
    int maxLine = (int) Math.min(maxBodyBytes, Integer.MAX_VALUE);
    return utf8.via(Framing.delimiter(NEWLINE, maxLine, FramingTruncation.ALLOW))
        .map(line -> line.decodeString(lineCharset))
        .fold(new NdjsonLines(), NdjsonLines::add)
        .map(NdjsonLines::records)
        .runWith(Sink.head(), materializer);
  }

  /**
   * Reads NDJSON line by line, in order: counts every line, skips blank ones, parses the others
   * with the strict reader and keeps the refusal of the first that fails (later lines are then only
   * counted).
   */
  private static final class NdjsonLines {
    private final List<JsonNode> records = new ArrayList<>();
    private int lineNumber;
    private RefusedException refused;

    NdjsonLines add(String text) {
      lineNumber++;
      String line = text.strip();
      if (refused != null || line.isEmpty()) {
        return this;
      }
      try {
        records.add(StrictJson.MAPPER.readTree(line));
      } catch (JsonProcessingException e) {
        refused = lineRefusal(e, "line " + lineNumber);
      }
      return this;
    }

    List<JsonNode> records() {
      if (refused != null) {
        throw refused;
      }
      return records;
    }
  }

  /** Malformed JSON on a line is malformed NDJSON; other refusals keep their code. */
  private static RefusedException lineRefusal(JsonProcessingException e, String where) {
    Refusal malformed = StrictJson.malformed(e, where + ": ").refusal();
    RefusalCode code =
        malformed.code() == RefusalCode.MALFORMED_JSON
            ? RefusalCode.MALFORMED_NDJSON
            : malformed.code();
    return Refusal.of(code, where, malformed.message()).toException();
  }
}
