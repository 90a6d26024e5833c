package com.telco.billing.sharding;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The tags account events carry, which projections read: every account belongs to one of {@link
 * #SLICES} slices by the hash of its id, and one projection instance reads one slice. The number is
 * fixed for the life of the cluster (events keep the tag they were written with).
 */
public final class AccountTags {
  private AccountTags() {}

  /** Number of slices, i.e. of parallel instances of each projection over account events. */
  public static final int SLICES = 4;

  /** All tags, in slice order. */
  public static final List<String> ALL =
      IntStream.range(0, SLICES).mapToObj(AccountTags::tag).toList();

  /** The tag of an account's events. */
  public static String tagFor(String accountId) {
    return tag(Math.floorMod(accountId.hashCode(), SLICES));
  }

  private static String tag(int slice) {
    return "account-" + slice;
  }
}
