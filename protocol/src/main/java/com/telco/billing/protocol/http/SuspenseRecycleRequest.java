package com.telco.billing.protocol.http;

/**
 * Body of {@code POST /suspense/recycle}: which held records to re-submit (all optional: a reason
 * code, and the suspension time range as ISO instants; default the last 7 days).
 */
public record SuspenseRecycleRequest(String reason, String from, String to) {}
