package com.telco.billing.sandbox;

/**
 * An event the sandbox published, as it delivers it: the payload is the signed JSON text, the same
 * on every delivery (resends included).
 *
 * @param sequence its place in the order of publication (1, 2, ...)
 * @param id {@code evt_...}
 * @param type e.g. {@code payment_intent.succeeded}
 * @param payload the Event JSON
 */
public record SandboxEvent(long sequence, String id, String type, String payload) {}
