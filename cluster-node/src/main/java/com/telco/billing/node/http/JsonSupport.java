package com.telco.billing.node.http;

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

  /** Writes any value as {@code application/json}. */
  public static <T> Marshaller<T, RequestEntity> marshaller() {
    return Jackson.marshaller(StrictJson.MAPPER);
  }

  /**
   * Reads a JSON body of the given type. Only {@code application/json} is accepted (else 415); a
   * body that is not valid JSON or does not fit the type is refused (400) naming the field.
   */
  public static <T> Unmarshaller<HttpEntity, T> unmarshaller(Class<T> type) {
    return Unmarshaller.forMediaType(MediaTypes.APPLICATION_JSON, Unmarshaller.entityToString())
        .thenApply(body -> StrictJson.read(body, type));
  }
}
