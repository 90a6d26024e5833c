package com.telco.billing.protocol.http;

import java.time.Instant;
import java.util.List;

/**
 * Body of {@code POST /admin/api-keys}: a key for a machine client, before validation.
 *
 * @param name what the key is for (e.g. the mediation feed it belongs to)
 * @param roles role names the key carries
 * @param expiresAt when it stops working; missing: the configured default lifetime
 */
public record ApiKeyRequest(String name, List<String> roles, Instant expiresAt) {}
