package com.telco.billing.protocol.http;

import java.time.LocalDate;

/** {@code POST /bill-runs}: start the bill run of a cycle date. */
public record BillRunRequest(LocalDate cycleDate) {}
