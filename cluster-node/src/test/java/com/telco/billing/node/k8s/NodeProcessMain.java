package com.telco.billing.node.k8s;

import com.telco.billing.node.Main;
import java.io.IOException;

/**
 * {@link Main} in a child JVM of a test, which stops at once when the test JVM goes away (its
 * standard input, a pipe from the test, reaches end of file), so no node outlives a killed test
 * run.
 */
public final class NodeProcessMain {
  private NodeProcessMain() {}

  public static void main(String[] args) {
    Thread watcher =
        new Thread(
            () -> {
              try {
                while (System.in.read() != -1) {
                  // the parent writes nothing; wait for it to go
                }
              } catch (IOException e) {
                // the pipe broke: the parent is gone as well
              }
              Runtime.getRuntime().halt(3);
            },
            "parent-watcher");
    watcher.setDaemon(true);
    watcher.start();
    Main.main(args);
  }
}
