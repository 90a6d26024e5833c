package com.telco.billing.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The usage date parser answers exactly what {@code OffsetDateTime.parse} answers. */
class IsoInstantsTest {

  @ParameterizedTest
  @CsvSource({
    "2026-03-02T08:00:00Z, 2026-03-02T08:00:00Z",
    "2026-03-02T08:00:00.5Z, 2026-03-02T08:00:00.500Z",
    "2026-03-02T08:00:00.000000001Z, 2026-03-02T08:00:00.000000001Z",
    "2026-03-02T08:00:00.123456789+01:00, 2026-03-02T07:00:00.123456789Z",
    "2026-03-02T00:30:00+05:45, 2026-03-01T18:45:00Z",
    "2026-03-01T23:30:00-05:30, 2026-03-02T05:00:00Z",
    "2026-03-02T08:00:00-00:00, 2026-03-02T08:00:00Z",
    "2024-02-29T23:59:59+18:00, 2024-02-29T05:59:59Z",
    "0000-01-01T00:00:00Z, 0000-01-01T00:00:00Z",
    // not the common shape: answered by the JDK's parser, same result
    "2026-03-02T08:00Z, 2026-03-02T08:00:00Z",
    "2026-03-02t08:00:00z, 2026-03-02T08:00:00Z",
    "2026-03-02T08:00:00.Z, 2026-03-02T08:00:00Z",
    "2026-03-02T08:00:00+01:00:30, 2026-03-02T06:59:30Z",
    "+12026-03-02T08:00:00Z, +12026-03-02T08:00:00Z"
  })
  void parsesAsTheJdkDoes(String text, String expected) {
    assertEquals(Instant.parse(expected), IsoInstants.parseOffsetDateTime(text));
    assertEquals(OffsetDateTime.parse(text).toInstant(), IsoInstants.parseOffsetDateTime(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "2026-03-02",
        "2026-03-02T08:00:00",
        "2026-02-29T08:00:00Z",
        "2026-13-02T08:00:00Z",
        "2026-00-02T08:00:00Z",
        "2026-03-32T08:00:00Z",
        "2026-03-02T24:00:00Z",
        "2026-03-02T23:60:00Z",
        "2026-03-02T23:59:60Z",
        "2026-03-02T08:00:00.1234567890Z",
        "2026-03-02T08:00:00+19:00",
        "2026-03-02T08:00:00+01:60",
        "2026-03-02T08:00:00+0100",
        "2026-03-02T08:00:00 Z",
        "2026-03-02 08:00:00Z",
        "2026-3-02T08:00:00Z",
        "2026-03-02T08:00:00ZZ",
        "２０２６-03-02T08:00:00Z"
      })
  void refusesWhatTheJdkRefuses(String text) {
    assertThrows(DateTimeParseException.class, () -> OffsetDateTime.parse(text));
    assertThrows(DateTimeParseException.class, () -> IsoInstants.parseOffsetDateTime(text));
  }

  @Property(tries = 3000)
  void agreesWithTheJdkOnNearlyWellFormedText(@ForAll("dateTimes") String text) {
    Object jdk;
    try {
      jdk = OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeException e) {
      jdk = e.getClass();
    }
    Object ours;
    try {
      ours = IsoInstants.parseOffsetDateTime(text);
    } catch (DateTimeException e) {
      ours = e.getClass();
    }
    assertEquals(jdk, ours, text);
  }

  /** Date-times of the common shape, with fields in and out of range and a character changed. */
  @Provide
  Arbitrary<String> dateTimes() {
    Arbitrary<String> wellShaped =
        Combinators.combine(
                Arbitraries.integers().between(0, 9999),
                Arbitraries.integers().between(0, 13),
                Arbitraries.integers().between(0, 32),
                Arbitraries.integers().between(0, 24),
                Arbitraries.integers().between(0, 60),
                Arbitraries.integers().between(0, 60),
                Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(10),
                Arbitraries.of(
                    "Z", "+00:00", "-00:00", "+01:00", "-05:30", "+18:00", "-18:00", "+18:01",
                    "+05:45", "+01:61", "z", "+0100", ""))
            .as(
                (y, mo, d, h, mi, s, fraction, offset) ->
                    String.format("%04d-%02d-%02dT%02d:%02d:%02d", y, mo, d, h, mi, s)
                        + (fraction.isEmpty() ? "" : "." + fraction)
                        + offset);
    return Arbitraries.oneOf(
        wellShaped,
        wellShaped.flatMap(
            text ->
                Combinators.combine(
                        Arbitraries.integers().between(0, text.length() - 1),
                        Arbitraries.of('-', ':', 'T', '.', '0', '9', 'x', ' ', '+'))
                    .as(
                        (at, c) ->
                            text.substring(0, at)
                                + c
                                + text.substring(Math.min(text.length(), at + 1)))));
  }
}
