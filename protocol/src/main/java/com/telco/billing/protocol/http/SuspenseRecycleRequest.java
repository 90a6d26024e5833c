package com.telco.billing.protocol.http;

import java.math.BigDecimal;

/**
 * Body of {@code POST /suspense/recycle}: which held records to re-submit, all optional: a reason
 * code, the suspension time range as ISO instants (default the last 7 days, at most 31), how many
 * records this call re-submits ({@code limit}) and the {@code cursor} of the previous call's answer
 * to go on with the same range.
 *
 * @param limit any JSON number, so that an absurd one is refused by the limit rule (400 {@code
 *     out_of_range}) rather than by the parser
 */
public record SuspenseRecycleRequest(
    String reason, String from, String to, BigDecimal limit, String cursor) {}
