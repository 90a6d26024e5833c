package com.telco.billing.node.rounds;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.time.LocalDate;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSession;
import org.apache.pekko.stream.javadsl.Source;

/**
 * The layout of the drivers' due rows in Cassandra: one partition per date and {@value #BUCKETS}
 * buckets of accounts per date, an account's rows in bucket {@code hash(accountId) mod BUCKETS}.
 * The buckets keep the tombstones one read meets far below Cassandra's failure threshold on a busy
 * day. Fixed for the life of a keyspace.
 */
public final class DateBuckets {
  private DateBuckets() {}

  /** Partitions per date. */
  public static final int BUCKETS = 16;

  /** The bucket of an account's rows ({@link String#hashCode} is the same on every JVM). */
  public static int bucketOf(String accountId) {
    return Math.floorMod(accountId.hashCode(), BUCKETS);
  }

  /**
   * The rows of {@code date}, bucket by bucket, page by page as the stream pulls them.
   *
   * @param select a statement taking the date and the bucket
   */
  public static Source<Row, NotUsed> rowsOn(
      CassandraSession session, CompletionStage<PreparedStatement> select, LocalDate date) {
    return Source.completionStage(select)
        .flatMapConcat(
            ps ->
                Source.range(0, BUCKETS - 1)
                    .flatMapConcat(bucket -> session.select(ps.bind(date, bucket))));
  }
}
