package com.telco.billing.node.usage.intake;

import com.datastax.oss.driver.api.core.DriverException;
import com.telco.billing.protocol.RefusedException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/**
 * Why a batch's records could not be rated, as a stable reason code and a message that names only
 * the kind of failure and how many records it hit: never a submitted value (a record's id or source
 * may be what made it fail, and the reason is shown to every client and operator).
 *
 * @param reason {@link #ACCOUNT_TIMEOUT}, {@link #ACCOUNT_REFUSED}, {@link #STORAGE_FAILURE},
 *     {@link #RATING_ERROR} or {@link #UNREADABLE_BATCH}
 */
public record RatingFailure(String reason, String message) {
  /**
   * An account (or the guiding index) did not answer in time. A usage event the journal cannot take
   * (e.g. one that cannot be serialized) ends like this: the failed persist stops the entity and
   * the ask times out.
   */
  public static final String ACCOUNT_TIMEOUT = "account_timeout";

  /** An account answered with a refusal (its code is in the message). */
  public static final String ACCOUNT_REFUSED = "account_refused";

  /** A Cassandra driver error of the rating (e.g. a suspense write). */
  public static final String STORAGE_FAILURE = "storage_failure";

  /** Any other failure of the rating code. */
  public static final String RATING_ERROR = "rating_error";

  /** The stored body could not be split into records again. */
  public static final String UNREADABLE_BATCH = "unreadable_batch";

  /** The failure of {@code failed} of {@code pending} records, classified by the first failure. */
  static RatingFailure of(Throwable failure, int failed, int pending) {
    Throwable t = unwrap(failure);
    String share = failed + " of " + pending + " records not rated: ";
    if (t instanceof TimeoutException) {
      return new RatingFailure(
          ACCOUNT_TIMEOUT,
          share
              + "an account or the guiding index did not answer in time (e.g. a usage event"
              + " could not be persisted)");
    }
    if (t instanceof RefusedException refused) {
      return new RatingFailure(
          ACCOUNT_REFUSED, share + "refused with code " + refused.refusal().wireCode());
    }
    if (t instanceof DriverException) {
      return new RatingFailure(STORAGE_FAILURE, share + t.getClass().getSimpleName());
    }
    return new RatingFailure(RATING_ERROR, share + t.getClass().getSimpleName());
  }

  /** A stored body that cannot be read back into records. */
  static RatingFailure unreadable(Throwable failure) {
    return new RatingFailure(
        UNREADABLE_BATCH,
        "the stored batch could not be split into records: "
            + unwrap(failure).getClass().getSimpleName());
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
