package com.telco.billing.core.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SliceTest {
  private static final List<Integer> TEN = IntStream.rangeClosed(1, 10).boxed().toList();

  @Test
  void pagesByKeySeeEachEntryOnce() {
    List<Integer> seen = new ArrayList<>();
    Integer after = null;
    int pages = 0;
    while (true) {
      Integer cursor = after;
      Slice<Integer> page = Slice.of(TEN, n -> cursor == null || n > cursor, 3);
      seen.addAll(page.items());
      pages++;
      if (!page.more()) {
        break;
      }
      after = page.last();
    }
    assertEquals(TEN, seen);
    assertEquals(4, pages);
  }

  @Test
  void anExactFitHasNoNextPage() {
    Slice<Integer> all = Slice.of(TEN, n -> true, 10);
    assertEquals(TEN, all.items());
    assertFalse(all.more());
    assertTrue(Slice.of(TEN, n -> true, 9).more());
    assertEquals(List.of(), Slice.of(TEN, n -> n > 10, 5).items());
  }

  @Test
  void anEntryAddedBeforeTheCursorDoesNotShiftTheNextPage() {
    List<Integer> grown = new ArrayList<>(List.of(0));
    grown.addAll(TEN);
    // the first page ended at 3; with offsets, 0 arriving would repeat 3 on the next page
    assertEquals(List.of(4, 5, 6), Slice.of(grown, n -> n > 3, 3).items());
  }
}
