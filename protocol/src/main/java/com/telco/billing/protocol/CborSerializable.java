package com.telco.billing.protocol;

/**
 * Marker of every message that crosses a node boundary or is persisted: entity commands, replies,
 * events and state. It is bound to Pekko's {@code jackson-cbor} serializer in {@code
 * serialization.conf}; Java serialization is off.
 */
public interface CborSerializable {}
