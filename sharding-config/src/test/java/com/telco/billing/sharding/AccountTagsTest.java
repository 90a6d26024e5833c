package com.telco.billing.sharding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccountTagsTest {

  @Test
  void theTwoStreamsHaveFixedNamesOneTagPerSlice() {
    assertEquals(List.of("account-0", "account-1", "account-2", "account-3"), AccountTags.ALL);
    assertEquals(List.of("invoice-0", "invoice-1", "invoice-2", "invoice-3"), AccountTags.INVOICES);
    Set<String> all = new HashSet<>(AccountTags.ALL);
    all.retainAll(AccountTags.INVOICES);
    assertTrue(all.isEmpty(), "no tag is in both streams");
  }

  @Test
  void anAccountHasTheSameSliceInBothStreams() {
    for (int i = 0; i < 1_000; i++) {
      String accountId = "ACC-" + i;
      int slice = Math.floorMod(accountId.hashCode(), AccountTags.SLICES);
      assertEquals("account-" + slice, AccountTags.tagFor(accountId));
      assertEquals("invoice-" + slice, AccountTags.invoiceTagFor(accountId));
    }
  }

  @Test
  void accountsSpreadOverAllSlices() {
    Set<String> used = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      used.add(AccountTags.invoiceTagFor("ACC-" + i));
    }
    assertEquals(new HashSet<>(AccountTags.INVOICES), used);
  }
}
