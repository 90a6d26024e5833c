package com.telco.billing.core.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * One page of a list held in memory (an account's invoices, the remembered bill runs, catalog
 * versions), continued by key rather than by offset: an entry added or dropped before the cursor
 * does not shift the next page, so each entry is seen once.
 *
 * @param items the entries of the page, in the list's order
 * @param more whether entries follow the page
 * @param <T> the entry type
 */
public record Slice<T>(List<T> items, boolean more) {

  /**
   * The first {@code limit} entries of {@code ordered} for which {@code afterCursor} holds (all
   * when there is no cursor); {@code ordered} must be sorted by the key the cursor holds.
   */
  public static <T> Slice<T> of(List<T> ordered, Predicate<T> afterCursor, int limit) {
    List<T> page = new ArrayList<>(Math.min(limit, ordered.size()));
    for (T item : ordered) {
      if (!afterCursor.test(item)) {
        continue;
      }
      if (page.size() == limit) {
        return new Slice<>(List.copyOf(page), true);
      }
      page.add(item);
    }
    return new Slice<>(List.copyOf(page), false);
  }

  /** The last entry of the page, whose key the next cursor holds. */
  public T last() {
    return items.get(items.size() - 1);
  }
}
