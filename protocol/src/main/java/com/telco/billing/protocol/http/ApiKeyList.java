package com.telco.billing.protocol.http;

import java.util.List;

/** {@code GET /admin/api-keys}: every key, without secrets, by id. */
public record ApiKeyList(List<ApiKeyResponse> keys) {}
