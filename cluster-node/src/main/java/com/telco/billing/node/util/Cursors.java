package com.telco.billing.node.util;

import com.telco.billing.core.paging.PageCursor;
import com.telco.billing.protocol.Refusal;
import com.telco.billing.protocol.RefusalCode;
import com.telco.billing.protocol.RefusedException;
import java.util.List;

/** The cursors of the paged lists, as the services read them back. */
public final class Cursors {
  private Cursors() {}

  /** The fields of a cursor of {@code kind}, or the refusal {@link #invalid()}. */
  public static List<String> fields(String token, String kind, int fields) {
    return PageCursor.decode(token, kind, fields).orElseThrow(Cursors::invalid);
  }

  /** {@code invalid_cursor}: the cursor is not one this list gave for this query. */
  public static RefusedException invalid() {
    return Refusal.of(
            RefusalCode.INVALID_CURSOR,
            "cursor",
            "cursor must be the nextCursor of a previous answer of the same list, unchanged")
        .toException();
  }
}
