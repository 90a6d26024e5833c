package com.telco.billing.devcassandra;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Main class of the Cassandra child JVM: dies with its parent, then runs {@code
 * org.apache.cassandra.service.CassandraDaemon}.
 *
 * <p>The parent keeps the child's stdin pipe open and never writes to it. A daemon thread reads
 * stdin until end of file, which comes when the parent exits in any way, {@code kill -9} included;
 * it then calls {@link System#exit} so that Cassandra's own shutdown hook drains the node, and
 * halts the JVM if that takes longer than {@value #HALT_AFTER_MILLIS} ms.
 *
 * <p>If the system property {@value #LOCK_FILE_PROPERTY} names a file, the child holds an exclusive
 * lock on it (and writes its pid into it) for its whole life, so that two nodes never share a data
 * directory.
 *
 * <p>The launcher copies this class file alone onto the child's classpath: it must use nothing but
 * the JDK and must not declare nested or anonymous classes. Cassandra is called by reflection.
 */
public final class ParentWatchingCassandraMain {

  /** System property naming the lock file of the data directory. */
  public static final String LOCK_FILE_PROPERTY = "dev-cassandra.lock-file";

  /** Exit status when the data directory is locked by another node. */
  public static final int EXIT_DATA_DIR_IN_USE = 75;

  static final long HALT_AFTER_MILLIS = 20_000;

  private static final String DAEMON_CLASS = "org.apache.cassandra.service.CassandraDaemon";

  /** Held for the life of the JVM: the lock goes when the process goes. */
  private static FileLock dataDirLock;

  private ParentWatchingCassandraMain() {}

  /**
   * @param args passed on to {@code CassandraDaemon.main}
   * @throws Throwable whatever Cassandra's main throws
   */
  public static void main(String[] args) throws Throwable {
    String lockFile = System.getProperty(LOCK_FILE_PROPERTY);
    if (lockFile != null) {
      lockDataDir(Path.of(lockFile));
    }
    Thread watcher = new Thread(() -> exitAtEndOf(System.in), "dev-cassandra-parent-watch");
    watcher.setDaemon(true);
    watcher.start();
    try {
      Class.forName(DAEMON_CLASS).getMethod("main", String[].class).invoke(null, (Object) args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static void lockDataDir(Path lockFile) throws IOException {
    FileChannel channel =
        FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock = channel.tryLock();
    if (lock == null) {
      System.err.println(
          "dev-cassandra: " + lockFile + " is locked: another Cassandra uses this data directory");
      System.exit(EXIT_DATA_DIR_IN_USE);
    }
    channel.truncate(0);
    channel.write(
        ByteBuffer.wrap(
            (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
    channel.force(false);
    dataDirLock = lock;
  }

  private static void exitAtEndOf(InputStream in) {
    byte[] buffer = new byte[256];
    try {
      while (in.read(buffer) != -1) {
        // The parent writes nothing; end of file is the only event.
      }
      System.err.println("dev-cassandra: parent process gone (stdin closed), shutting down");
    } catch (IOException e) {
      System.err.println("dev-cassandra: stdin failed (" + e + "), treating the parent as gone");
    }
    Thread halter =
        new Thread(
            () -> {
              try {
                Thread.sleep(HALT_AFTER_MILLIS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              System.err.println("dev-cassandra: shutdown took too long, halting");
              Runtime.getRuntime().halt(1);
            },
            "dev-cassandra-halter");
    halter.setDaemon(true);
    halter.start();
    System.exit(0);
  }
}
