package com.telco.billing.sharding;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The tags account events carry, which projections read. Two streams, so that a projection reads
 * only the events it needs: the account's lifecycle (opened, subscriptions, closed periods) for
 * guiding and the cycle-day read side, and the issued invoices for the invoice read sides (and,
 * later, dunning and the ledger). Usage events carry no tag.
 *
 * <p>Every account belongs to one of {@link #SLICES} slices by the hash of its id, the same slice
 * in both streams, and one projection instance reads one slice of one stream. The number and the
 * tag names are fixed for the life of the cluster (events keep the tag they were written with).
 */
public final class AccountTags {
  private AccountTags() {}

  /** Number of slices, i.e. of parallel instances of each projection over account events. */
  public static final int SLICES = 4;

  /** The tags of the lifecycle stream, in slice order. */
  public static final List<String> ALL = tags("account");

  /** The tags of the invoice stream, in slice order. */
  public static final List<String> INVOICES = tags("invoice");

  /** The lifecycle tag of an account's events. */
  public static String tagFor(String accountId) {
    return ALL.get(sliceOf(accountId));
  }

  /** The invoice tag of an account's events. */
  public static String invoiceTagFor(String accountId) {
    return INVOICES.get(sliceOf(accountId));
  }

  private static int sliceOf(String accountId) {
    return Math.floorMod(accountId.hashCode(), SLICES);
  }

  private static List<String> tags(String stream) {
    return IntStream.range(0, SLICES).mapToObj(slice -> stream + "-" + slice).toList();
  }
}
