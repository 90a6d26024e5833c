package com.telco.billing.node.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import java.util.stream.Collectors;
import org.apache.pekko.http.javadsl.marshallers.jackson.Jackson;
import org.apache.pekko.http.javadsl.marshalling.Marshaller;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.RequestEntity;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;

/**
 * JSON of the HTTP API: one strict {@link ObjectMapper} (unknown fields, wrong types and null for
 * numbers are errors that name the field; decimals are read as {@code BigDecimal}, never {@code
 * double}) and the (un)marshallers built on it.
 */
public final class JsonSupport {
  private JsonSupport() {}

  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .addModule(new Jdk8Module())
          .addModule(new ParameterNamesModule())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  static {
    MAPPER
        .getFactory()
        .setStreamReadConstraints(StreamReadConstraints.builder().maxNumberLength(100).build());
  }

  /** Writes any value as {@code application/json}. */
  public static <T> Marshaller<T, RequestEntity> marshaller() {
    return Jackson.marshaller(MAPPER);
  }

  /**
   * Reads a JSON body of the given type. Only {@code application/json} is accepted (else 415); a
   * body that is not valid JSON or does not fit the type fails with an {@link ApiException} naming
   * the field.
   */
  public static <T> Unmarshaller<HttpEntity, T> unmarshaller(Class<T> type) {
    return Unmarshaller.forMediaType(MediaTypes.APPLICATION_JSON, Unmarshaller.entityToString())
        .thenApply(body -> read(body, type));
  }

  /** Parses {@code body} as {@code type} or throws an {@link ApiException} (400). */
  public static <T> T read(String body, Class<T> type) {
    if (body.isBlank()) {
      throw ApiException.badRequest("empty_body", null, "the request body is empty");
    }
    try {
      T value = MAPPER.readValue(body, type);
      if (value == null) {
        throw ApiException.badRequest("invalid_body", null, "the request body must be an object");
      }
      return value;
    } catch (UnrecognizedPropertyException e) {
      throw ApiException.badRequest(
          "unknown_field", path(e), "unknown field '" + e.getPropertyName() + "'");
    } catch (InvalidFormatException e) {
      throw ApiException.badRequest(
          "invalid_type", path(e), "value " + e.getValue() + " is not a valid " + simpleName(e));
    } catch (MismatchedInputException e) {
      throw ApiException.badRequest(
          "invalid_type", path(e), "expected " + simpleName(e) + " at " + path(e));
    } catch (JsonMappingException e) {
      throw ApiException.badRequest("invalid_value", path(e), e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest(
          "malformed_json", null, "malformed JSON: " + e.getOriginalMessage());
    }
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
  static String path(JsonMappingException e) {
    String joined =
        e.getPath().stream()
            .map(
                ref ->
                    ref.getFieldName() != null
                        ? "." + ref.getFieldName()
                        : "[" + ref.getIndex() + "]")
            .collect(Collectors.joining());
    if (joined.isEmpty()) {
      return null;
    }
    return joined.startsWith(".") ? joined.substring(1) : joined;
  }

  private static String simpleName(MismatchedInputException e) {
    return e.getTargetType() == null ? "value" : e.getTargetType().getSimpleName();
  }
}
