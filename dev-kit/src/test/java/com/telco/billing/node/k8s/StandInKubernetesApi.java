package com.telco.billing.node.k8s;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The part of the Kubernetes API server that the Pekko kubernetes-api discovery uses: {@code GET
 * /api/v1/namespaces/<ns>/pods?labelSelector=...} over HTTPS with a bearer token. It serves a given
 * PodList to requests with the expected namespace, selector and token, and answers 403 or 404
 * (counted as rejected) to any other.
 *
 * <p>Its certificate is self-signed, made by the running JDK's keytool for 127.0.0.1; {@link
 * #caFile()} is that certificate in PEM, what the discovery's {@code api-ca-path} points at, as the
 * service account's {@code ca.crt} in a pod. {@link #tokenFile()} and {@link #namespaceFile()}
 * stand in for the service account's token and namespace files.
 */
final class StandInKubernetesApi implements AutoCloseable {
  private static final String STORE_PASSWORD = "stand-in-api";

  private final HttpsServer server;
  private final ExecutorService executor;
  private final Path dir;
  private final AtomicInteger served = new AtomicInteger();
  private final AtomicInteger rejected = new AtomicInteger();

  private StandInKubernetesApi(HttpsServer server, ExecutorService executor, Path dir) {
    this.server = server;
    this.executor = executor;
    this.dir = dir;
  }

  /**
   * @param dir where the certificate, token and namespace files are written
   * @param podList the JSON body served, asked for when a request comes
   */
  static StandInKubernetesApi start(
      Path dir, String namespace, String labelSelector, String token, Supplier<String> podList)
      throws IOException, InterruptedException {
    Path keyStore = dir.resolve("api.p12");
    keytool(
        "-genkeypair",
        "-alias",
        "api",
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-validity",
        "2",
        "-dname",
        "CN=kubernetes",
        "-ext",
        "SAN=ip:127.0.0.1,dns:localhost",
        "-storetype",
        "PKCS12",
        "-keystore",
        keyStore.toString(),
        "-storepass",
        STORE_PASSWORD,
        "-keypass",
        STORE_PASSWORD);
    keytool(
        "-exportcert",
        "-rfc",
        "-alias",
        "api",
        "-keystore",
        keyStore.toString(),
        "-storepass",
        STORE_PASSWORD,
        "-file",
        dir.resolve("ca.crt").toString());
    Files.writeString(dir.resolve("token"), token);
    Files.writeString(dir.resolve("namespace"), namespace);

    SSLContext ssl;
    try (InputStream in = Files.newInputStream(keyStore)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, STORE_PASSWORD.toCharArray());
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, STORE_PASSWORD.toCharArray());
      ssl = SSLContext.getInstance("TLS");
      ssl.init(keys.getKeyManagers(), null, null);
    } catch (java.security.GeneralSecurityException e) {
      throw new IOException("cannot load the stand-in API's key store", e);
    }

    HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    server.setHttpsConfigurator(new HttpsConfigurator(ssl));
    ExecutorService executor = Executors.newFixedThreadPool(2);
    server.setExecutor(executor);
    StandInKubernetesApi api = new StandInKubernetesApi(server, executor, dir);
    String podsPath = "/api/v1/namespaces/" + namespace + "/pods";
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            if (!("Bearer " + token)
                .equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
              api.reject(exchange, 403, "Forbidden", "no or wrong bearer token");
            } else if (!exchange.getRequestMethod().equals("GET")
                || !exchange.getRequestURI().getPath().equals(podsPath)
                || !labelSelector.equals(query(exchange).get("labelSelector"))) {
              api.reject(exchange, 404, "NotFound", "not served: " + exchange.getRequestURI());
            } else {
              api.served.incrementAndGet();
              respond(exchange, 200, podList.get());
            }
          }
        });
    server.start();
    return api;
  }

  int port() {
    return server.getAddress().getPort();
  }

  Path caFile() {
    return dir.resolve("ca.crt");
  }

  Path tokenFile() {
    return dir.resolve("token");
  }

  Path namespaceFile() {
    return dir.resolve("namespace");
  }

  /** Pod lists served. */
  int served() {
    return served.get();
  }

  /** Requests answered 403 or 404. */
  int rejected() {
    return rejected.get();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void reject(HttpExchange exchange, int status, String reason, String message)
      throws IOException {
    rejected.incrementAndGet();
    respond(
        exchange,
        status,
        """
        {"kind": "Status", "apiVersion": "v1", "status": "Failure", "reason": "%s", "code": %d,
         "message": "%s"}
        """
            .formatted(reason, status, message.replace("\"", "'")));
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }

  private static Map<String, String> query(HttpExchange exchange) {
    String raw = exchange.getRequestURI().getRawQuery();
    Map<String, String> query = new java.util.HashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        String[] kv = pair.split("=", 2);
        query.put(
            URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
            kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
      }
    }
    return query;
  }

  private static void keytool(String... args) throws IOException, InterruptedException {
    Path keytool = Paths.get(System.getProperty("java.home"), "bin", "keytool");
    List<String> command = new java.util.ArrayList<>();
    command.add(keytool.toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("keytool " + args[0] + " failed: " + output);
    }
  }
}
