package com.telco.billing.node.payment.collection;

import com.telco.billing.protocol.payment.DirectDebitInstruction;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;

/**
 * Takes the direct debits the accounts scheduled until they are filed (the direct debit store). The
 * driver deletes an invoice's due row only after {@link #addPending} completed, so an instruction
 * may be added more than once (after a failure or a move of the driver): adding the same {@code
 * endToEndId} again must change nothing.
 */
public interface DirectDebitSink {

  /** Keeps {@code instruction} for the file of its legal entity and collection date. */
  CompletionStage<Done> addPending(DirectDebitInstruction instruction);

  /**
   * The sink of a node that has no direct debit store wired: every call fails, so the due rows of
   * direct debit accounts stay and are asked again each round until one is.
   */
  DirectDebitSink NOT_CONFIGURED =
      instruction ->
          CompletableFuture.failedFuture(
              new IllegalStateException("no direct debit store is wired to the collection driver"));
}
