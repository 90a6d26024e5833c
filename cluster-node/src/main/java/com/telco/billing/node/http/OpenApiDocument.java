package com.telco.billing.node.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpEntity;

/**
 * The OpenAPI 3.1 document of the HTTP API ({@code src/main/resources/openapi.json}): every route,
 * its roles ({@code x-roles}), bodies, statuses and error codes. Read from the classpath once; a
 * node whose jar lacks it, or holds it malformed, fails as it starts rather than when asked.
 */
public final class OpenApiDocument {
  /** Where the document is on the classpath. */
  public static final String RESOURCE = "/openapi.json";

  private static final OpenApiDocument INSTANCE = load(RESOURCE);

  private final HttpEntity.Strict entity;

  private OpenApiDocument(byte[] json) {
    this.entity = HttpEntities.create(ContentTypes.APPLICATION_JSON, json);
  }

  /** The document of this build. */
  public static OpenApiDocument instance() {
    return INSTANCE;
  }

  static OpenApiDocument load(String resource) {
    byte[] json;
    try (InputStream in = OpenApiDocument.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the classpath");
      }
      json = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
    try {
      // strict like the clients that read it: a key given twice is refused
      new ObjectMapper()
          .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException(resource + " is not strict JSON", e);
    }
    return new OpenApiDocument(json);
  }

  /**
   * The document as an {@code application/json} entity; strict, so it is shared by every answer.
   */
  public HttpEntity.Strict entity() {
    return entity;
  }

  /** The document's bytes (a copy). */
  public byte[] bytes() {
    return entity.getData().toArray();
  }
}
