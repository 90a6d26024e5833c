package com.telco.billing.loadgen;

import com.telco.billing.devcassandra.CommitLogSync;
import com.telco.billing.devcassandra.DevCassandra;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * How the benches start their own dev Cassandra: heap and garbage collector. The defaults are a
 * production-like Cassandra JVM on this machine (G1, as Cassandra's own start script, and a heap of
 * 4 GB); {@code bin/billing dev} and the tests keep the small serial-collected one.
 */
final class BenchCassandraOptions {
  @Option(
      names = "--cassandra-heap-mb",
      defaultValue = "4096",
      description = "heap of the dev Cassandra JVM (default: ${DEFAULT-VALUE})")
  int heapMb;

  @Option(
      names = "--cassandra-gc",
      defaultValue = "G1",
      description =
          "garbage collector of the dev Cassandra JVM: ${COMPLETION-CANDIDATES} (default:"
              + " ${DEFAULT-VALUE}); SERIAL pauses every request ~200 ms per young collection")
  DevCassandra.Collector collector;

  @Option(
      names = "--cassandra-commitlog-sync",
      defaultValue = "batch",
      description =
          "commit log sync of the dev Cassandra: batch, group:<n>ms or periodic:<n>ms (default:"
              + " ${DEFAULT-VALUE}; periodic:10000ms was the default before 2026-12-07 and is"
              + " what earlier figures in docs/benchmarks.md ran with)")
  String commitLogSync;

  @Option(
      names = "--cassandra-jvm-arg",
      paramLabel = "arg",
      description =
          "one more argument for the dev Cassandra JVM, repeatable (e.g. a profiler's -agentpath)")
  List<String> jvmArgs = new ArrayList<>();

  /** A fresh dev Cassandra with these options: data under {@code dataDir}, free ports. */
  DevCassandra build(Path dataDir) {
    DevCassandra.Builder builder =
        DevCassandra.builder()
            .dataDir(dataDir.resolve("cassandra"))
            .cqlPort(0)
            .storagePort(0)
            .heapMb(heapMb)
            .collector(collector)
            .commitLogSync(CommitLogSync.parse(commitLogSync));
    jvmArgs.forEach(builder::jvmArg);
    return builder.build();
  }

  @Override
  public String toString() {
    return "heap "
        + heapMb
        + " MB, "
        + collector
        + ", commit log "
        + CommitLogSync.parse(commitLogSync)
        + (jvmArgs.isEmpty() ? "" : ", " + jvmArgs);
  }
}
