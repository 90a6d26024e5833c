package com.telco.billing.node.mail;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;

/**
 * The mails sent, by mail id: what makes the mail projections mail each invoice and reminder once
 * in the normal case, though they deliver events at least once (a replay, a restart before the
 * offset was stored). A crash between the send and the write sends the mail again, with the same
 * {@code Message-ID}.
 */
public interface SentLog {

  /**
   * A mail as the log keeps it.
   *
   * @param outcome {@code sent}, or {@code rejected} when the server refused it for good
   */
  record Entry(
      String mailId, String kind, String recipient, String messageId, String outcome, Instant at) {}

  /** The entry of {@code mailId}, if it was sent (or refused for good). */
  CompletionStage<Optional<Entry>> lookup(String mailId);

  /** Records a mail as sent (an upsert: writing it again changes nothing that matters). */
  CompletionStage<Done> record(Entry entry);
}
