package com.telco.billing.protocol.http;

import com.telco.billing.protocol.billrun.BillRunView;
import java.util.List;

/**
 * Body of {@code GET /bill-runs}: one page of the remembered runs, newest first.
 *
 * @param nextCursor the {@code cursor} of the next page; null on the last page
 */
public record BillRunPage(List<BillRunView> runs, String nextCursor) {}
