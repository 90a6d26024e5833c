package com.telco.billing.protocol.invoice;

import com.telco.billing.protocol.CborSerializable;
import java.util.List;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;

/**
 * Commands of an invoice number series entity: the one writer of a series' sequence (gap-free
 * numbers need a single writer). A number is asked for by a request key, the account and the bill
 * period it is for; the same key always gets the same number.
 */
public sealed interface SeriesCommand extends CborSerializable
    permits SeriesCommand.AssignNumbers,
        SeriesCommand.ConfirmNumbers,
        SeriesCommand.RecordConfirmations {

  /**
   * Assigns the next sequence numbers to {@code keys} (in order) and answers one sequence per key;
   * a key already assigned and not yet confirmed gets its number again.
   */
  record AssignNumbers(List<String> keys, ActorRef<StatusReply<AssignedNumbers>> replyTo)
      implements SeriesCommand {}

  /**
   * The invoices of {@code keys} are issued with their numbers: the series need not remember the
   * keys any longer. Answered at once; recorded with the series' next write (at the latest after
   * {@code RecordConfirmations}), so that confirmations cost no journal write of their own. A
   * confirmation lost before it is recorded only leaves its key remembered: a later request with
   * that key gets the same number again.
   */
  record ConfirmNumbers(List<String> keys, ActorRef<StatusReply<Done>> replyTo)
      implements SeriesCommand {}

  /** The series' own timer: records the confirmations not yet recorded. */
  record RecordConfirmations() implements SeriesCommand {}

  /** One sequence number per requested key, in the order of the request. */
  record AssignedNumbers(List<Long> sequences) implements CborSerializable {}
}
