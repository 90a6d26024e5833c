package com.telco.billing.devkit;

import com.telco.billing.node.Main;
import java.io.IOException;
import java.io.InputStream;

/**
 * Main class of a node started as a child process ({@link NodeProcess}): runs {@link Main} and
 * stops the node when its parent goes. The parent keeps the child's stdin open and never writes to
 * it; end of file on stdin means the parent has exited in whatever way ({@code kill -9} included),
 * and the node then exits through CoordinatedShutdown, so that {@code bin/billing cluster} leaves
 * no orphan JVMs behind.
 */
public final class ParentWatchingNodeMain {
  private ParentWatchingNodeMain() {}

  public static void main(String[] args) {
    Thread watcher = new Thread(ParentWatchingNodeMain::exitAtEndOfStdin, "node-parent-watch");
    watcher.setDaemon(true);
    watcher.start();
    Main.main(args);
  }

  private static void exitAtEndOfStdin() {
    InputStream in = System.in;
    byte[] buffer = new byte[256];
    try {
      while (in.read(buffer) >= 0) {
        // the parent writes nothing; keep reading until the pipe closes
      }
    } catch (IOException e) {
      // a broken pipe means the same: the parent is gone
    }
    System.err.println("node: parent process gone, shutting down");
    System.exit(0);
  }
}
