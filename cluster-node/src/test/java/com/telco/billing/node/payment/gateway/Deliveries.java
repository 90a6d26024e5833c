package com.telco.billing.node.payment.gateway;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Receives the sandbox's webhooks in a test: keeps body and signature header, answers 200. */
final class Deliveries implements AutoCloseable {
  record Delivery(String payload, String signature) {}

  private final HttpServer server;
  private final BlockingQueue<Delivery> received = new LinkedBlockingQueue<>();

  Deliveries() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/webhooks/payment-gateway",
        exchange -> {
          try (InputStream in = exchange.getRequestBody()) {
            received.add(
                new Delivery(
                    new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("Stripe-Signature")));
          }
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks/payment-gateway";
  }

  /** The next delivery whose body contains every text given. */
  Delivery await(Duration timeout, String... contains) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Delivery> skipped = new ArrayList<>();
    try {
      while (true) {
        Delivery d = received.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (d == null) {
          throw new AssertionError("no webhook with " + Arrays.toString(contains));
        }
        if (Arrays.stream(contains).allMatch(d.payload()::contains)) {
          return d;
        }
        skipped.add(d);
      }
    } finally {
      received.addAll(skipped);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
