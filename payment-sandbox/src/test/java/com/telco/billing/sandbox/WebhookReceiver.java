package com.telco.billing.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A tiny webhook receiver for tests: keeps every delivery, answers 200 (or 500 a few times). */
final class WebhookReceiver implements AutoCloseable {
  record Delivery(String payload, String signature) {}

  private final HttpServer server;
  private final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  final AtomicInteger requests = new AtomicInteger();

  WebhookReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/hook",
        exchange -> {
          requests.incrementAndGet();
          String payload;
          try (InputStream in = exchange.getRequestBody()) {
            payload = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          }
          boolean fail = failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
          if (!fail) {
            deliveries.add(
                new Delivery(payload, exchange.getRequestHeaders().getFirst("Stripe-Signature")));
          }
          exchange.sendResponseHeaders(fail ? 500 : 200, -1);
          exchange.close();
        });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  void failNext(int times) {
    failuresLeft.set(times);
  }

  /** The next delivery whose payload contains the text, waiting up to the timeout. */
  Delivery await(String contains, Duration timeout) throws InterruptedException {
    return await(timeout, contains);
  }

  /** The next delivery whose payload contains every one of the texts. */
  Delivery await(Duration timeout, String... contains) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Delivery> skipped = new ArrayList<>();
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        Delivery d = deliveries.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
        if (d == null) {
          throw new AssertionError(
              "no webhook containing " + List.of(contains) + " within " + timeout);
        }
        if (java.util.Arrays.stream(contains).allMatch(d.payload()::contains)) {
          return d;
        }
        skipped.add(d);
      }
    } finally {
      deliveries.addAll(skipped);
    }
  }

  List<Delivery> drain() {
    List<Delivery> all = new ArrayList<>();
    deliveries.drainTo(all);
    return all;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
