package com.telco.billing.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextRulesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Jane Doe",
        "Jürgen Müller-Lüdenscheidt",
        "株式会社テレコ",
        "مرحبا",
        "O'Brien & Söhne",
        "emoji 👩‍👩‍👧 family",
        "زن‌ها",
        ""
      })
  void acceptsOrdinaryText(String text) {
    assertTrue(TextRules.isClean(text), text);
  }

  @ParameterizedTest
  @CsvSource({
    "'\ud800x', malformed_text",
    "'x\udc00', malformed_text",
    "'a\ufffdb', malformed_text",
    "'a\uffffb', malformed_text",
    "'a\u0000b', control_character",
    "'a\nb', control_character",
    "'a\tb', control_character",
    "'a\u007fb', control_character",
    "'a\u0085b', control_character",
    "'a\u202eb', control_character",
    "'a\u2066b', control_character",
    "'a\u200bb', control_character",
    "'a\ufeffb', control_character",
    "'a\u2028b', control_character",
    "'a\ue000b', control_character",
    "'pay 4111 1111 1111 1111', card_number_not_allowed"
  })
  void refusesWithTheRulesCode(String text, String code) {
    assertEquals(code, TextRules.check(text, "name").orElseThrow().code());
  }

  @Test
  void messagesNameTheFieldNeverTheValue() {
    String value = "4111111111111111";
    FieldError error = TextRules.check(value, "name").orElseThrow();
    assertEquals("name", error.field());
    assertFalse(error.message().contains(value));
    assertTrue(error.message().contains("name"));
  }

  @Test
  void serviceNumbersMayBeCheckedWithoutTheCardRule() {
    assertTrue(TextRules.checkCharacters("4111111111111111", "serviceId").isEmpty());
    assertTrue(TextRules.checkCharacters("\ud800", "serviceId").isPresent());
  }

  @Property
  void aLoneSurrogateAnywhereIsRefused(
      @ForAll @StringLength(max = 20) @CharRange(from = 'a', to = 'z') String before,
      @ForAll @CharRange(from = '\ud800', to = '\udfff') char lone,
      @ForAll @StringLength(max = 20) @CharRange(from = 'a', to = 'z') String after) {
    assertEquals(
        TextRules.MALFORMED, TextRules.check(before + lone + after, "f").orElseThrow().code());
  }

  @Property
  void printableAsciiWithoutLongDigitRunsIsClean(
      @ForAll @StringLength(max = 60) @CharRange(from = ' ', to = '~') String text) {
    boolean manyDigits = text.chars().filter(Character::isDigit).count() >= 13;
    if (!manyDigits) {
      assertTrue(TextRules.isClean(text), text);
    }
  }
}
