package com.telco.billing.loadgen;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.OptionsMap;
import com.datastax.oss.driver.api.core.config.TypedDriverOption;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.uuid.Uuids;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.telco.billing.devcassandra.CassandraEndpoint;
import com.telco.billing.sharding.AccountTags;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * The ceiling of ingestion on this machine: journal-shaped rows written straight into Cassandra
 * with the Java driver (prepared statement, asynchronous, bounded in flight, QUORUM like the
 * journal), plus the measurement of what the node writes per record.
 */
public final class CassandraCeiling implements AutoCloseable {
  /** The journal's messages table of pekko-persistence-cassandra 1.1, in another keyspace. */
  private static final String MESSAGES =
      """
      CREATE TABLE IF NOT EXISTS %s.messages (
        persistence_id text, partition_nr bigint, sequence_nr bigint, timestamp timeuuid,
        timebucket text, writer_uuid text, ser_id int, ser_manifest text, event_manifest text,
        event blob, meta_ser_id int, meta_ser_manifest text, meta blob, tags set<text>,
        PRIMARY KEY ((persistence_id, partition_nr), sequence_nr, timestamp))
      WITH gc_grace_seconds = 864000
      AND compaction = {'class': 'SizeTieredCompactionStrategy'}""";

  private final CqlSession session;

  public CassandraCeiling(CassandraEndpoint endpoint) {
    OptionsMap options = OptionsMap.driverDefaults();
    options.put(TypedDriverOption.SESSION_NAME, "bench-ceiling");
    options.put(TypedDriverOption.LOAD_BALANCING_LOCAL_DATACENTER, endpoint.localDatacenter());
    options.put(TypedDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30));
    options.put(TypedDriverOption.REQUEST_PAGE_SIZE, 1000);
    options.put(TypedDriverOption.REQUEST_CONSISTENCY, "QUORUM");
    options.put(TypedDriverOption.NETTY_IO_SHUTDOWN_QUIET_PERIOD, 0);
    options.put(TypedDriverOption.NETTY_ADMIN_SHUTDOWN_QUIET_PERIOD, 0);
    this.session =
        CqlSession.builder()
            .withConfigLoader(DriverConfigLoader.fromMap(options))
            .addContactPoint(endpoint.contactPoint())
            .build();
  }

  /**
   * What the node wrote per accepted record: sampled from its journal.
   *
   * @param usageEvents events sampled
   * @param records records in those events
   * @param eventBytes serialized bytes of those events (the {@code event} blobs)
   * @param samples some event blobs, to write the same kind of bytes
   */
  public record JournalSample(
      long usageEvents, long records, long eventBytes, List<byte[]> samples) {
    public double bytesPerRecord() {
      return records == 0 ? 0 : (double) eventBytes / records;
    }

    public double recordsPerEvent() {
      return usageEvents == 0 ? 0 : (double) records / usageEvents;
    }
  }

  /** Reads up to {@code maxRows} rows of the journal and measures its usage events. */
  public JournalSample sampleJournal(String keyspace, int maxRows) {
    ObjectMapper cbor = new ObjectMapper(new CBORFactory());
    long events = 0;
    long records = 0;
    long bytes = 0;
    List<byte[]> samples = new ArrayList<>();
    int rows = 0;
    for (Row row :
        session.execute(
            SimpleStatement.newInstance(
                    "SELECT ser_manifest, event FROM " + keyspace + ".messages LIMIT " + maxRows)
                .setConsistencyLevel(ConsistencyLevel.ONE))) {
      rows++;
      String manifest = row.getString("ser_manifest");
      if (manifest == null || !manifest.endsWith("UsageRated")) {
        continue;
      }
      ByteBuffer buffer = row.getByteBuffer("event");
      if (buffer == null) {
        continue;
      }
      byte[] event = new byte[buffer.remaining()];
      buffer.get(event);
      int count;
      try {
        JsonNode usage = cbor.readTree(event).get("usage");
        count = usage == null ? 1 : Math.max(1, usage.size());
      } catch (IOException e) {
        count = 1;
      }
      events++;
      records += count;
      bytes += event.length;
      if (samples.size() < 1000) {
        samples.add(event);
      }
    }
    return new JournalSample(events, records, bytes, samples);
  }

  /** What the ceiling run did. */
  public record Result(
      long rows, int payloadBytes, double seconds, long errors, Histogram latencyMicros) {
    public double rowsPerSecond() {
      return rows / seconds;
    }
  }

  /**
   * Writes {@code rows} journal rows, one per record, spread over {@code accounts} partitions
   * (sequence numbers counting up per account), each with a payload of {@code payloadBytes} cut
   * from the sample events, at most {@code inFlight} writes at once.
   */
  public Result write(
      String keyspace,
      long rows,
      int accounts,
      int payloadBytes,
      List<byte[]> samples,
      int inFlight)
      throws InterruptedException {
    session.execute(
        "CREATE KEYSPACE IF NOT EXISTS "
            + keyspace
            + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
    session.execute(MESSAGES.formatted(keyspace));
    PreparedStatement insert =
        session.prepare(
            "INSERT INTO "
                + keyspace
                + ".messages (persistence_id, partition_nr, sequence_nr, timestamp, timebucket,"
                + " writer_uuid, ser_id, ser_manifest, event_manifest, event, tags)"
                + " VALUES (?, 0, ?, ?, ?, ?, 33, ?, '', ?, ?)");
    List<ByteBuffer> payloads = payloads(samples, payloadBytes);
    String writer = UUID.randomUUID().toString();
    long[] sequence = new long[accounts + 1];
    SplittableRandom random = new SplittableRandom(42);
    Semaphore permits = new Semaphore(inFlight);
    AtomicLong errors = new AtomicLong();
    AtomicReference<Throwable> firstError = new AtomicReference<>();
    Histogram latency = new Histogram(3_600_000_000L, 3);
    long start = System.nanoTime();
    for (long i = 0; i < rows; i++) {
      permits.acquire();
      int account = 1 + random.nextInt(accounts);
      String id = "Account|" + RecordGenerator.accountId(account);
      long now = System.currentTimeMillis();
      long sent = System.nanoTime();
      session
          .executeAsync(
              insert
                  .bind(
                      id,
                      ++sequence[account],
                      Uuids.timeBased(),
                      Long.toString(now / 3_600_000L * 3_600_000L),
                      writer,
                      "com.telco.billing.protocol.account.AccountEvent$UsageRated",
                      payloads.get((int) (i % payloads.size())).duplicate(),
                      Set.of(AccountTags.tagFor(RecordGenerator.accountId(account))))
                  .setConsistencyLevel(ConsistencyLevel.QUORUM))
          .whenComplete(
              (rs, failure) -> {
                if (failure != null) {
                  errors.incrementAndGet();
                  firstError.compareAndSet(null, failure);
                } else {
                  long micros = (System.nanoTime() - sent) / 1000;
                  synchronized (latency) {
                    latency.recordValue(micros);
                  }
                }
                permits.release();
              });
    }
    if (!permits.tryAcquire(inFlight, 5, TimeUnit.MINUTES)) {
      throw new IllegalStateException("ceiling writes unanswered after 5 minutes");
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (firstError.get() != null) {
      System.out.println("ceiling: " + errors.get() + " writes failed, first: " + firstError.get());
    }
    return new Result(rows, payloadBytes, seconds, errors.get(), latency);
  }

  /** Payloads of exactly {@code size} bytes, cut from (or repeating) the sample events. */
  static List<ByteBuffer> payloads(List<byte[]> samples, int size) {
    List<ByteBuffer> payloads = new ArrayList<>();
    List<byte[]> sources = samples.isEmpty() ? List.of(new byte[] {0x42}) : samples;
    for (byte[] source : sources) {
      byte[] payload = new byte[size];
      for (int i = 0; i < size; i++) {
        payload[i] = source[i % source.length];
      }
      payloads.add(ByteBuffer.wrap(payload).asReadOnlyBuffer());
    }
    return payloads;
  }

  @Override
  public void close() {
    session.close();
  }
}
