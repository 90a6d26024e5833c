package com.telco.billing.devkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.telco.billing.node.json.StrictJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** A small HTTP client for end-to-end tests: sends requests, parses JSON answers. */
public final class HttpJson {
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;
  private final String authorization;

  /** A client that sends a token with every role, signed by this JVM's dev key. */
  public HttpJson(String baseUrl) {
    this(baseUrl, "Bearer " + DevKeys.ephemeral().allRolesToken());
  }

  /**
   * @param authorization the {@code Authorization} header of every request, null for none
   */
  public HttpJson(String baseUrl, String authorization) {
    this.baseUrl = baseUrl;
    this.authorization = authorization;
  }

  /** A client that sends no credentials. */
  public static HttpJson anonymous(String baseUrl) {
    return new HttpJson(baseUrl, null);
  }

  /** A client that sends a dev token with these roles. */
  public static HttpJson withRoles(String baseUrl, String... roles) {
    return new HttpJson(
        baseUrl,
        "Bearer " + DevKeys.ephemeral().token("dev-tests", List.of(roles), Duration.ofHours(1)));
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
    if (authorization != null) {
      request.setHeader("Authorization", authorization);
    }
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
