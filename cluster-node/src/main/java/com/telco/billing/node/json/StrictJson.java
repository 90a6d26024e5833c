package com.telco.billing.node.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.cfg.MutableCoercionConfig;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import com.telco.billing.core.validation.FieldError;
import com.telco.billing.core.validation.PlausibleDates;
import com.telco.billing.core.validation.TextRules;
import com.telco.billing.core.validation.Validator;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusalCode;
import com.telco.billing.protocol.RefusedException;
import com.telco.billing.protocol.http.UsageRecordDraft;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The JSON the system reads, from HTTP bodies and from the usage batches it stored: one strict
 * {@link ObjectMapper} (docs/input-contract.md). What it refuses fails with a {@link
 * RefusedException} of invalid input.
 *
 * <ul>
 *   <li>Unknown fields, duplicate keys, trailing tokens and null for numbers are errors.
 *   <li>No coercion between JSON types: a number is not a string, a boolean or a date, a string is
 *       not a number, a float is not an integer.
 *   <li>Decimals are read as {@code BigDecimal}, never {@code double}; numbers have at most 100
 *       digits, objects nest at most {@value #MAX_NESTING} deep, names are at most {@value
 *       #MAX_NAME_LENGTH} characters.
 *   <li>Dates are {@code yyyy-MM-dd} in the years {@link PlausibleDates 2000 to 2099}.
 *   <li>Every string and every field name of a body obeys {@link TextRules} before the body is
 *       bound, so no field can carry malformed Unicode, control characters or a card number into an
 *       event.
 * </ul>
 *
 * <p>Error messages name the field and the rule, never the submitted value.
 */
public final class StrictJson {
  private StrictJson() {}

  static final int MAX_NESTING = 32;
  static final int MAX_NAME_LENGTH = 256;
  static final int MAX_STRING_LENGTH = 1 << 20;

  /** Field names that are echoed in a {@code field}; anything else is named by its position. */
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,63}");

  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .addModule(new Jdk8Module())
          .addModule(new ParameterNamesModule())
          .addModule(strictDates())
          .addMixIn(UsageRecordDraft.class, UsageRecordDraftMixIn.class)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          // Bodies are read into a tree first: keep each decimal exactly as written (0.00 stays
          // 0.00, the document is served as it was published).
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .withCoercionConfig(
              LogicalType.Textual,
              c ->
                  fail(
                      c,
                      CoercionInputShape.Integer,
                      CoercionInputShape.Float,
                      CoercionInputShape.Boolean))
          .withCoercionConfig(
              LogicalType.Boolean,
              c ->
                  fail(
                      c,
                      CoercionInputShape.Integer,
                      CoercionInputShape.Float,
                      CoercionInputShape.String))
          .withCoercionConfig(
              LogicalType.Integer,
              c ->
                  fail(
                      c,
                      CoercionInputShape.Float,
                      CoercionInputShape.String,
                      CoercionInputShape.Boolean))
          .withCoercionConfig(
              LogicalType.Float,
              c -> fail(c, CoercionInputShape.String, CoercionInputShape.Boolean))
          .withCoercionConfig(
              LogicalType.DateTime,
              c ->
                  fail(
                      c,
                      CoercionInputShape.Integer,
                      CoercionInputShape.Float,
                      CoercionInputShape.Boolean))
          .withCoercionConfig(
              LogicalType.Enum,
              c ->
                  fail(
                      c,
                      CoercionInputShape.Integer,
                      CoercionInputShape.Float,
                      CoercionInputShape.Boolean))
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  static {
    MAPPER
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNumberLength(100)
                .maxNestingDepth(MAX_NESTING)
                .maxNameLength(MAX_NAME_LENGTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .build());
  }

  private static RefusedException refused(RefusalCode code, String field, String message) {
    return Refusal.of(code, field, message).toException();
  }

  /** No coercion from these JSON shapes: {@code 1} is not {@code "1"}, not {@code true}. */
  private static void fail(MutableCoercionConfig config, CoercionInputShape... shapes) {
    for (CoercionInputShape shape : shapes) {
      config.setCoercion(shape, CoercionAction.Fail);
    }
  }

  /** Parses {@code body} as {@code type} or throws an {@link RefusedException} (400). */
  public static <T> T read(String body, Class<T> type) {
    JsonNode tree = readTree(body);
    if (!tree.isObject()) {
      throw refused(RefusalCode.INVALID_BODY, null, "the request body must be an object");
    }
    checkText(tree, "");
    return bind(tree, type);
  }

  /**
   * Parses a body into a tree, refusing an empty body, malformed JSON, duplicate keys and bodies
   * beyond the read constraints; the refusal never quotes the body.
   */
  public static JsonNode readTree(String body) {
    if (body.isBlank()) {
      throw refused(RefusalCode.EMPTY_BODY, null, "the request body is empty");
    }
    try {
      return MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw malformed(e, null);
    }
  }

  /**
   * The refusal of text that is not JSON, or not JSON we read: duplicate keys and the read
   * constraints have their own codes. Jackson's own messages quote the offending token, so only its
   * location is kept.
   *
   * @param where a prefix for the message, e.g. {@code "line 3: "}, or null
   */
  public static RefusedException malformed(JsonProcessingException e, String where) {
    String prefix = where == null ? "" : where;
    String at =
        e.getLocation() == null
            ? ""
            : " (line "
                + e.getLocation().getLineNr()
                + ", column "
                + e.getLocation().getColumnNr()
                + ")";
    String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (original.startsWith("Duplicate field")) {
      return refused(
          RefusalCode.DUPLICATE_FIELD,
          null,
          prefix + "a JSON object names the same field twice" + at);
    }
    if (e instanceof StreamConstraintsException) {
      return refused(
          RefusalCode.TOO_COMPLEX,
          null,
          prefix
              + "the JSON exceeds a limit: numbers of at most 100 digits, nesting at most "
              + MAX_NESTING
              + " deep, names of at most "
              + MAX_NAME_LENGTH
              + " characters");
    }
    return refused(RefusalCode.MALFORMED_JSON, null, prefix + "malformed JSON" + at);
  }

  /** Binds a checked tree to {@code type}, refusing with the failing field's path. */
  public static <T> T bind(JsonNode tree, Class<T> type) {
    try {
      T value = MAPPER.treeToValue(tree, type);
      if (value == null) {
        throw refused(RefusalCode.INVALID_BODY, null, "the request body must be an object");
      }
      return value;
    } catch (FieldProblem e) {
      // The rule's message was written for a field named "": name the real one.
      String field = path(e);
      String message = (field == null ? "the value" : field) + e.error().message();
      throw Refusal.fieldRule(e.error().code(), field, message).toException();
    } catch (UnrecognizedPropertyException e) {
      throw refused(RefusalCode.UNKNOWN_FIELD, path(e), "unknown field");
    } catch (InvalidFormatException e) {
      throw refused(
          RefusalCode.INVALID_TYPE, path(e), "not a valid " + simpleName(e.getTargetType()));
    } catch (MismatchedInputException e) {
      throw refused(RefusalCode.INVALID_TYPE, path(e), "expected " + simpleName(e.getTargetType()));
    } catch (JsonMappingException e) {
      throw refused(RefusalCode.INVALID_VALUE, path(e), "invalid value");
    } catch (JsonProcessingException e) {
      throw malformed(e, null);
    }
  }

  /**
   * Refuses the first string or field name of {@code node} that breaks a {@link TextRules} rule,
   * naming its path. Service identifiers (MSISDNs and IMSIs, numbers by nature) are exempt from the
   * card number rule only; they have their own strict format.
   */
  public static void checkText(JsonNode node, String path) {
    Optional<FieldError> error = firstTextError(node, path, null);
    error.ifPresent(
        e -> {
          throw Refusal.fieldRule(e.code(), e.field(), e.message()).toException();
        });
  }

  private static Optional<FieldError> firstTextError(JsonNode node, String path, String name) {
    if (node.isTextual()) {
      String field = path.isEmpty() ? null : path;
      return isServiceIdentifier(path, name)
          ? TextRules.checkCharacters(node.textValue(), field)
          : TextRules.check(node.textValue(), field);
    }
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> entry = fields.next();
        String key = entry.getKey();
        Optional<FieldError> badName = TextRules.check(key, path.isEmpty() ? null : path);
        if (badName.isPresent()) {
          FieldError e = badName.get();
          return Optional.of(new FieldError(e.code(), e.field(), "a field name: " + e.message()));
        }
        String child = path.isEmpty() ? safeName(key) : path + "." + safeName(key);
        Optional<FieldError> error = firstTextError(entry.getValue(), child, key);
        if (error.isPresent()) {
          return error;
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        Optional<FieldError> error = firstTextError(node.get(i), path + "[" + i + "]", name);
        if (error.isPresent()) {
          return error;
        }
      }
    }
    return Optional.empty();
  }

  /** {@code serviceId}, or the {@code value} of an element of {@code serviceIds}. */
  private static boolean isServiceIdentifier(String path, String name) {
    return "serviceId".equals(name)
        || ("value".equals(name) && path.matches("(.*\\.)?serviceIds\\[\\d+]\\.value"));
  }

  /**
   * A field name as it may stand in an error's {@code field}: never a submitted oddity, nor a name
   * that holds a card number.
   */
  static String safeName(String name) {
    return name != null && PLAIN_NAME.matcher(name).matches() && TextRules.isClean(name)
        ? name
        : "?";
  }

  /** Serializes a value to JSON bytes; our DTOs always serialize. */
  public static byte[] writeBytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize " + value.getClass().getName(), e);
    }
  }

  /** The JSON path of the failing field, e.g. {@code billCycleDay} or {@code lines[2].amount}. */
  public static String path(JsonMappingException e) {
    StringBuilder joined = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!joined.isEmpty()) {
          joined.append('.');
        }
        joined.append(safeName(ref.getFieldName()));
      } else {
        joined.append('[').append(ref.getIndex()).append(']');
      }
    }
    return joined.isEmpty() ? null : joined.toString();
  }

  private static String simpleName(Class<?> type) {
    if (type == null) {
      return "value";
    }
    if (type == String.class) {
      return "string";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "boolean";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "number";
    }
    if (type == LocalDate.class) {
      return "date yyyy-MM-dd";
    }
    if (Iterable.class.isAssignableFrom(type) || type.isArray()) {
      return "array";
    }
    return "object";
  }

  /**
   * A refusal of one field found while binding, carrying its code; the path is added by Jackson.
   */
  static final class FieldProblem extends JsonMappingException {
    private static final long serialVersionUID = 1L;
    private final transient FieldError error;

    FieldProblem(JsonParser p, FieldError error) {
      super(p, error.message());
      this.error = error;
    }

    FieldError error() {
      return error;
    }
  }

  private static SimpleModule strictDates() {
    SimpleModule module = new SimpleModule("strict-dates");
    module.addDeserializer(LocalDate.class, new StrictDateDeserializer());
    return module;
  }

  /** Dates only as the strings {@link PlausibleDates} accepts. */
  static final class StrictDateDeserializer extends StdScalarDeserializer<LocalDate> {
    private static final long serialVersionUID = 1L;

    StrictDateDeserializer() {
      super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.hasToken(JsonToken.VALUE_STRING)) {
        return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
      }
      Validator v = new Validator();
      LocalDate date = PlausibleDates.parse(v, p.getText(), "");
      if (date == null) {
        throw new FieldProblem(p, v.errors().get(0));
      }
      return date;
    }
  }

  /** A usage record's quantity is a JSON number, kept as its exact text. */
  abstract static class UsageRecordDraftMixIn {
    @JsonDeserialize(using = NumberText.class)
    String quantity;
  }

  /** Reads a JSON number as its text (exact, no binary floating point); anything else fails. */
  static final class NumberText extends StdScalarDeserializer<String> {
    private static final long serialVersionUID = 1L;

    NumberText() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.hasToken(JsonToken.VALUE_NUMBER_INT)) {
        return p.getText();
      }
      if (p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
        return p.getDecimalValue().toString();
      }
      return (String) ctxt.handleUnexpectedToken(String.class, p);
    }
  }
}
