package com.telco.billing.node.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.telco.billing.node.json.StrictJson;
import org.apache.pekko.http.javadsl.marshallers.jackson.Jackson;
import org.apache.pekko.http.javadsl.marshalling.Marshaller;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.RequestEntity;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;

/**
 * JSON of the HTTP API: the (un)marshallers built on the one strict mapper of {@link StrictJson}
 * (docs/input-contract.md).
 */
public final class JsonSupport {
  private JsonSupport() {}

  /** The strict mapper of the API's bodies. */
  public static final ObjectMapper MAPPER = StrictJson.MAPPER;

  /** Writes any value as {@code application/json}. */
  public static <T> Marshaller<T, RequestEntity> marshaller() {
    return Jackson.marshaller(MAPPER);
  }

  /**
   * Reads a JSON body of the given type. Only {@code application/json} is accepted (else 415); a
   * body that is not valid JSON or does not fit the type is refused (400) naming the field.
   */
  public static <T> Unmarshaller<HttpEntity, T> unmarshaller(Class<T> type) {
    return Unmarshaller.forMediaType(MediaTypes.APPLICATION_JSON, Unmarshaller.entityToString())
        .thenApply(body -> read(body, type));
  }

  /** Parses {@code body} as {@code type}; see {@link StrictJson#read}. */
  public static <T> T read(String body, Class<T> type) {
    return StrictJson.read(body, type);
  }

  /** Parses {@code body} into a tree; see {@link StrictJson#readTree}. */
  public static JsonNode readTree(String body) {
    return StrictJson.readTree(body);
  }

  /** Serializes a value to JSON bytes. */
  public static byte[] writeBytes(Object value) {
    return StrictJson.writeBytes(value);
  }
}
