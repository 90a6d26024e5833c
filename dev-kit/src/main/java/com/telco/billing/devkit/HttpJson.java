package com.telco.billing.devkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.telco.billing.node.json.StrictJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small HTTP client for end-to-end tests: sends requests, parses JSON answers. */
public final class HttpJson {
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;

  public HttpJson(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** A response: status, raw body and the body as JSON (null when it is not JSON). */
  public record Response(int status, String body, JsonNode json, HttpResponse<String> raw) {
    public String text(String field) {
      JsonNode node = json == null ? null : json.get(field);
      return node == null || node.isNull() ? null : node.asText();
    }
  }

  public Response get(String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
  }

  public Response post(String path, String json) {
    return post(path, "application/json", json);
  }

  public Response post(String path, String contentType, String body) {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          client.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      JsonNode json = null;
      if (response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
        json = StrictJson.MAPPER.readTree(response.body());
      }
      return new Response(response.statusCode(), response.body(), json, response);
    } catch (IOException e) {
      throw new IllegalStateException("request failed: " + request, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
