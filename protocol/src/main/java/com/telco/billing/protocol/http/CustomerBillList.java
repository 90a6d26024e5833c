package com.telco.billing.protocol.http;

import java.util.List;

/** {@code GET /accounts/{id}/invoices}: the account's invoices as TMF678 CustomerBills. */
public record CustomerBillList(String accountId, List<CustomerBillResponse> invoices) {}
