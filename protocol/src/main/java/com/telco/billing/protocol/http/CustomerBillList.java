package com.telco.billing.protocol.http;

import java.util.List;

/**
 * {@code GET /accounts/{id}/invoices}: one page of the account's invoices as TMF678 CustomerBills,
 * oldest first.
 *
 * @param nextCursor the {@code cursor} of the next page; null on the last page
 */
public record CustomerBillList(
    String accountId, List<CustomerBillResponse> invoices, String nextCursor) {}
