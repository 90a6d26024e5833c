package com.telco.billing.devkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/** Free loopback ports for nodes started by tests, benchmarks and dev launchers. */
public final class Ports {
  private Ports() {}

  /**
   * A port free on loopback a moment ago, below Linux's ephemeral range (32768-60999): a port the
   * OS handed out as ephemeral can be taken again by an outgoing connection (the driver opens many)
   * before the node binds it.
   */
  public static int freeLoopbackPort() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = random.nextInt(20_000, 32_000);
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        return socket.getLocalPort();
      } catch (IOException taken) {
        // try another
      }
    }
    throw new IllegalStateException("no free port in 20000-31999");
  }
}
