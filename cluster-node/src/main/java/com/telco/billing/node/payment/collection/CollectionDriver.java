package com.telco.billing.node.payment.collection;

import com.telco.billing.node.metrics.CollectionMetrics;
import com.telco.billing.node.rounds.AfterRound;
import com.telco.billing.node.rounds.RoundDriver;
import java.time.Clock;
import java.time.Duration;
import org.apache.pekko.actor.typed.Behavior;

/**
 * The collection driver, a cluster singleton: a {@link RoundDriver} running a {@link
 * CollectionRound} every {@code interval} (after the end of the previous one), each followed by the
 * {@link AfterRound} hook. The due rows and the watermark are in Cassandra, so the driver started
 * on another node after this one died resumes where the last ended round left off (the rows of a
 * round cut short are asked again; the account answers a repeated {@code CollectDue} from its own
 * state).
 */
public final class CollectionDriver {
  private CollectionDriver() {}

  /**
   * The driver's behavior, restarted (with a back-off) should it ever fail.
   *
   * @param interval the wait between the end of a round and the start of the next
   */
  public static Behavior<RoundDriver.Command> create(
      CollectionRound round,
      AfterRound afterRound,
      Clock clock,
      Duration interval,
      CollectionMetrics metrics) {
    return RoundDriver.create("collection", round::run, afterRound, clock, interval, metrics);
  }
}
