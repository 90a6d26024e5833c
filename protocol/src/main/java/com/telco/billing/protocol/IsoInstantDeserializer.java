package com.telco.billing.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads an {@link Instant} written as {@code Instant.toString()} writes it ({@code
 * yyyy-MM-ddTHH:mm:ss[.fraction]Z}, how our serializers write every instant) straight from its
 * characters; anything else goes to the jsr310 module's deserializer as before. Every event has
 * instants (when it was recorded, when usage happened), and jsr310 parses each through a {@code
 * DateTimeFormatter}: a fifth of the time spent reading account events back during recovery.
 */
final class IsoInstantDeserializer extends StdScalarDeserializer<Instant> {
  private static final long serialVersionUID = 1L;

  private static final int SECONDS_PER_DAY = 86_400;

  IsoInstantDeserializer() {
    super(Instant.class);
  }

  @Override
  public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (p.hasToken(JsonToken.VALUE_STRING)) {
      Instant instant = parse(p.getText());
      if (instant != null) {
        return instant;
      }
    }
    return InstantDeserializer.INSTANT.deserialize(p, ctxt);
  }

  /**
   * The instant {@code text} names when it is exactly {@code yyyy-MM-ddTHH:mm:ss}, optionally
   * {@code .} and 1 to 9 digits, then {@code Z}, with a valid date and time of day; else {@code
   * null} (the caller falls back to the full parser, which also reports errors).
   */
  static Instant parse(String text) {
    int length = text.length();
    if (length < 20
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':'
        || text.charAt(length - 1) != 'Z') {
      return null;
    }
    LocalDate date = IsoDateDeserializer.parse(text, 0);
    int hour = IsoDateDeserializer.digits(text, 11, 13);
    int minute = IsoDateDeserializer.digits(text, 14, 16);
    int second = IsoDateDeserializer.digits(text, 17, 19);
    if (date == null || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0) {
      return null;
    }
    if (second > 59) {
      return null; // a leap second: jsr310 decides
    }
    int nanos = 0;
    if (length > 20) {
      int fractionDigits = length - 21;
      if (text.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) {
        return null;
      }
      int fraction = IsoDateDeserializer.digits(text, 20, length - 1);
      if (fraction < 0) {
        return null;
      }
      nanos = fraction;
      for (int i = fractionDigits; i < 9; i++) {
        nanos *= 10;
      }
    }
    long epochSecond = date.toEpochDay() * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second;
    return Instant.ofEpochSecond(epochSecond, nanos);
  }
}
