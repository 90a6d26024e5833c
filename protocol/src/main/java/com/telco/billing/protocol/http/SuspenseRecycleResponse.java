package com.telco.billing.protocol.http;

import com.telco.billing.protocol.usage.UsageOutcome;
import com.telco.billing.protocol.usage.UsageResponse;
import java.util.List;

/**
 * Body of a {@code POST /suspense/recycle} answer: the outcomes of the records this call
 * re-submitted, as {@code POST /usage} answers them, and where to go on.
 *
 * @param nextCursor the {@code cursor} for the next call over the same range; null when this call
 *     reached the end of the range
 */
public record SuspenseRecycleResponse(
    int received,
    int accepted,
    int duplicate,
    int rejected,
    int suspended,
    List<UsageOutcome> records,
    String nextCursor) {

  public static SuspenseRecycleResponse of(UsageResponse response, String nextCursor) {
    return new SuspenseRecycleResponse(
        response.received(),
        response.accepted(),
        response.duplicate(),
        response.rejected(),
        response.suspended(),
        response.records(),
        nextCursor);
  }
}
